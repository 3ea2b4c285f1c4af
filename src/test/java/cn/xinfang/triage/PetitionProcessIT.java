package cn.xinfang.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.intake.IntakeService;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.intake.RegistrationRequest;
import cn.xinfang.intake.RegistrationValidator;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.Refusals;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The petition process (processes/petition.bpmn) end to end on the running application: real
 * engine, real case store, real delegates and decisions. Cases are registered through {@link
 * IntakeService} (the API's path) or through the clerk's start form, triaged with the variables of
 * docs/domain.md, "The contract", and checked in the engine and in the case store.
 */
@ApplicationIT
class PetitionProcessIT {

  private static final String TRIAGE = PetitionProcess.TASK_TRIAGE;
  private static final String ACCEPT = PetitionProcess.TASK_ACCEPT;
  private static final String DISCIPLINE_UNIT_NAME = "市纪委监委";

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired IntakeService intake;
  @Autowired RegistrationValidator validator;
  @Autowired PetitionStore store;
  @Autowired Deadlines deadlines;
  @Autowired JdbcClient jdbc;
  @Autowired TestRestTemplate rest;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  // ---------------------------------------------------------------------------------------------
  // Every route of docs/domain.md, "Routing", end to end
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> routes() {
    return Stream.of(
        ended(
            "NOT_REACCEPTED by reviewConcluded",
            triage("CLAIM", "NONE", false, true, false, true),
            Route.NOT_REACCEPTED,
            PetitionStatus.NOT_ACCEPTED,
            "NOT_REACCEPTED_NOTICE",
            null,
            "Task_NotifyNotReaccepted",
            "End_NotReaccepted"),
        ended(
            "NOT_REACCEPTED by concluded litigation",
            triage("CLAIM", "LITIGATION", true, false, false, true),
            Route.NOT_REACCEPTED,
            PetitionStatus.NOT_ACCEPTED,
            "NOT_REACCEPTED_NOTICE",
            null,
            "Task_NotifyNotReaccepted",
            "End_NotReaccepted"),
        ended(
            "REFER_OUT",
            triage("CLAIM", "NONE", false, false, false, false),
            Route.REFER_OUT,
            PetitionStatus.CLOSED,
            "REFER_OUT_NOTICE",
            null,
            "Task_NotifyReferOut",
            "End_ReferredOut"),
        ended(
            "DISCIPLINE",
            triage("ACCUSATION", "NONE", false, false, true, true),
            Route.DISCIPLINE,
            PetitionStatus.CLOSED,
            "DISCIPLINE_NOTICE",
            "discipline",
            "Task_DetermineHandlingUnit",
            "Task_TransferPetition",
            "Task_NotifyDiscipline",
            "End_TransferredToDiscipline"),
        waiting(
            "ENFORCEMENT from an accusation",
            triage("ACCUSATION", "NONE", false, false, false, true),
            Route.ENFORCEMENT),
        waiting(
            "SUGGESTION",
            triage("SUGGESTION", "NONE", false, false, false, true),
            Route.SUGGESTION),
        ended(
            "POLITICAL_LEGAL",
            triage("CLAIM", "LITIGATION", false, false, false, true),
            Route.POLITICAL_LEGAL,
            PetitionStatus.CLOSED,
            "POLITICAL_LEGAL_NOTICE",
            "political-legal",
            "Task_DetermineHandlingUnit",
            "Task_TransferPetition",
            "Task_NotifyPoliticalLegal",
            "End_TransferredToPoliticalLegal"),
        ended(
            "LEGAL_CHANNEL (ARBITRATION)",
            triage("CLAIM", "ARBITRATION", false, false, false, true),
            Route.LEGAL_CHANNEL,
            PetitionStatus.CLOSED,
            "LEGAL_CHANNEL_NOTICE",
            null,
            "Task_NotifyLegalChannel",
            "End_GuidedToLegalChannel"),
        ended(
            "LEGAL_CHANNEL (PARTY_APPEAL)",
            triage("CLAIM", "PARTY_APPEAL", false, false, false, true),
            Route.LEGAL_CHANNEL,
            PetitionStatus.CLOSED,
            "LEGAL_CHANNEL_NOTICE",
            null,
            "Task_NotifyLegalChannel",
            "End_GuidedToLegalChannel"),
        ended(
            "LEGAL_CHANNEL (ADMINISTRATIVE)",
            triage("CLAIM", "ADMINISTRATIVE", false, false, false, true),
            Route.LEGAL_CHANNEL,
            PetitionStatus.CLOSED,
            "LEGAL_CHANNEL_NOTICE",
            null,
            "Task_NotifyLegalChannel",
            "End_GuidedToLegalChannel"),
        waiting(
            "ENFORCEMENT from statutoryRoute",
            triage("CLAIM", "ENFORCEMENT", false, false, false, true),
            Route.ENFORCEMENT),
        waiting("PETITION", triage("CLAIM", "NONE", false, false, false, true), Route.PETITION));
  }

  private static Arguments ended(
      String name,
      Map<String, Object> triage,
      Route route,
      PetitionStatus status,
      String notice,
      String handlingUnit,
      String... passed) {
    return Arguments.of(name, triage, route, status, notice, handlingUnit, List.of(passed), true);
  }

  private static Arguments waiting(String name, Map<String, Object> triage, Route route) {
    return Arguments.of(
        name,
        triage,
        route,
        PetitionStatus.TRANSFERRED,
        "TRANSFER_NOTICE",
        "unit-housing",
        List.of("Task_DetermineHandlingUnit", "Task_TransferPetition", "Task_NotifyTransfer"),
        false);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("routes")
  void everyRouteEndsOrReachesTheUnitWithItsStatusRouteAndNotice(
      String name,
      Map<String, Object> triageVars,
      Route route,
      PetitionStatus status,
      String noticeType,
      String handlingUnit,
      List<String> passed,
      boolean ends) {
    // Given a registered housing petition waiting for triage
    Case c = register("FUTIAN", "HOUSING", "2026-09-20");
    assertThat(c.pi).isWaitingAt(TRIAGE);
    assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.REGISTERED);

    // When the bureau triages it
    complete(task(), triageVars);

    // Then the process took the route's path
    assertThat(c.pi)
        .hasPassed("Task_DecideRoute", "Task_RecordRoute")
        .hasPassed(passed.toArray(String[]::new));
    assertThat(runtimeOrHistoricVariable(c, "route")).isEqualTo(route.name());
    PetitionRecord stored = store.get(c.number);
    assertThat(stored.route()).isEqualTo(route);
    assertThat(stored.status()).isEqualTo(status);
    assertThat(noticeTypes(c)).containsExactly(noticeType);
    assertThat(store.milestones(c.id))
        .anySatisfy(
            m -> {
              assertThat(m.type()).isEqualTo(noticeType);
              assertThat(m.publicVisible()).isTrue();
            });
    assertThat(stored.handlingUnit()).isEqualTo(handlingUnit);
    if (ends) {
      assertThat(c.pi).isEnded();
      assertThat(c.pi).hasNotPassed(ACCEPT);
      assertThat(stored.currentDeadline()).as("an ended case has no current deadline").isNull();
      assertThat(stored.deadlineName()).isNull();
    } else {
      assertThat(c.pi).isWaitingAt(ACCEPT);
      Task accept = task();
      assertThat(accept).hasCandidateGroup("unit-housing");
      assertThat(stored.currentDeadline().toInstant()).isEqualTo(accept.getDueDate().toInstant());
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"ARBITRATION, 仲裁", "PARTY_APPEAL, 党员申诉、申请复审", "ADMINISTRATIVE, 行政复议、行政裁决"})
  void theLegalChannelNoticeNamesTheStatutoryRoute(String statutoryRoute, String label) {
    // Given a registered petition
    Case c = register("FUTIAN", "HOUSING", "2026-09-20");

    // When it is triaged to a statutory procedure
    assertThat(c.pi).isWaitingAt(TRIAGE);
    complete(task(), triage("CLAIM", statutoryRoute, false, false, false, true));

    // Then the petitioner's notice names that procedure
    assertThat(c.pi).hasPassed("End_GuidedToLegalChannel").isEnded();
    assertThat(petitionerNotices(c))
        .singleElement()
        .satisfies(n -> assertThat(n.body()).contains(label));
  }

  // ---------------------------------------------------------------------------------------------
  // Handling unit
  // ---------------------------------------------------------------------------------------------

  @Nested
  class HandlingUnit {

    @Test
    void aHousingMatterGoesToTheHousingBureau() {
      // Given a petition with category HOUSING
      Case c = register("FUTIAN", "HOUSING", "2026-09-20");

      // When it is triaged to the petition procedure
      assertThat(c.pi).isWaitingAt(TRIAGE);
      complete(task(), triage("CLAIM", "NONE", false, false, false, true));

      // Then the housing bureau's group is asked to accept it, by name in the case and the notice
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(task()).hasCandidateGroup("unit-housing");
      PetitionRecord stored = store.get(c.number);
      assertThat(stored.handlingUnit()).isEqualTo("unit-housing");
      assertThat(stored.handlingUnitName()).isEqualTo("市住房和建设局");
      assertThat(runtimeService.getVariable(c.pi.getId(), "handlingUnitName")).isEqualTo("市住房和建设局");
      assertThat(petitionerNotices(c))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.type()).isEqualTo("TRANSFER_NOTICE");
                assertThat(n.body()).contains("市住房和建设局");
              });
      // without an SMS gateway (the default) no SMS delivery is started
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey("noticeDelivery")
                  .processInstanceBusinessKey(c.number)
                  .count())
          .isZero();
    }

    @Test
    void withoutCategoryTheDistrictOfficeHandles() {
      // Given a petition without category in Nanshan
      Case c = register("NANSHAN", null, "2026-09-20");

      // When triage leaves the category empty
      assertThat(c.pi).isWaitingAt(TRIAGE);
      complete(task(), triage("CLAIM", "NONE", false, false, false, true));

      // Then the Nanshan district government office is asked to accept it
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(task()).hasCandidateGroup("office-nanshan");
      assertThat(store.get(c.number).handlingUnit()).isEqualTo("office-nanshan");
    }

    @Test
    void unknownCategoryAndUnknownDistrictGoToTheCityOffice() {
      // Given a petition with a category and a district the table does not know
      Case c = register("ATLANTIS", "NO_SUCH_CATEGORY", "2026-09-20");

      // When it is triaged
      assertThat(c.pi).isWaitingAt(TRIAGE);
      complete(task(), triage("CLAIM", "NONE", false, false, false, true));

      // Then routing does not fail: the city government's general office gets it
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(task()).hasCandidateGroup("office-city");
      assertThat(store.get(c.number).handlingUnit()).isEqualTo("office-city");
    }

    @Test
    void aCategoryChosenAtTriageOverridesTheRegisteredOne() {
      // Given a petition registered without category in Futian
      Case c = register("FUTIAN", null, "2026-09-20");

      // When triage sets the category LABOUR
      assertThat(c.pi).isWaitingAt(TRIAGE);
      Map<String, Object> vars = triage("CLAIM", "NONE", false, false, false, true);
      vars.put("category", "LABOUR");
      complete(task(), vars);

      // Then the labour bureau handles it and the case store keeps the corrected category
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(task()).hasCandidateGroup("unit-hrss");
      assertThat(store.get(c.number).category()).isEqualTo("LABOUR");
    }

    @Test
    void aDisciplineCaseGoesToDisciplineAndThePetitionerOnlyReadsJijianJiancha() {
      // Given a petition that accuses an official
      Case c = register("FUTIAN", "HOUSING", "2026-09-20");

      // When it is triaged
      assertThat(c.pi).isWaitingAt(TRIAGE);
      complete(task(), triage("ACCUSATION", "NONE", false, false, true, true));

      // Then it went to the discipline group
      assertThat(c.pi).hasPassed("Task_NotifyDiscipline", "End_TransferredToDiscipline").isEnded();
      PetitionRecord stored = store.get(c.number);
      assertThat(stored.handlingUnit()).isEqualTo("discipline");

      // and every public milestone and notice says no more than 纪检监察机关
      List<Milestone> publicMilestones =
          store.milestones(c.id).stream().filter(Milestone::publicVisible).toList();
      assertThat(publicMilestones)
          .extracting(Milestone::description)
          .noneMatch(d -> d.contains(DISCIPLINE_UNIT_NAME))
          .noneMatch(d -> d.contains("discipline"))
          .anyMatch(d -> d.contains("纪检监察机关"));
      assertThat(publicMilestones)
          .filteredOn(m -> m.type().equals("TRANSFERRED"))
          .extracting(Milestone::description)
          .containsExactly("已转送纪检监察机关");
      List<Notice> notices = petitionerNotices(c);
      assertThat(notices).extracting(Notice::type).containsExactly("DISCIPLINE_NOTICE");
      assertThat(notices)
          .allSatisfy(
              n -> {
                assertThat(n.title() + n.body())
                    .doesNotContain(DISCIPLINE_UNIT_NAME)
                    .doesNotContain("discipline")
                    .contains("纪检监察机关");
              });

      // and so does the petitioner's view over the public API
      ResponseEntity<String> view =
          rest.getForEntity("/api/petitions/{code}", String.class, stored.queryCode());
      assertThat(view.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(view.getBody())
          .contains("纪检监察机关")
          .doesNotContain(DISCIPLINE_UNIT_NAME)
          .doesNotContain("\"discipline\"");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // acceptPetition
  // ---------------------------------------------------------------------------------------------

  @Nested
  class Acceptance {

    @Test
    void theUnitHasFifteenCalendarDaysFromTransfer() {
      // Given a petition transferred to a unit
      Instant before = Instant.now();
      Case c = transferredHousingCase();
      Instant after = Instant.now();

      // Then acceptPetition is due 15 calendar days after transfer, at the end of the day in
      // Beijing
      Date transferredAt = (Date) runtimeService.getVariable(c.pi.getId(), "transferredAt");
      assertThat(transferredAt.toInstant()).isBetween(before.minusSeconds(1), after.plusSeconds(1));
      Date expected = deadlines.dueDate(Var.ACCEPTANCE, transferredAt);
      assertThat(task()).hasDueDate(expected);
      assertThat(
              OffsetDateTime.ofInstant(expected.toInstant(), java.time.ZoneId.of("Asia/Shanghai"))
                  .toLocalTime())
          .isEqualTo(java.time.LocalTime.of(23, 59, 59));
      assertThat(Duration.between(transferredAt.toInstant(), expected.toInstant()).toDays())
          .isBetween(15L, 45L);

      // and the petitioner sees it as the current deadline
      PetitionRecord stored = store.get(c.number);
      assertThat(stored.currentDeadline().toInstant()).isEqualTo(expected.toInstant());
      assertThat(stored.deadlineName()).isEqualTo("承办单位受理期限");
    }

    @Test
    void acceptIssuesTheAcceptanceNoticeAndTheUnitHandlesTheCase() {
      // Given a petition waiting for the unit
      Case c = transferredHousingCase();

      // When the unit accepts it
      complete(task(), withVariables(Var.ACCEPTANCE, "ACCEPT"));

      // Then the acceptance notice is issued and the case is in handling, at the same unit
      assertThat(c.pi)
          .hasPassed("Task_StartHandling", "Task_NotifyAcceptance")
          .hasNotPassed("Task_RecordObjection")
          .isWaitingAt(PetitionProcess.TASK_HANDLE);
      assertThat(task()).hasCandidateGroup("unit-housing");
      PetitionRecord stored = store.get(c.number);
      assertThat(stored.status()).isEqualTo(PetitionStatus.ACCEPTED);
      assertThat(noticeTypes(c)).containsExactly("TRANSFER_NOTICE", "ACCEPTANCE_NOTICE");
      assertThat(petitionerNotices(c).get(1).body()).contains("市住房和建设局");
    }

    @Test
    void objectWithReasonGoesBackToTriageAndTheReasonStaysInternal() {
      // Given a petition waiting for the housing bureau
      Case c = transferredHousingCase();
      String reason = "本事项涉及劳动合同纠纷，不属于住房和建设部门职责，请转人力资源和社会保障部门处理。";

      // When the unit objects with a reason
      complete(task(), withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, reason));
      // and the bureau, having verified it, agrees (Art. 23)
      assertThat(c.pi).isWaitingAt(PetitionProcess.TASK_VERIFY_OBJECTION);
      agreeToTheObjection();

      // Then the case is back at triage, registered again
      assertThat(c.pi)
          .hasPassed("Task_RecordObjection", "Task_ObjectionAgreed")
          .isWaitingAt(TRIAGE);
      assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.REGISTERED);

      // and the reason is an internal milestone, never public: the petitioner only reads that the
      // unit objected and the bureau verifies it
      assertThat(store.milestones(c.id))
          .filteredOn(m -> m.type().equals("OBJECTED"))
          .extracting(Milestone::publicVisible, Milestone::internalNote)
          .containsExactly(tuple(false, reason), tuple(true, null));
      assertThat(store.milestones(c.id))
          .filteredOn(Milestone::publicVisible)
          .allSatisfy(m -> assertThat(m.description()).doesNotContain(reason));
      assertThat(petitionerNotices(c))
          .allSatisfy(n -> assertThat(n.title() + n.body()).doesNotContain(reason));
      assertThat(
              rest.getForObject(
                  "/api/petitions/{code}", String.class, store.get(c.number).queryCode()))
          .doesNotContain(reason);

      // and the triage form shows it to the bureau
      Task retriage = task();
      assertThat(
              formService
                  .getTaskFormVariables(retriage.getId())
                  .getValue(Var.OBJECTION_REASON, String.class))
          .isEqualTo(reason);

      // When the bureau re-triages to labour and the case is transferred again
      Map<String, Object> vars = triage("CLAIM", "NONE", false, false, false, true);
      vars.put("category", "LABOUR");
      complete(retriage, vars);

      // Then the new unit is asked, and the old reason no longer travels with the case
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(task()).hasCandidateGroup("unit-hrss");
      assertThat(runtimeService.getVariables(c.pi.getId())).doesNotContainKey(Var.OBJECTION_REASON);
      assertThat(formService.getTaskFormVariables(task().getId()).keySet())
          .doesNotContain(Var.OBJECTION_REASON);
      assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.TRANSFERRED);
      assertThat(store.get(c.number).handlingUnit()).isEqualTo("unit-hrss");
    }

    @Test
    void anObjectionAfterFiveWorkingDaysIsRefusedButAcceptanceIsNot() {
      // Given a unit that received the case on Sunday 2026-09-20 (an adjusted working day): its
      // five
      // working days end on 2026-09-28, after the 中秋 holiday (Art. 23)
      Case c = transferredHousingCase();
      runtimeService.setVariable(
          c.pi.getId(),
          "transferredAt",
          Date.from(
              LocalDateTime.of(2026, 9, 20, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
      Task accept = task();

      // When it objects now, long after that
      // Then the objection is refused with the date the window closed, and nothing moved
      assertThatThrownBy(
              () ->
                  complete(
                      accept,
                      withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责")))
          .hasStackTraceContaining("2026年9月28日");
      Refusals.assertRefused(
          () ->
              complete(
                  accept, withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责")),
          Var.ACCEPTANCE);
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.TRANSFERRED);

      // but it may still accept
      complete(accept, withVariables(Var.ACCEPTANCE, "ACCEPT"));
      assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.ACCEPTED);
    }

    @Test
    void afterAnObjectionTheNextRoundStartsFromScratch() {
      // Given a unit that objected to a housing case
      Case c = transferredHousingCase();
      complete(
          task(),
          withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责，应由人社部门处理。"));
      agreeToTheObjection();

      // Then the petitioner reads that the case went back, without the unit's reasoning or the old
      // route
      PetitionRecord returned = store.get(c.number);
      assertThat(returned.route()).isNull();
      assertThat(returned.handlingUnitName()).isNull();
      assertThat(store.milestones(c.id))
          .filteredOn(Milestone::publicVisible)
          .last()
          .satisfies(m -> assertThat(m.type()).isEqualTo("RETURNED_TO_TRIAGE"));

      // and the bureau must decide the routing inputs again: an empty completion is refused
      Refusals.assertRefused(() -> complete(task(), Map.of()), Var.NATURE);
      assertThat(c.pi).isWaitingAt(TRIAGE);

      // When it re-triages to the same unit
      complete(task(), triage("CLAIM", "NONE", false, false, false, true));

      // Then the earlier OBJECT answer does not decide the new round
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(runtimeService.getVariables(c.pi.getId()))
          .doesNotContainKeys(Var.ACCEPTANCE, Var.OBJECTION_REASON);
      Refusals.assertRefused(
          () -> complete(task(), withVariables(Var.OBJECTION_REASON, "仍不属本单位")), Var.ACCEPTANCE);
      complete(task(), withVariables(Var.ACCEPTANCE, "ACCEPT"));
      assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.ACCEPTED);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cn.xinfang.triage.PetitionProcessIT#refusedAcceptances")
    void anIncompleteAcceptanceIsRefused(String name, Map<String, Object> vars, String field) {
      // Given a petition waiting for the unit
      Case c = transferredHousingCase();
      Task accept = task();
      Snapshot before = snapshot(c);

      // When the unit completes the task with an incomplete or invalid answer
      // Then completion is refused, naming the field, and nothing moved
      Refusals.assertRefused(() -> complete(accept, vars), field);
      assertThat(c.pi).isWaitingAt(ACCEPT);
      assertThat(task().getId()).isEqualTo(accept.getId());
      assertThat(snapshot(c)).isEqualTo(before);
      assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.TRANSFERRED);
    }
  }

  static Stream<Arguments> refusedAcceptances() {
    return Stream.of(
        Arguments.of(
            "OBJECT without reason", withVariables(Var.ACCEPTANCE, "OBJECT"), Var.OBJECTION_REASON),
        Arguments.of(
            "OBJECT with a blank reason",
            withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "   "),
            Var.OBJECTION_REASON),
        Arguments.of("no acceptance", new HashMap<String, Object>(), Var.ACCEPTANCE),
        Arguments.of("acceptance MAYBE", withVariables(Var.ACCEPTANCE, "MAYBE"), Var.ACCEPTANCE));
  }

  // ---------------------------------------------------------------------------------------------
  // Triage validation
  // ---------------------------------------------------------------------------------------------

  static Stream<Arguments> invalidTriages() {
    return Stream.of(
        Arguments.of(
            "statutoryRoute BOGUS", with(Var.STATUTORY_ROUTE, "BOGUS"), Var.STATUTORY_ROUTE),
        Arguments.of("nature missing", without(Var.NATURE), Var.NATURE),
        Arguments.of("nature in lower case", with(Var.NATURE, "claim"), Var.NATURE),
        Arguments.of(
            "withinJurisdiction as a string",
            with(Var.WITHIN_JURISDICTION, "true"),
            Var.WITHIN_JURISDICTION),
        Arguments.of(
            "reviewConcluded missing", without(Var.REVIEW_CONCLUDED), Var.REVIEW_CONCLUDED),
        Arguments.of(
            "legalProcessConcluded missing",
            without(Var.LEGAL_PROCESS_CONCLUDED),
            Var.LEGAL_PROCESS_CONCLUDED),
        Arguments.of(
            "accusedIsOfficial as a number",
            with(Var.ACCUSED_IS_OFFICIAL, 1),
            Var.ACCUSED_IS_OFFICIAL),
        Arguments.of(
            "simpleProcedure as a string", with(Var.SIMPLE_PROCEDURE, "yes"), Var.SIMPLE_PROCEDURE),
        Arguments.of("transferMode unknown", with(Var.TRANSFER_MODE, "FAX"), Var.TRANSFER_MODE),
        Arguments.of("category too long", with("category", "X".repeat(51)), "category"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidTriages")
  void anInvalidTriageIsRefusedAndChangesNothing(
      String name, Map<String, Object> vars, String field) {
    // Given a registered petition waiting for triage
    Case c = register("FUTIAN", "HOUSING", "2026-09-20");
    assertThat(c.pi).isWaitingAt(TRIAGE);
    Task triage = task();
    Snapshot before = snapshot(c);

    // When the clerk completes triage with a missing or invalid routing input
    // Then completion is refused with the faulty field
    Refusals.assertRefused(() -> complete(triage, vars), field);

    // and the process, its variables and the case store are as before
    assertThat(c.pi).isWaitingAt(TRIAGE).hasNotPassed("Task_DecideRoute");
    assertThat(task().getId()).isEqualTo(triage.getId());
    assertThat(runtimeService.getVariables(c.pi.getId()))
        .doesNotContainKeys(
            Var.NATURE, Var.STATUTORY_ROUTE, "route", Var.SIMPLE_PROCEDURE, Var.TRANSFER_MODE);
    assertThat(snapshot(c)).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------
  // Registration through the clerk's start form
  // ---------------------------------------------------------------------------------------------

  @Nested
  class StartForm {

    @Test
    void theStartFormRegistersTheCaseAndKeepsPersonalDataOutOfTheEngine() {
      // Given the start form filled in by a bureau clerk
      String title = "来访：物业侵占公共绿地 " + UUID.randomUUID();
      Map<String, Object> form = Petitions.startForm(title, "13912345678");

      // When the clerk, a member of the bureau, submits it
      String definitionId = petitionDefinitionId();
      ProcessInstance pi;
      identityService.setAuthentication("clerk1", List.of("bureau"));
      try {
        pi = formService.submitStartForm(definitionId, form);
      } finally {
        identityService.clearAuthentication();
      }

      // Then a case row holds the data
      String caseNumber = (String) runtimeService.getVariable(pi.getId(), "caseNumber");
      assertThat(caseNumber).matches("XF\\d{4}-\\d{8}");
      PetitionRecord stored = store.get(caseNumber);
      assertThat(stored.status()).isEqualTo(PetitionStatus.REGISTERED);
      assertThat(stored.title()).isEqualTo(title);
      assertThat(stored.content()).isEqualTo("小区物业将公共绿地改建为收费停车场，请求恢复绿地。");
      assertThat(stored.channel().name()).isEqualTo("VISIT");
      assertThat(stored.district()).isEqualTo("NANSHAN");
      assertThat(stored.category()).isEqualTo("LAND");
      assertThat(stored.personCount()).isEqualTo(1);
      assertThat(stored.receivedAt().toInstant())
          .isEqualTo(OffsetDateTime.parse("2026-09-20T00:00:00+08:00").toInstant());
      assertThat(store.persons(stored.id()))
          .singleElement()
          .isEqualTo(new Person("李四", "11010519491231002X", "13912345678", "深圳市南山区科技园 8 号", false));
      assertThat(
              jdbc.sql("select registered_by from petition where case_number = ?")
                  .param(caseNumber)
                  .query(String.class)
                  .single())
          .isEqualTo("clerk1");
      assertThat(store.milestones(stored.id()))
          .extracting(Milestone::type)
          .containsExactly("REGISTERED", "REGISTRATION_RECEIPT");

      // and the process instance carries the case number as business key, has issued the counter
      // petitioner's receipt and waits for triage
      assertThat(pi)
          .hasBusinessKey(caseNumber)
          .isWaitingAt(TRIAGE)
          .hasPassed("Task_RegisterPetition", "Task_IssueRegistrationReceipt");
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                  .processInstanceBusinessKey(caseNumber)
                  .singleResult()
                  .getId())
          .isEqualTo(pi.getId());
      assertThat(task(pi))
          .hasDueDate(Date.from(OffsetDateTime.parse("2026-10-08T23:59:59+08:00").toInstant()));

      // and personal data and the full text are not process variables any more
      Map<String, Object> variables = runtimeService.getVariables(pi.getId());
      assertThat(variables)
          .doesNotContainKeys(
              "petitionerPhone", "petitionerIdNumber", "petitionerAddress", "content");
      assertThat(variables).containsEntry("petitionerName", "李四").doesNotContainKey("registeredBy");
      assertThat(formService.getTaskFormVariables(task(pi).getId()).keySet())
          .doesNotContain("petitionerPhone", "petitionerIdNumber", "petitionerAddress", "content");
    }

    @Test
    void startingByKeyWithTheFormFieldsWorksTheSame() {
      // Given the start-form fields as process variables
      String title = "来电：噪声扰民 " + UUID.randomUUID();

      // When the process is started by key
      ProcessInstance pi =
          runtimeService.startProcessInstanceByKey(
              "petition", Petitions.startForm(title, "0755-12345678"));

      // Then it is registered and waits for triage under its case number
      String caseNumber = (String) runtimeService.getVariable(pi.getId(), "caseNumber");
      assertThat(store.get(caseNumber).title()).isEqualTo(title);
      assertThat(pi).hasBusinessKey(caseNumber).isWaitingAt(TRIAGE);
      assertThat(runtimeService.getVariables(pi.getId()))
          .doesNotContainKeys(
              "petitionerPhone", "petitionerIdNumber", "petitionerAddress", "content");
    }

    @Test
    void invalidStartFormDataLeavesNoCaseAndNoProcess() {
      // Given a start form with an invalid phone number
      String title = "来访：无效电话 " + UUID.randomUUID();
      long instancesBefore =
          historyService
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(PetitionProcess.PROCESS_KEY)
              .count();

      // When the clerk submits it
      // Then registration is refused, naming the phone
      Refusals.assertRefused(
          () ->
              formService.submitStartForm(
                  petitionDefinitionId(), Petitions.startForm(title, "12345")),
          "petitioner.phone");

      // and neither a case row nor a process instance exists
      assertThat(
              jdbc.sql("select count(*) from petition where title = ?")
                  .param(title)
                  .query(Long.class)
                  .single())
          .isZero();
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .variableValueEquals("title", title)
                  .count())
          .isZero();
      assertThat(
              historyService
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                  .count())
          .isEqualTo(instancesBefore);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Deadlines on holidays
  // ---------------------------------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] received {0} -> triage due {1}")
  @CsvSource({
    "2026-09-20, 2026-10-08T23:59:59+08:00", // 15 days end on 10-05, inside 国庆: next working day
    "2026-01-30, 2026-02-14T23:59:59+08:00" // 15 days end on Sat 02-14, an adjusted working day
  })
  void theTriageDeadlineFollowsTheHolidayCalendar(String receivedAt, String due) {
    // Given a petition received on that day
    Case c = register("FUTIAN", "HOUSING", receivedAt);

    // Then triage is due on the statutory day, in the engine and in the petitioner's view
    assertThat(c.pi).isWaitingAt(TRIAGE);
    Instant expected = OffsetDateTime.parse(due).toInstant();
    assertThat(task()).hasDueDate(Date.from(expected));
    PetitionRecord stored = store.get(c.number);
    assertThat(stored.currentDeadline().toInstant()).isEqualTo(expected);
    assertThat(stored.deadlineName()).isEqualTo("信访事项分流期限");
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  /** A registered case: its number, its case-store id and its process instance. */
  @Test
  void aProcessStartedWithAnotherCasesNumberIsRefused() {
    // Given a registered case with its own process
    Case c = register("FUTIAN", "HOUSING", "2026-09-20");
    long processes =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .count();

    // When someone starts another process naming that case, with or without its business key
    // Then registration refuses it and nothing starts
    Refusals.assertRefused(
        () ->
            runtimeService.startProcessInstanceByKey(
                "petition", Map.of("caseNumber", c.number, "receivedAt", new Date())),
        "caseNumber");
    Refusals.assertRefused(
        () ->
            runtimeService.startProcessInstanceByKey(
                "petition", c.number, Map.of("caseNumber", c.number, "receivedAt", new Date())),
        "caseNumber");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                .count())
        .isEqualTo(processes);
    assertThat(c.pi).isWaitingAt(TRIAGE);
  }

  @ParameterizedTest(name = "[{index}] reviewConcluded={0}")
  @CsvSource({"true, 同一事实和理由已经复核终结", "false, 该涉法涉诉事项已经依法终结"})
  void theNotReacceptedNoticeNamesTheGroundThatApplied(boolean reviewConcluded, String ground) {
    Case c = register("FUTIAN", "HOUSING", "2026-09-20");

    complete(task(), triage("CLAIM", "LITIGATION", !reviewConcluded, reviewConcluded, false, true));

    assertThat(c.pi).isEnded();
    assertThat(petitionerNotices(c))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.type()).isEqualTo("NOT_REACCEPTED_NOTICE");
              assertThat(n.body()).contains(ground);
            });
  }

  record Case(String number, long id, ProcessInstance pi) {}

  /** What a refused completion must leave untouched. */
  record Snapshot(
      PetitionRecord petition,
      List<Milestone> milestones,
      List<Notice> notices,
      Map<String, Object> variables) {}

  private Case register(String district, String category, String receivedAt) {
    RegistrationRequest request =
        new RegistrationRequest(
            null,
            "ONLINE",
            receivedAt,
            new PersonRequest("张三", "11010519491231002X", "13800138000", "深圳市福田区福华路 1 号"),
            1,
            district,
            category,
            "小区楼上漏水",
            "楼上住户漏水多次协商未果，请求有关部门协调处理。",
            null);
    PetitionRecord record = intake.register(validator.validate(request, null)).petition();
    ProcessInstance pi =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .processInstanceBusinessKey(record.caseNumber())
            .singleResult();
    assertThat(pi).as("process instance of %s", record.caseNumber()).isNotNull();
    return new Case(record.caseNumber(), record.id(), pi);
  }

  /** The bureau agrees to the unit's objection, having verified it. */
  private void agreeToTheObjection() {
    complete(
        task(), withVariables(Var.OBJECTION_AGREED, true, Var.VERIFICATION_COMMENT, "经核实，同意异议"));
  }

  private Case transferredHousingCase() {
    Case c = register("FUTIAN", "HOUSING", "2026-09-20");
    assertThat(c.pi).isWaitingAt(TRIAGE);
    complete(task(), triage("CLAIM", "NONE", false, false, false, true));
    assertThat(c.pi).isWaitingAt(ACCEPT);
    assertThat(store.get(c.number).status()).isEqualTo(PetitionStatus.TRANSFERRED);
    return c;
  }

  private static Map<String, Object> triage(
      String nature,
      String statutoryRoute,
      boolean legalProcessConcluded,
      boolean reviewConcluded,
      boolean accusedIsOfficial,
      boolean withinJurisdiction) {
    return Petitions.triage(
        nature,
        statutoryRoute,
        legalProcessConcluded,
        reviewConcluded,
        accusedIsOfficial,
        withinJurisdiction);
  }

  /** A valid PETITION-route triage with one variable replaced. */
  private static Map<String, Object> with(String name, Object value) {
    Map<String, Object> vars = triage("CLAIM", "NONE", false, false, false, true);
    vars.put(name, value);
    return vars;
  }

  /** A valid PETITION-route triage with one variable left out. */
  private static Map<String, Object> without(String name) {
    Map<String, Object> vars = triage("CLAIM", "NONE", false, false, false, true);
    vars.remove(name);
    return vars;
  }

  private String petitionDefinitionId() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(PetitionProcess.PROCESS_KEY)
        .latestVersion()
        .singleResult()
        .getId();
  }

  private Snapshot snapshot(Case c) {
    return new Snapshot(
        store.get(c.number),
        store.milestones(c.id),
        store.notices(c.id),
        new HashMap<>(runtimeService.getVariables(c.pi.getId())));
  }

  /**
   * The notices to the petitioner (the internal ones, such as a 预警提示函 of a repeat petition, are for
   * staff).
   */
  private List<String> noticeTypes(Case c) {
    return petitionerNotices(c).stream().map(Notice::type).toList();
  }

  /**
   * The case's notices to the petitioner: the internal ones (a 预警提示函 of a repeat petition, a 督办函)
   * are for staff.
   */
  private List<Notice> petitionerNotices(Case c) {
    return store.notices(c.id).stream().filter(n -> !n.internal()).toList();
  }

  private Object runtimeOrHistoricVariable(Case c, String name) {
    return Optional.ofNullable(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(c.pi.getId())
                .variableName(name)
                .singleResult())
        .map(v -> v.getValue())
        .orElse(null);
  }
}
