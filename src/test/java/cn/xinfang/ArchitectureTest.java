package cn.xinfang;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The layering of the packages (docs/architecture.md), as rules the build checks:
 *
 * <ul>
 *   <li>the case store ({@code casestore}) and the statutory calendar ({@code calendar}) know
 *       neither the engine nor the web;
 *   <li>the engine glue ({@code engine}), the web plumbing ({@code web}) and the database tuning
 *       ({@code database}) serve the feature packages and never depend on one;
 *   <li>no package depends on itself through others;
 *   <li>Camunda's internal API ({@code org.camunda.bpm.engine.impl}) only in {@code engine} and
 *       {@code security}, where the engine is configured, so that a move to Operaton stays small;
 *   <li>a delegate is a {@code …Delegate}, a task listener a {@code …Listener}: a BPMN element's
 *       code is found by its name.
 * </ul>
 */
@AnalyzeClasses(packages = "cn.xinfang", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  static final String[] FEATURES = {
    "cn.xinfang.intake..",
    "cn.xinfang.triage..",
    "cn.xinfang.handling..",
    "cn.xinfang.appeal..",
    "cn.xinfang.evaluation..",
    "cn.xinfang.notice..",
    "cn.xinfang.staff..",
    "cn.xinfang.attachment..",
    "cn.xinfang.metrics..",
    "cn.xinfang.security..",
    "cn.xinfang.supervision..",
    "cn.xinfang.warning..",
    "cn.xinfang.dashboard..",
    "cn.xinfang.operations.."
  };

  @ArchTest
  static final ArchRule noCycles = slices().matching("cn.xinfang.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule caseStoreKnowsNeitherEngineNorWeb =
      noClasses()
          .that()
          .resideInAPackage("cn.xinfang.casestore..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.camunda..",
              "jakarta.servlet..",
              "org.springframework.web..",
              "cn.xinfang.engine..",
              "cn.xinfang.web..",
              "cn.xinfang.database..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule calendarStandsAlone =
      noClasses()
          .that()
          .resideInAPackage("cn.xinfang.calendar..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.camunda..",
              "jakarta.servlet..",
              "..casestore..",
              "cn.xinfang.engine..",
              "cn.xinfang.web..",
              "cn.xinfang.database..")
          .orShould()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule plumbingServesTheFeatures =
      noClasses()
          .that()
          .resideInAnyPackage("cn.xinfang.engine..", "cn.xinfang.web..", "cn.xinfang.database..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES);

  @ArchTest
  static final ArchRule engineInternalsOnlyWhereTheEngineIsConfigured =
      noClasses()
          .that()
          .resideOutsideOfPackages("cn.xinfang.engine..", "cn.xinfang.security..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.camunda.bpm.engine.impl..");

  @ArchTest
  static final ArchRule delegatesAreNamedSo =
      classes().that().implement(JavaDelegate.class).should().haveSimpleNameEndingWith("Delegate");

  @ArchTest
  static final ArchRule taskListenersAreNamedSo =
      classes().that().implement(TaskListener.class).should().haveSimpleNameEndingWith("Listener");
}
