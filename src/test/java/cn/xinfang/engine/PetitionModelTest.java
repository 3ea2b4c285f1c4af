package cn.xinfang.engine;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.xinfang.engine.PetitionProcess.Var;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/**
 * The paths of processes/petition.bpmn on a plain in-memory engine, with the real decision tables
 * and the application's services stood in for by mocks that set only what the model's gateways,
 * timers and due dates read. No Spring, no HTTP: the whole class runs in a few seconds, for a
 * designer who changed a gateway or a flow (the services themselves are tested in the *IT classes).
 */
@Deployment(
    resources = {
      "processes/petition.bpmn",
      "dmn/petition-routing.dmn",
      "dmn/handling-unit.dmn",
      "dmn/reply-approval.dmn",
      "dmn/review-level.dmn",
      "forms/register-petition.form",
      "forms/triage-petition.form",
      "forms/accept-petition.form",
      "forms/handle-petition.form",
      "forms/approve-extension.form",
      "forms/mediate-petition.form",
      "forms/hold-hearing.form",
      "forms/approve-reply.form",
      "forms/review-petition.form",
      "forms/re-review-petition.form",
      "forms/confirm-delivery.form",
      "forms/verify-objection.form",
      "forms/report-completion.form"
    })
class PetitionModelTest {

  /** What the engine says while it parses the models: it must have nothing to warn about. */
  static final ListAppender<ILoggingEvent> PARSING = new ListAppender<>();

