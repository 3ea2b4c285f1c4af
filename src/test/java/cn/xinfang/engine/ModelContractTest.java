package cn.xinfang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.appeal.ReReviewListener.ReReviewAction;
import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.handling.HandlePetitionListener.HandlingAction;
import cn.xinfang.handling.MediationListener.MediationResult;
import cn.xinfang.triage.ValidateAcceptanceListener.Acceptance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * The contract between the models (processes/, dmn/, forms/) and the code, checked both ways: what
 * the models name exists in the code (services, variables, clocks, milestone and notice types, the
 * values their conditions compare with), what the code names exists in the models (task keys,
 * forms, decision tables), and bench/ speaks the same names. Reads the files as a designer leaves
 * them, without starting anything.
 */
class ModelContractTest {

  static final Path PROCESS = Path.of("processes", "petition.bpmn");
  static String xml;
  static BpmnModelInstance model;
  static ModelSet models;
  static Set<String> variables;
  static Set<String> beans;

  @BeforeAll
  static void read() throws IOException {
    xml = Files.readString(PROCESS);
    model = Bpmn.readModelFromFile(PROCESS.toFile());
    Map<String, byte[]> resources = new LinkedHashMap<>();
    for (String folder : List.of("processes", "dmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path f : files.toList()) {
          resources.put(folder + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    models = ModelSet.of(resources);
    variables = constants(Var.class);
    variables.addAll(constants(cn.xinfang.supervision.SupervisionProcess.Var.class));
    beans = beanNames();
  }

  @Test
  void everyServiceTheModelsNameIsABeanOfTheApplication() {
    assertThat(models.beans()).isNotEmpty();
    assertThat(beans).containsAll(models.beans());
    assertThat(beans).contains("deadlines", "replyApprovalChain");
  }

  @Test
  void theUserTasksAreTheContractsTaskKeys() {
    Set<String> tasks =
        model.getModelElementsByType(UserTask.class).stream()
            .map(UserTask::getId)
            .collect(Collectors.toSet());
    assertThat(tasks).containsExactlyInAnyOrderElementsOf(PetitionProcess.TASKS);
  }

  @Test
  void everyFormAndDecisionTheProcessLooksUpIsInTheRepositoryAndEveryOneIsUsed() {
    assertThat(models.missing()).isEmpty();
    assertThat(models.forms.keySet()).containsExactlyInAnyOrderElementsOf(models.formRefs.keySet());
    assertThat(models.decisions.keySet())
        .containsExactlyInAnyOrderElementsOf(models.decisionRefs.keySet());
  }

  @Test
  void everyVariableTheModelsNameIsAContractVariable() {
    Set<String> named = new TreeSet<>();
    for (String expression : expressions()) {
      String code = expression.replaceAll("'[^']*'", "''");
      Matcher identifier = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)").matcher(code);
      while (identifier.find()) {
        named.add(identifier.group(1));
      }
      Matcher getVariable = Pattern.compile("getVariable\\('(\\w+)'\\)").matcher(expression);
      while (getVariable.find()) {
        named.add(getVariable.group(1));
      }
    }
    named.removeAll(
        Set.of(
            "execution",
            "task",
            "true",
            "false",
            "null",
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "getVariable"));
    named.removeAll(beans);
    assertThat(named).isNotEmpty();
    assertThat(variables).containsAll(named);
  }

  @Test
  void everyFormInputIsAContractVariable() throws IOException {
    for (Path form : files("forms", ".form")) {
      for (String input : cn.xinfang.security.FormInputsAccess.inputs(form)) {
        assertThat(variables).as("%s: %s", form, input).contains(input);
      }
    }
  }

  @Test
  void theClocksTheModelsAndTheCodeNameAreConfigured() throws IOException {
    Set<String> named = new TreeSet<>(matches("dueDate\\('([a-z-]+)'"));
    for (CamundaInputParameter p : model.getModelElementsByType(CamundaInputParameter.class)) {
      if ("handlingClock".equals(p.getCamundaName())) {
        Matcher literal = Pattern.compile("'([a-z-]+)'").matcher(p.getTextContent());
        while (literal.find()) {
          named.add(literal.group(1));
        }
      }
    }
    JsonNode deadlines =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("src/main/resources/application.yaml").toFile())
            .path("petition")
            .path("deadlines");
    Set<String> configured = new TreeSet<>();
    deadlines.fieldNames().forEachRemaining(configured::add);
    assertThat(Clocks.ALL).containsAll(named);
    assertThat(configured).containsExactlyInAnyOrderElementsOf(Clocks.ALL);
  }

  @Test
  void theValuesTheConditionsCompareWithAreThoseOfTheirEnums() {
    Map<String, Set<String>> values =
        Map.of(
            Var.ROUTE, names(Route.values()),
            Var.ACCEPTANCE, names(Acceptance.values()),
            Var.HANDLING_ACTION, names(HandlingAction.values()),
            Var.MEDIATION_RESULT, names(MediationResult.values()),
            Var.RE_REVIEW_ACTION, names(ReReviewAction.values()),
            Var.REVIEW_OUTCOME, names(AppealOutcome.values()),
            Var.RE_REVIEW_OUTCOME, names(AppealOutcome.values()),
            Var.DELIVERED_OPINION, names(OpinionKind.values()),
            Var.CHANNEL, names(Channel.values()));
    Matcher comparison = Pattern.compile("\\$\\{(\\w+) [=!]= '([A-Z_]+)'}").matcher(xml);
    int compared = 0;
    while (comparison.find()) {
      assertThat(values).as(comparison.group()).containsKey(comparison.group(1));
      assertThat(values.get(comparison.group(1)))
          .as(comparison.group())
          .contains(comparison.group(2));
      compared++;
    }
    assertThat(compared).isGreaterThan(10);
  }

  @Test
  void theTimelineAndNoticeTypesTheModelsNameExist() throws IOException {
    Set<String> milestones = parameters("milestoneType");
    assertThat(milestones).containsExactlyInAnyOrderElementsOf(MilestoneType.OF_MODELS);
    Properties notices = new Properties();
    try (var in = Files.newBufferedReader(Path.of("src/main/resources/notices.properties"))) {
      notices.load(in);
    }
    Set<String> noticeTypes = parameters("noticeType");
    assertThat(noticeTypes).isNotEmpty();
    for (String type : noticeTypes) {
      for (String part : List.of("title", "body", "milestone")) {
        assertThat(notices).as(type).containsKey("notice." + type + "." + part);
      }
    }
  }

  @Test
  void theFormsLimitOfAnExtensionIsTheConfiguredOne() throws IOException {
    JsonNode extension =
        new ObjectMapper(new YAMLFactory())
            .readTree(Path.of("src/main/resources/application.yaml").toFile())
            .path("petition")
            .path("deadlines")
            .path(Clocks.EXTENSION);
    assertThat(
            cn.xinfang.security.FormInputsAccess.max(
                Path.of("forms/handle-petition.form"), Var.EXTENSION_DAYS))
        .isEqualTo(extension.path("days").asDouble());
  }

  @Test
  void benchSpeaksTheContractsNames() throws IOException {
    int tasks = 0;
    int named = 0;
    for (Path script : files("bench", ".lua")) {
      String lua = Files.readString(script);
      Matcher task = Pattern.compile("\\{ \"(\\w+)\", \"\\w+\", [A-Z]+ }").matcher(lua);
      while (task.find()) {
        assertThat(PetitionProcess.TASKS).as(script.toString()).contains(task.group(1));
        tasks++;
      }
      Matcher variable =
          Pattern.compile("\"(\\w+)\":\\{\"value\"").matcher(lua.replace("\\\"", "\""));
      while (variable.find()) {
        assertThat(variables).as(script.toString()).contains(variable.group(1));
        named++;
      }
    }
    assertThat(tasks).as("the lifecycle's steps").isGreaterThanOrEqualTo(5);
    assertThat(named)
        .as("the variables the lifecycle completes tasks with")
        .isGreaterThanOrEqualTo(8);
  }

  private static List<String> expressions() {
    List<String> found = new java.util.ArrayList<>();
    Matcher m = Pattern.compile("\\$\\{([^}]*)}").matcher(xml);
    while (m.find()) {
      found.add(
          m.group(1)
              .replace("&#39;", "'")
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&amp;", "&"));
    }
    return found;
  }

  private static Set<String> matches(String regex) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile(regex).matcher(xml);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static Set<String> parameters(String name) {
    return model.getModelElementsByType(CamundaInputParameter.class).stream()
        .filter(p -> name.equals(p.getCamundaName()))
        .map(p -> p.getTextContent().strip())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<Path> files(String folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static Set<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
  }

  /** The values of a constants class's public static String fields. */
  static Set<String> constants(Class<?> type) {
    Set<String> values = new HashSet<>();
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        try {
          values.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  /** The names of the application's components, as Spring names them, found without starting it. */
  static Set<String> beanNames() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    AnnotationBeanNameGenerator names = new AnnotationBeanNameGenerator();
    DefaultListableBeanFactory registry = new DefaultListableBeanFactory();
    return scanner.findCandidateComponents("cn.xinfang").stream()
        .filter(d -> !d.getBeanClassName().contains("Test"))
        .map(d -> names.generateBeanName(d, registry))
        .collect(Collectors.toSet());
  }
}