  static {
    PARSING.start();
    ((Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.util")).addAppender(PARSING);
  }

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

  static final JavaDelegate NOTHING = execution -> {};
  static final TaskListener NO_CHECK = task -> {};
  static final Date LATER = Date.from(Instant.now().plus(30, ChronoUnit.DAYS));

  /** The deadlines bean of the due-date expressions: every clock a month away. */
  public static class Deadlines {
    public Date dueDate(String clock, Object from) {
      return LATER;
    }
  }

  /**
   * The approval chain as the decision table decided it (the application keeps it in the case
   * store).
   */
  public static class ReplyApprovalChain {
    @SuppressWarnings("unchecked")
    public List<String> groups(DelegateExecution execution) {
      return List.copyOf((Collection<String>) execution.getVariable(Var.REPLY_APPROVERS));
    }
  }

  /** The head group of the case's handling unit, the approver of its extensions. */
  public static class UnitHeads {
    public String of(DelegateExecution execution) {
      return PetitionProcess.Group.head((String) execution.getVariable(Var.HANDLING_UNIT));
    }
  }

  @BeforeEach
  void standInForTheServices() {
    for (String delegate :
        List.of(
            "recordRouteDelegate",
            "issueNoticeDelegate",
            "recordMilestoneDelegate",
            "recordCompletionReportDelegate",
            "recordApprovalChainDelegate",
            "closeEvaluationDelegate",
            "recordHearingDelegate",
            "recordDeliveryDelegate",
            "mergePetitionDelegate")) {
      Mocks.register(delegate, NOTHING);
    }
    for (String listener :
        List.of(
            "caseTaskListener",
            "validateTriageListener",
            "validateAcceptanceListener",
            "approveExtensionListener",
            "mediationListener",
            "hearingListener",
            "approveReplyListener",
            "reviewListener",
            "reReviewListener",
            "confirmDeliveryListener",
            "verifyObjectionListener",
            "completionReportListener",
            "proposeHandlingUnitListener")) {
      Mocks.register(listener, NO_CHECK);
    }
    // as HandlePetitionListener: each round starts afresh, and concluding is what a unit does
    // unless it says else
    Mocks.register(
        "handlePetitionListener",
        (TaskListener)
            task -> {
              if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                task.getExecution().removeVariable(Var.HANDLING_ACTION);
              } else if (task.getVariable(Var.HANDLING_ACTION) == null) {
                task.setVariable(Var.HANDLING_ACTION, "CONCLUDE");
              }
            });
    Mocks.register(
        "registerPetitionDelegate", (JavaDelegate) e -> e.setVariable(Var.TRIAGE_DUE, LATER));
    Mocks.register(
        "recordObjectionDelegate", (JavaDelegate) e -> e.setVariable(Var.OBJECTED_AT, new Date()));
    // as ObjectionVerdicts: an agreed objection is triaged afresh, with the re-triage clock
    Mocks.register(
        "recordObjectionVerdictDelegate",
        (JavaDelegate)
            e -> {
              if (Boolean.TRUE.equals(e.getVariableLocal(Var.OBJECTION_AGREED))) {
                e.removeVariables(Var.TRIAGE_DECISION);
                e.setVariable(Var.TRIAGE_DUE, LATER);
              }
            });
    Mocks.register(
        "convertProcedureDelegate",
        (JavaDelegate)
            e -> {
              e.setVariable(Var.HANDLING_DUE, LATER);
              e.setVariable(Var.SIMPLE_PROCEDURE, false);
            });
    Mocks.register("deadlines", new Deadlines());
    Mocks.register("replyApprovalChain", new ReplyApprovalChain());
    // as UnitHeads: the head group of the case's unit (the application reads the unit from the
    // case store)
    Mocks.register("unitHeads", new UnitHeads());
    Mocks.register(
        "transferPetitionDelegate",
        (JavaDelegate)
            e -> {
              e.setVariable(Var.TRANSFERRED_AT, new Date());
              boolean assigned = "ASSIGN".equals(e.getVariable(Var.TRANSFER_MODE));
              e.setVariable(Var.ASSIGNED, assigned);
              if (assigned) {
                e.setVariable(Var.ASSIGNMENT_DUE, LATER);
              }
            });
    Mocks.register(
        "startHandlingDelegate", (JavaDelegate) e -> e.setVariable(Var.HANDLING_DUE, LATER));
    Mocks.register(
        "extendDeadlineDelegate", (JavaDelegate) e -> e.setVariable(Var.HANDLING_DUE, LATER));
    Mocks.register(
        "recordAppealRequestDelegate",
        (JavaDelegate)
            e -> {
              e.setVariable(Var.REVIEW_DUE, LATER);
              e.setVariable(Var.RE_REVIEW_DUE, LATER);
            });
    // as DeliverOpinionDelegate: the unit confirms the delivery to an offline petitioner when a
    // window depends on it (a handling opinion; a review opinion that is not a redo)
    Mocks.register(
        "deliverOpinionDelegate",
        (JavaDelegate)
            e -> {
              String kind = (String) e.getVariableLocal("opinionKind");
              boolean windows =
                  "HANDLING".equals(kind)
                      || "REVIEW".equals(kind) && !"REDO".equals(e.getVariable(Var.REVIEW_OUTCOME));
              e.setVariable(Var.OPINION_ID, 1L);
              e.setVariable(Var.DELIVERED_OPINION, kind);
              e.setVariable(
                  Var.DELIVERY_TO_CONFIRM, windows && !"ONLINE".equals(e.getVariable(Var.CHANNEL)));
              e.setVariable(Var.ISSUED_AT, new Date());
              e.setVariable(Var.EVALUATION_DUE, LATER);
              e.setVariable(Var.REVIEW_REQUEST_DUE, LATER);
              e.setVariable(Var.RE_REVIEW_REQUEST_DUE, LATER);
              e.setVariable(Var.APPEALABLE, "PETITION".equals(e.getVariable(Var.ROUTE)));
            });
  }

  @AfterEach
  void clearMocks() {
    Mocks.reset();
  }

  ProcessInstance received(String category) {
    return received(category, "ONLINE");
  }

  ProcessInstance received(String category, String channel) {
    return received(category, channel, "FUTIAN");
  }

  ProcessInstance received(String category, String channel, String district) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.CASE_NUMBER, "XF2026-00000001");
    variables.put(Var.CHANNEL, channel);
    variables.put(Var.RECEIVED_AT, new Date());
    variables.put(Var.TITLE, "小区楼上漏水");
    variables.put(Var.DISTRICT, district);
    variables.put(Var.CATEGORY, category);
    variables.put(Var.GROUP_PETITION, false);
    ProcessInstance pi =
        runtimeService()
            .startProcessInstanceByKey(PetitionProcess.PROCESS_KEY, "XF2026-00000001", variables);
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_TRIAGE).task().hasCandidateGroup("bureau");
    return pi;
  }

  static Map<String, Object> triage(
      String nature,
      String statutoryRoute,
      boolean legalProcessConcluded,
      boolean reviewConcluded,
      boolean accusedIsOfficial,
      boolean withinJurisdiction) {
    return withVariables(
        Var.NATURE,
        nature,
        Var.STATUTORY_ROUTE,
        statutoryRoute,
        Var.LEGAL_PROCESS_CONCLUDED,
        legalProcessConcluded,
        Var.REVIEW_CONCLUDED,
        reviewConcluded,
        Var.ACCUSED_IS_OFFICIAL,
        accusedIsOfficial,
        Var.WITHIN_JURISDICTION,
        withinJurisdiction,
        Var.SIMPLE_PROCEDURE,
        false);
  }

  /** The unit asks for the longest extension at its handling task. */
  private static void askForAnExtension(ProcessInstance pi) {
    complete(
        task(pi),
        withVariables(
            Var.HANDLING_ACTION,
            "EXTEND",
            Var.EXTENSION_DAYS,
            30L,
            Var.EXTENSION_REASON,
            "需进一步调查"));
  }

  ProcessInstance accepted() {
    return accepted("ONLINE");
  }

  ProcessInstance accepted(String channel) {
    ProcessInstance pi = received("HOUSING", channel);
    complete(task(pi), triage("CLAIM", "NONE", false, false, false, true));
    assertThat(pi)
        .isWaitingAt(PetitionProcess.TASK_ACCEPT)
        .task()
        .hasCandidateGroup("unit-housing");
    complete(task(pi), withVariables(Var.ACCEPTANCE, "ACCEPT"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_HANDLE);
    return pi;
  }

  @Test
  void theModelsParseWithoutAWarning() {
    org.assertj.core.api.Assertions.assertThat(
            runtimeService().createProcessInstanceQuery().count())
        .isZero();
    org.assertj.core.api.Assertions.assertThat(PARSING.list)
        .as("ENGINE-09004 and the like")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
  }

  @ParameterizedTest(name = "{0}, {1} → {6}")
  @CsvSource({
    "CLAIM, NONE, false, true, false, true, End_NotReaccepted",
    "CLAIM, LITIGATION, true, false, false, true, End_NotReaccepted",
    "CLAIM, NONE, false, false, false, false, End_ReferredOut",
    "ACCUSATION, NONE, false, false, true, true, End_TransferredToDiscipline",
    "CLAIM, LITIGATION, false, false, false, true, End_TransferredToPoliticalLegal",
    "CLAIM, ARBITRATION, false, false, false, true, End_GuidedToLegalChannel"
  })
  void aRouteThatEndsThePetitionTrackEndsTheProcess(
      String nature,
      String statutoryRoute,
      boolean concluded,
      boolean reviewConcluded,
      boolean official,
      boolean within,
      String end) {
    ProcessInstance pi = received("HOUSING");
    complete(
        task(pi), triage(nature, statutoryRoute, concluded, reviewConcluded, official, within));
    assertThat(pi).isEnded().hasPassed(end);
  }

  @Test
  void aPetitionMergedAtTriageEndsWithItsNoticeAndIsNotRouted() {
    ProcessInstance pi = received("HOUSING");
    complete(task(pi), withVariables(Var.MERGE_INTO, "XF2026-00000042"));
    assertThat(pi)
        .hasPassedInOrder("Gateway_Merge", "Task_MergePetition", "Task_NotifyMerged", "End_Merged")
        .hasNotPassed("Task_DecideRoute")
        .isEnded();
  }

  @Test
  void aTriageWithoutMergeIntoIsRoutedAsBefore() {
    ProcessInstance pi = received("HOUSING");
    complete(task(pi), triage("CLAIM", "NONE", false, false, false, true));
    assertThat(pi)
        .hasPassed("Gateway_Merge", "Task_DecideRoute")
        .hasNotPassed("Task_MergePetition");
  }

  @Test
  void anObjectionTheBureauAgreesWithSendsTheCaseBackToTriage() {
    ProcessInstance pi = received("HOUSING");
    complete(task(pi), triage("CLAIM", "NONE", false, false, false, true));
    complete(task(pi), withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责"));
    assertThat(pi)
        .hasPassed("Task_RecordObjection")
        .isWaitingAt(PetitionProcess.TASK_VERIFY_OBJECTION)
        .task()
        .hasCandidateGroup("bureau");
    complete(
        task(pi), withVariables(Var.OBJECTION_AGREED, true, Var.VERIFICATION_COMMENT, "属人社部门职责"));
    assertThat(pi).hasPassed("Task_ObjectionAgreed").isWaitingAt(PetitionProcess.TASK_TRIAGE);
  }

  @Test
  void anObjectionTheBureauRefusesLeavesTheCaseWithTheUnit() {
    ProcessInstance pi = received("HOUSING");
    complete(task(pi), triage("CLAIM", "NONE", false, false, false, true));
    complete(task(pi), withVariables(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责"));
    complete(
        task(pi), withVariables(Var.OBJECTION_AGREED, false, Var.VERIFICATION_COMMENT, "属住建部门职责"));
    assertThat(pi)
        .hasPassed("Task_ObjectionRefused")
        .hasNotPassed("Task_ObjectionAgreed")
        .isWaitingAt(PetitionProcess.TASK_ACCEPT)
        .task()
        .hasCandidateGroup("unit-housing");
  }

  @Test
  void anAssignedUnitReportsAfterItsOpinionAndAfterAMediationATransferredOneDoesNot() {
    ProcessInstance pi = received("HOUSING");
    Map<String, Object> assign = triage("CLAIM", "NONE", false, false, false, true);
    assign.put(Var.TRANSFER_MODE, "ASSIGN");
    complete(task(pi), assign);
    complete(task(pi), withVariables(Var.ACCEPTANCE, "ACCEPT"));
    complete(task(pi), withVariables(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "予以支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi)
        .isWaitingAt(PetitionProcess.TASK_REPORT_COMPLETION, "EventGateway_ReviewWindow")
        .task(PetitionProcess.TASK_REPORT_COMPLETION)
        .hasCandidateGroup("unit-housing");
    complete(
        task(PetitionProcess.TASK_REPORT_COMPLETION, pi),
        withVariables(Var.COMPLETION_REPORT, "已责成物业维修完毕"));
    assertThat(pi).hasPassed("Task_RecordCompletionReport", "End_ReportFiled");

    ProcessInstance mediated = received("HOUSING");
    complete(task(mediated), assign);
    complete(task(mediated), withVariables(Var.ACCEPTANCE, "ACCEPT"));
    complete(task(mediated), withVariables(Var.HANDLING_ACTION, "MEDIATE"));
    complete(
        task(mediated),
        withVariables(Var.MEDIATION_RESULT, "AGREED", Var.MEDIATION_AGREEMENT, "双方同意"));
    assertThat(mediated)
        .hasPassed("End_Mediated")
        .isWaitingAt(PetitionProcess.TASK_REPORT_COMPLETION);

    ProcessInstance transferred = replied();
    assertThat(transferred).hasPassed("End_NoReport");
  }

  @Test
  void aCaseOnTheSimpleProcedureIsConvertedToTheOrdinaryOne() {
    ProcessInstance pi = received("HOUSING");
    Map<String, Object> simple = triage("CLAIM", "NONE", false, false, false, true);
    simple.put(Var.SIMPLE_PROCEDURE, true);
    complete(task(pi), simple);
    complete(task(pi), withVariables(Var.ACCEPTANCE, "ACCEPT"));
    complete(
        task(pi), withVariables(Var.HANDLING_ACTION, "ORDINARY", Var.CONVERSION_REASON, "需多方调查"));
    assertThat(pi)
        .hasPassed("Task_ConvertToOrdinary", "Task_NotifyConversion")
        .isWaitingAt(PetitionProcess.TASK_HANDLE);
  }

  @Test
  void theCityGovernmentsOpinionIsReviewedByTheProvinceAndReReviewedAboveIt() {
    ProcessInstance pi = received(null, "ONLINE", "其他");
    complete(task(pi), triage("CLAIM", "NONE", false, false, false, true));
    assertThat(pi).task().hasCandidateGroup("office-city");
    complete(task(pi), withVariables(Var.ACCEPTANCE, "ACCEPT"));
    complete(
        task(pi), withVariables(Var.HANDLING_OUTCOME, "NOT_SUPPORTED", Var.OPINION_TEXT, "不予支持"));
    while (task(PetitionProcess.TASK_APPROVE_REPLY, pi) != null) {
      complete(
          task(PetitionProcess.TASK_APPROVE_REPLY, pi), withVariables(Var.REPLY_APPROVED, true));
    }
    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    assertThat(pi).task().hasCandidateGroup("review-provincial");
    complete(task(pi), withVariables(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持"));
    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_RE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    assertThat(pi).task().hasCandidateGroup("re-review-national");
  }

  @Test
  void theReplyGoesThroughEveryLevelOfTheChainAndAReturnedDraftBackToTheUnit() {
    ProcessInstance pi = accepted();
    complete(
        task(pi), withVariables(Var.HANDLING_OUTCOME, "NOT_SUPPORTED", Var.OPINION_TEXT, "不予支持"));
    assertThat(pi)
        .isWaitingAt(PetitionProcess.TASK_APPROVE_REPLY)
        .task()
        .hasCandidateGroup("unit-housing-head");
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi).task().hasCandidateGroup("bureau");
    complete(task(pi), withVariables(Var.REPLY_APPROVED, false, Var.APPROVAL_COMMENT, "事实不清"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_HANDLE).hasNotPassed("Task_DeliverOpinion");

    complete(task(pi), withVariables(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "予以支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi).task().hasCandidateGroup("leaders");
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi)
        .hasPassed("Task_DeliverOpinion")
        .isWaitingAt("EventGateway_ReviewWindow", "Timer_EvaluationWindow");
  }

  @ParameterizedTest(name = "{0} in {1} → {2}")
  @CsvSource({
    "HOUSING, FUTIAN, unit-housing",
    "LABOUR, FUTIAN, unit-hrss",
    "UNKNOWN, NANSHAN, office-nanshan"
  })
  void theUnitsHeadApprovesTheReplyFirstAndItsExtensionsNotTheUnitNorTheLeaders(
      String category, String district, String unit) {
    ProcessInstance pi = received(category, "ONLINE", district);
    complete(task(pi), triage("CLAIM", "NONE", false, false, false, true));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_ACCEPT).task().hasCandidateGroup(unit);
    complete(task(pi), withVariables(Var.ACCEPTANCE, "ACCEPT"));

    complete(
        task(pi),
        withVariables(
            Var.HANDLING_ACTION, "EXTEND", Var.EXTENSION_DAYS, 30L, Var.EXTENSION_REASON, "需鉴定"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_APPROVE_EXTENSION);
    org.assertj.core.api.Assertions.assertThat(candidateGroups(pi)).containsExactly(unit + "-head");
    complete(task(pi), withVariables(Var.EXTENSION_APPROVED, false));

    complete(task(pi), withVariables(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "予以支持"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_APPROVE_REPLY);
    org.assertj.core.api.Assertions.assertThat(candidateGroups(pi)).containsExactly(unit + "-head");
  }

  static List<String> candidateGroups(ProcessInstance pi) {
    return org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService()
        .getIdentityLinksForTask(task(pi).getId())
        .stream()
        .filter(l -> l.getGroupId() != null)
        .map(l -> l.getGroupId())
        .toList();
  }

  /**
   * Tasklist's radio sends the choice as the text "true" or "false" (the listener stores it as the
   * contract's Boolean; here it stands in without a check): the chain's completion condition and
   * the gateway read either the same way.
   */
  @Test
  void theFormsTextChoiceDrivesTheChainLikeTheContractsBoolean() {
    ProcessInstance pi = accepted();
    complete(task(pi), withVariables(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "予以支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, "false", Var.APPROVAL_COMMENT, "事实不清"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_HANDLE).hasNotPassed("Task_DeliverOpinion");

    complete(task(pi), withVariables(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "予以支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, "true"));
    assertThat(pi).task().hasCandidateGroup(PetitionProcess.Group.LEADERS);
    complete(task(pi), withVariables(Var.REPLY_APPROVED, "true"));
    assertThat(pi).hasPassed("Task_DeliverOpinion");
  }

  /**
   * The drafter of a round is whoever completed handlePetition: RecordApprovalChainDelegate reads
   * the authenticated user, which holds only while nothing asynchronous lies between that task and
   * the recording of the chain.
   */
  @Test
  void theChainIsRecordedInTheTransactionOfTheDraftsCompletion() {
    org.camunda.bpm.model.bpmn.BpmnModelInstance model =
        engine
            .getRepositoryService()
            .getBpmnModelInstance(
                engine
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                    .singleResult()
                    .getId());
    org.assertj.core.api.Assertions.assertThat(
            List.of(
                PetitionProcess.TASK_HANDLE,
                "Gateway_HandlingAction",
                "Task_DecideApprovers",
                "Task_RecordApprovalChain"))
        .allSatisfy(
            id -> {
              org.camunda.bpm.model.bpmn.instance.FlowNode node = model.getModelElementById(id);
              org.assertj.core.api.Assertions.assertThat(node.isCamundaAsyncAfter())
                  .as("%s asyncAfter", id)
                  .isFalse();
              if (!id.equals(PetitionProcess.TASK_HANDLE)) {
                org.assertj.core.api.Assertions.assertThat(node.isCamundaAsyncBefore())
                    .as("%s asyncBefore", id)
                    .isFalse();
              }
            });
  }

  @Test
  void anExtensionApprovedMovesTheDeadlineAndTheUnitHandlesOn() {
    ProcessInstance pi = accepted();
    askForAnExtension(pi);
    assertThat(pi)
        .isWaitingAt(PetitionProcess.TASK_APPROVE_EXTENSION)
        .task()
        .hasCandidateGroup("unit-housing-head");
    complete(task(pi), withVariables(Var.EXTENSION_APPROVED, true));
    assertThat(pi)
        .hasPassed("Task_ExtendDeadline", "Task_NotifyExtension")
        .isWaitingAt(PetitionProcess.TASK_HANDLE);
  }

  @Test
  void anExtensionLapsesWithTheDeadline() {
    ProcessInstance pi = accepted();
    askForAnExtension(pi);
    execute(job());
    assertThat(pi)
        .hasPassed("Task_RecordExtensionNotGranted")
        .hasNotPassed("Task_ExtendDeadline")
        .isWaitingAt(PetitionProcess.TASK_HANDLE);
  }

  @Test
  void aMediationAgreementEndsTheCaseAndAFailedOneHandlesOn() {
    ProcessInstance pi = accepted();
    complete(task(pi), withVariables(Var.HANDLING_ACTION, "MEDIATE"));
    complete(task(pi), withVariables(Var.MEDIATION_RESULT, "FAILED"));
    assertThat(pi).hasPassed("Task_RecordMediationFailed").isWaitingAt(PetitionProcess.TASK_HANDLE);
    complete(task(pi), withVariables(Var.HANDLING_ACTION, "MEDIATE"));
    complete(
        task(pi), withVariables(Var.MEDIATION_RESULT, "AGREED", Var.MEDIATION_AGREEMENT, "双方同意"));
    assertThat(pi).isEnded().hasPassed("End_Mediated");
  }

  @Test
  void aHearingIsRecordedAndTheUnitHandlesOn() {
    ProcessInstance pi = accepted();
    complete(task(pi), withVariables(Var.HANDLING_ACTION, "HEARING"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_HOLD_HEARING);
    complete(task(pi));
    assertThat(pi).hasPassed("Task_RecordHearing").isWaitingAt(PetitionProcess.TASK_HANDLE);
  }

  @Test
  void aSuggestionIsAnsweredAndCannotBeReviewed() {
    ProcessInstance pi = received("HOUSING");
    complete(task(pi), triage("SUGGESTION", "NONE", false, false, false, true));
    complete(task(pi), withVariables(Var.ACCEPTANCE, "ACCEPT"));
    complete(task(pi), withVariables(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "予以采纳"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi).hasPassed("End_Answered").isWaitingAt("Timer_EvaluationWindow");
  }

  @Test
  void aCounterRegistrationGetsAReceiptAndAnOnlineOneDoesNot() {
    assertThat(received("HOUSING", "VISIT")).hasPassed("Task_IssueRegistrationReceipt");
    runtimeService()
        .deleteProcessInstance(
            runtimeService().createProcessInstanceQuery().singleResult().getId(), "test");
    assertThat(received("HOUSING", "ONLINE")).hasNotPassed("Task_IssueRegistrationReceipt");
  }

  @Test
  void anOfflinePetitionersWindowsOpenOnlyWhenTheUnitConfirmsTheDelivery() {
    ProcessInstance pi = accepted("LETTER");
    complete(
        task(pi),
        withVariables(Var.HANDLING_OUTCOME, "PARTIALLY_SUPPORTED", Var.OPINION_TEXT, "部分支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi)
        .hasPassed("Task_DeliverOpinion")
        .isWaitingAt(PetitionProcess.TASK_CONFIRM_DELIVERY)
        .task()
        .hasCandidateGroup("unit-housing");
    assertThat(pi).hasNotPassed("Gateway_Delivered");

    complete(task(pi), withVariables(Var.DELIVERED_AT, "2026-12-01", Var.DELIVERY_METHOD, "POST"));
    assertThat(pi)
        .hasPassed("Task_RecordDelivery")
        .isWaitingAt("EventGateway_ReviewWindow", "Timer_EvaluationWindow");

    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    complete(task(pi), withVariables(Var.REVIEW_OUTCOME, "CHANGE", Var.OPINION_TEXT, "变更"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_CONFIRM_DELIVERY);
    complete(
        task(pi), withVariables(Var.DELIVERED_AT, "2026-12-20", Var.DELIVERY_METHOD, "DIRECT"));
    assertThat(pi).isWaitingAt("EventGateway_ReReviewWindow");
  }

  @Test
  void anOfflinePetitionersRedoNeedsNoConfirmation() {
    ProcessInstance pi = accepted("VISIT");
    complete(
        task(pi), withVariables(Var.HANDLING_OUTCOME, "NOT_SUPPORTED", Var.OPINION_TEXT, "不予支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(
        task(pi), withVariables(Var.DELIVERED_AT, "2026-12-01", Var.DELIVERY_METHOD, "DIRECT"));
    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    complete(task(pi), withVariables(Var.REVIEW_OUTCOME, "REDO", Var.OPINION_TEXT, "撤销重办"));
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_HANDLE);
  }

  ProcessInstance replied() {
    ProcessInstance pi = accepted();
    complete(
        task(pi),
        withVariables(Var.HANDLING_OUTCOME, "PARTIALLY_SUPPORTED", Var.OPINION_TEXT, "部分支持"));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    complete(task(pi), withVariables(Var.REPLY_APPROVED, true));
    assertThat(pi).isWaitingAt("EventGateway_ReviewWindow");
    return pi;
  }

  @Test
  void withoutAReviewRequestTheOpinionTakesEffectWhenTheWindowCloses() {
    ProcessInstance pi = replied();
    execute(job("Timer_ReviewWindow"));
    assertThat(pi).hasPassed("Task_CloseAfterReply", "End_ReviewWindowPassed");
  }

  @Test
  void aReviewThatOrdersTheCaseHandledAnewSendsItBackToTheUnit() {
    ProcessInstance pi = replied();
    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    assertThat(pi)
        .isWaitingAt(PetitionProcess.TASK_REVIEW)
        .task()
        .hasCandidateGroup("review-municipal");
    complete(task(pi), withVariables(Var.REVIEW_OUTCOME, "REDO", Var.OPINION_TEXT, "撤销重办"));
    assertThat(pi).hasPassed("Task_RestartHandling").isWaitingAt(PetitionProcess.TASK_HANDLE);
  }

  @Test
  void aReReviewWithAHearingTerminatesTheCase() {
    ProcessInstance pi = replied();
    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    complete(task(pi), withVariables(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持"));
    assertThat(pi).isWaitingAt("EventGateway_ReReviewWindow");
    runtimeService()
        .createMessageCorrelation(PetitionProcess.MESSAGE_RE_REVIEW_REQUESTED)
        .processInstanceId(pi.getId())
        .correlate();
    assertThat(pi).isWaitingAt(PetitionProcess.TASK_RE_REVIEW);
    complete(task(pi), withVariables(Var.RE_REVIEW_ACTION, "HEARING"));
    complete(task(pi));
    assertThat(pi)
        .hasPassed("Task_RecordReReviewHearing")
        .isWaitingAt(PetitionProcess.TASK_RE_REVIEW);
    complete(
        task(pi),
        withVariables(
            Var.RE_REVIEW_ACTION,
            "DECIDE",
            Var.RE_REVIEW_OUTCOME,
            "UPHOLD",
            Var.OPINION_TEXT,
            "维持"));
    assertThat(pi).hasPassed("End_Terminated");
  }
}
