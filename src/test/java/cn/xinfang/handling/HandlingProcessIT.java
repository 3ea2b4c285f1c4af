package cn.xinfang.handling;

import static cn.xinfang.support.CaseDriver.ACCEPT;
import static cn.xinfang.support.CaseDriver.APPROVE_REPLY;
import static cn.xinfang.support.CaseDriver.HANDLE;
import static cn.xinfang.support.CaseDriver.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.Refusals;
import cn.xinfang.support.TestClock;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Handling (办理), its optional paths (extension, mediation, hearing), the reply approval chain (三审)
 * and the delivery of the opinion with the windows it opens, on the running application. Expected
 * deadlines are written out by hand from the rules of docs/domain.md, "Time limits", not computed
 * by the code under test.
 */
@ApplicationIT
class HandlingProcessIT {

  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired PetitionStore store;
  @Autowired OpinionStore opinions;
  @Autowired TestClock clock;
  @Autowired CaseDriver cases;
  @Autowired ApprovalChain chain;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  // ---------------------------------------------------------------------------------------------
  // Acceptance starts the handling clock
  // ---------------------------------------------------------------------------------------------

  @Nested
  class HandlingClock {

    @Test
    void acceptanceStartsSixtyDaysAndTheNoticeNamesTheirEnd() {
      // Given a case transferred to the housing bureau, accepted on Thu 2026-09-10
      clock.pin("2026-09-10T10:00");
      Case c = cases.transferred();

      // When the unit accepts it
      cases.complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));

      // Then handlePetition is due 60 days later, Mon 2026-11-09, and the petitioner reads that
      // date
      assertThat(c.pi())
          .hasPassed("Task_StartHandling", "Task_NotifyAcceptance")
          .isWaitingAt(HANDLE);
      Task handle = cases.task(c, HANDLE);
      assertThat(handle).hasDueDate(endOf("2026-11-09")).hasCandidateGroup("unit-housing");
      PetitionRecord stored = cases.stored(c);
      assertThat(stored.status()).isEqualTo(PetitionStatus.ACCEPTED);
      assertThat(stored.currentDeadline().toInstant()).isEqualTo(endOf("2026-11-09").toInstant());
      assertThat(stored.deadlineName()).isEqualTo("信访事项办结期限");
      assertThat(cases.notice(c, "ACCEPTANCE_NOTICE").body())
          .contains("2026年11月9日前办结")
          .contains("市住房和建设局");
    }

    @Test
    void theSimpleProcedureCountsTenWorkingDays() {
      // Given a case triaged to the simple procedure, accepted on Thu 2026-09-24 (worked example of
      // §3)
      clock.pin("2026-09-24T16:00");
      Case c = cases.transferred("CLAIM", true);

      // When the unit accepts it
      cases.complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));

      // Then it is due after 10 working days, across 中秋 and 国庆: 2026-10-15
      assertThat(cases.task(c, HANDLE)).hasDueDate(endOf("2026-10-15"));
      assertThat(cases.notice(c, "ACCEPTANCE_NOTICE").body())
          .contains("简易办理")
          .contains("2026年10月15日");
    }

    @Test
    void aDeadlineOnAHolidayMovesToTheNextWorkingDay() {
      // Given a case accepted on Mon 2026-08-03: 60 days end on Fri 2026-10-02, inside 国庆
      // (10-01..10-07)
      clock.pin("2026-08-03T09:30");
      Case c = cases.transferred();

      // When the unit accepts it
      cases.complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));

      // Then the period ends on the first working day after the holiday, Thu 2026-10-08
      assertThat(cases.task(c, HANDLE)).hasDueDate(endOf("2026-10-08"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Extension (Art. 34)
  // ---------------------------------------------------------------------------------------------

  @Nested
  class Extension {

    @Test
    void anApprovedExtensionMovesTheDeadlineOnceAndTellsThePetitionerWhy() {
      // Given a case accepted on 2026-09-10, due 2026-11-09
      Case c = cases.acceptedOn("2026-09-10T10:00");

      // When the unit asks for 30 more days and the unit's head approves (Art. 34: 本机关、单位负责人)
      clock.pin("2026-10-20T10:00");
      cases.complete(c, HANDLE, extension(30, "需要委托第三方机构进行房屋安全鉴定"));
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_APPROVE_EXTENSION);
      Task approval = cases.task(c, PetitionProcess.TASK_APPROVE_EXTENSION);
      assertThat(approval).hasCandidateGroup("unit-housing-head").hasDueDate(endOf("2026-11-09"));
      assertThat(cases.candidateGroup(approval)).isEqualTo("unit-housing-head");
      cases.complete(
          c,
          PetitionProcess.TASK_APPROVE_EXTENSION,
          Map.of(Var.EXTENSION_APPROVED, true, Var.EXTENSION_COMMENT, "同意延期"));

      // Then handling is due 30 days after the old deadline, Wed 2026-12-09
      assertThat(c.pi())
          .hasPassed("Task_ExtendDeadline", "Task_NotifyExtension")
          .isWaitingAt(HANDLE);
      assertThat(cases.task(c, HANDLE)).hasDueDate(endOf("2026-12-09"));
      assertThat(cases.stored(c).currentDeadline().toInstant())
          .isEqualTo(endOf("2026-12-09").toInstant());

      // and the petitioner has a 延期告知书 with the reason and the new date; the leader's comment stays
      // internal
      Notice notice = cases.notice(c, "EXTENSION_NOTICE");
      assertThat(notice.body()).contains("需要委托第三方机构进行房屋安全鉴定").contains("2026年12月9日");
      assertThat(cases.publicMilestones(c))
          .anySatisfy(m -> assertThat(m).contains("延长至2026年12月9日"));
      assertThat(cases.publicMilestones(c)).noneMatch(m -> m.contains("同意延期"));

      // and a second extension is refused
      Refusals.assertRefused(
          () -> cases.complete(c, HANDLE, extension(10, "仍需鉴定")), Var.HANDLING_ACTION);
      assertThat(c.pi()).isWaitingAt(HANDLE);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadline() {
      // Given a case due 2026-11-09 whose unit asked for an extension
      Case c = cases.acceptedOn("2026-09-10T10:00");
      cases.complete(c, HANDLE, extension(15, "当事人在外地，需延期调查"));

      // When the leader refuses it
      cases.complete(
          c,
          PetitionProcess.TASK_APPROVE_EXTENSION,
          Map.of(Var.EXTENSION_APPROVED, false, Var.EXTENSION_COMMENT, "理由不充分"));

      // Then handling goes on with the old deadline, no notice goes out, and the unit may ask again
      assertThat(c.pi())
          .hasPassed("Task_RecordExtensionNotGranted")
          .hasNotPassed("Task_ExtendDeadline")
          .isWaitingAt(HANDLE);
      assertThat(cases.task(c, HANDLE)).hasDueDate(endOf("2026-11-09"));
      assertThat(cases.noticeTypes(c)).doesNotContain("EXTENSION_NOTICE");
      assertThat(store.milestones(c.id()))
          .filteredOn(m -> m.type().equals("EXTENSION_NOT_GRANTED"))
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.publicVisible()).isFalse();
                assertThat(m.description()).contains("未获批准");
                assertThat(m.internalNote()).isEqualTo("理由不充分");
              });
      cases.complete(c, HANDLE, extension(15, "当事人在外地，需延期调查"));
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_APPROVE_EXTENSION);
    }

    @Test
    void anExtensionNotApprovedBeforeTheDeadlineLapses() {
      // Given a case due 2026-11-09 whose extension request waits for a leader
      Case c = cases.acceptedOn("2026-09-10T10:00");
      cases.complete(c, HANDLE, extension(30, "需要专家论证"));

      // Then the approval's timer is set to the end of the handling deadline
      Job lapse = cases.timer(c, "Timer_ExtensionLapsed");
      assertThat(lapse.getDuedate()).isEqualTo(endOf("2026-11-09"));

      // When the deadline passes without a decision
      cases.fire(lapse);

      // Then the request lapses and handling continues with the old deadline, now overdue
      assertThat(c.pi())
          .hasPassed("Timer_ExtensionLapsed", "Task_RecordExtensionNotGranted")
          .isWaitingAt(HANDLE);
      assertThat(cases.task(c, HANDLE)).hasDueDate(endOf("2026-11-09"));
      assertThat(store.milestones(c.id()))
          .anySatisfy(m -> assertThat(m.description()).contains("未在办理期限届满前获批"));
    }

    @Test
    void aLeaderCannotApproveAfterTheDeadline() {
      // Given a request made before the deadline 2026-11-09
      Case c = cases.acceptedOn("2026-09-10T10:00");
      cases.complete(c, HANDLE, extension(30, "需要专家论证"));

      // When the leader approves the day after the deadline, before the timer job ran
      clock.pin("2026-11-10T09:00");

      // Then the approval is refused with the date
      Refusals.assertRefused(
          () ->
              cases.complete(
                  c, PetitionProcess.TASK_APPROVE_EXTENSION, Map.of(Var.EXTENSION_APPROVED, true)),
          Var.EXTENSION_APPROVED);
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_APPROVE_EXTENSION);
    }

    @Test
    void whoeverAskedForTheExtensionNeverApprovesIt() {
      // Given a head of the housing bureau who is also one of its clerks, and asks for an extension
      String chief = "housingchief";
      if (identityService.createUserQuery().userId(chief).count() == 0) {
        identityService.saveUser(identityService.newUser(chief));
        identityService.createMembership(chief, "unit-housing");
        identityService.createMembership(chief, "unit-housing-head");
      }
      Case c = cases.acceptedOn("2026-09-10T10:00");
      cases.completeAs(chief, c, HANDLE, extension(30, "需要委托第三方机构进行房屋安全鉴定"));
      String task = cases.task(c, PetitionProcess.TASK_APPROVE_EXTENSION).getId();

      // When they claim or approve it, it is refused; nothing changes
      Refusals.assertForbidden(
          () -> cases.as(chief, () -> taskService.claim(task, chief)), "申请人不得审批本人的申请");
      Refusals.assertForbidden(
          () ->
              cases.completeAs(
                  chief,
                  c,
                  PetitionProcess.TASK_APPROVE_EXTENSION,
                  Map.of(Var.EXTENSION_APPROVED, true)),
          "申请人不得审批本人的申请");
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_APPROVE_EXTENSION);

      // Then another head approves it
      cases.completeAs(
          "housinghead1",
          c,
          PetitionProcess.TASK_APPROVE_EXTENSION,
          Map.of(Var.EXTENSION_APPROVED, "true"));
      assertThat(c.pi()).hasPassed("Task_ExtendDeadline").isWaitingAt(HANDLE);
    }

    static Stream<Arguments> refusedRequests() {
      return Stream.of(
          Arguments.of(
              "more than 30 days",
              false,
              "2026-10-01T10:00",
              extension(31, "理由"),
              Var.EXTENSION_DAYS),
          Arguments.of(
              "zero days", false, "2026-10-01T10:00", extension(0, "理由"), Var.EXTENSION_DAYS),
          Arguments.of(
              "no reason", false, "2026-10-01T10:00", extension(10, " "), Var.EXTENSION_REASON),
          Arguments.of(
              "after the deadline",
              false,
              "2026-11-10T08:00",
              extension(10, "理由"),
              Var.HANDLING_ACTION),
          Arguments.of(
              "under the simple procedure",
              true,
              "2026-09-12T10:00",
              extension(10, "理由"),
              Var.HANDLING_ACTION));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cn.xinfang.handling.HandlingProcessIT$Extension#refusedRequests")
    void anInvalidExtensionRequestIsRefused(
        String name, boolean simple, String now, Map<String, Object> vars, String field) {
      // Given a case accepted on 2026-09-10 (ordinary: due 11-09; simple: due 09-24)
      clock.pin("2026-09-10T10:00");
      Case c = cases.transferred("CLAIM", simple);
      cases.complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));

      // When the unit asks for an extension that the law does not allow
      clock.pin(now);

      // Then the request is refused, naming the field, and nothing moved
      Refusals.assertRefused(() -> cases.complete(c, HANDLE, vars), field);
      assertThat(c.pi()).isWaitingAt(HANDLE);
      assertThat(runtimeService.getVariable(c.pi().getId(), "extended")).isEqualTo(false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mediation (Art. 33) and hearing
  // ---------------------------------------------------------------------------------------------

  @Nested
  class MediationAndHearing {

    @Test
    void anAgreementReachedInMediationClosesTheCase() {
      // Given an accepted claim
      Case c = cases.accepted();

      // When the unit mediates and both sides agree
      cases.complete(c, HANDLE, Map.of(Var.HANDLING_ACTION, "MEDIATE"));
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_MEDIATE);
      assertThat(cases.task(c, PetitionProcess.TASK_MEDIATE)).hasCandidateGroup("unit-housing");
      cases.complete(
          c,
          PetitionProcess.TASK_MEDIATE,
          Map.of(
              Var.MEDIATION_RESULT,
              "AGREED",
              Var.PETITIONER_CONSENTS,
              true,
              Var.OTHER_PARTY_CONSENTS,
              true,
              Var.MEDIATION_AGREEMENT,
              "楼上住户于 15 日内更换管道并赔偿 3000 元"));

      // Then the agreement is confirmed in writing and the case is closed
      assertThat(c.pi()).hasPassed("Task_NotifyMediationAgreement", "End_Mediated").isEnded();
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.CLOSED);
      assertThat(cases.stored(c).currentDeadline()).isNull();
      assertThat(cases.notice(c, "MEDIATION_AGREEMENT_NOTICE").body())
          .contains("楼上住户于 15 日内更换管道并赔偿 3000 元");
    }

    @Test
    void aFailedMediationReturnsToHandling() {
      Case c = cases.accepted();
      cases.complete(c, HANDLE, Map.of(Var.HANDLING_ACTION, "MEDIATE"));

      cases.complete(
          c,
          PetitionProcess.TASK_MEDIATE,
          Map.of(Var.MEDIATION_RESULT, "FAILED", Var.MEDIATION_AGREEMENT, "对方拒绝赔偿"));

      assertThat(c.pi()).hasPassed("Task_RecordMediationFailed").isWaitingAt(HANDLE);
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.ACCEPTED);
      assertThat(cases.publicMilestones(c)).contains("调解未达成协议，继续办理");
      assertThat(cases.publicMilestones(c)).noneMatch(m -> m.contains("对方拒绝赔偿"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
      "petitioner did not consent, false, true, 协议内容, petitionerConsents",
      "other party did not consent, true, false, 协议内容, otherPartyConsents",
      "no terms, true, true, '', mediationAgreement"
    })
    void anAgreementNeedsBothConsentsAndItsTerms(
        String name, boolean petitioner, boolean other, String terms, String field) {
      Case c = cases.accepted();
      cases.complete(c, HANDLE, Map.of(Var.HANDLING_ACTION, "MEDIATE"));

      Refusals.assertRefused(
          () ->
              cases.complete(
                  c,
                  PetitionProcess.TASK_MEDIATE,
                  Map.of(
                      Var.MEDIATION_RESULT,
                      "AGREED",
                      Var.PETITIONER_CONSENTS,
                      petitioner,
                      Var.OTHER_PARTY_CONSENTS,
                      other,
                      Var.MEDIATION_AGREEMENT,
                      terms)),
          field);
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_MEDIATE);
    }

    @Test
    void onlyClaimsAreMediated() {
      // Given an accepted suggestion
      Case c = cases.accepted("SUGGESTION", false);

      // Then mediation is refused
      Refusals.assertRefused(
          () -> cases.complete(c, HANDLE, Map.of(Var.HANDLING_ACTION, "MEDIATE")),
          Var.HANDLING_ACTION);
      assertThat(c.pi()).isWaitingAt(HANDLE);
    }

    @Test
    void aHearingIsRecordedAndHandlingGoesOnWithTheSameDeadline() {
      // Given a case accepted on 2026-09-10, due 2026-11-09
      Case c = cases.acceptedOn("2026-09-10T10:00");

      // When the unit holds a hearing and records it
      cases.complete(c, HANDLE, Map.of(Var.HANDLING_ACTION, "HEARING"));
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_HOLD_HEARING);
      clock.pin("2026-10-16T17:00");
      cases.complete(c, PetitionProcess.TASK_HOLD_HEARING, hearing("2026-10-16"));

      // Then the hearing is stored, the petitioner sees that it took place, and the deadline is
      // unchanged
      assertThat(c.pi()).hasPassed("Task_RecordHearing").isWaitingAt(HANDLE);
      assertThat(opinions.hearings(c.id()))
          .singleElement()
          .satisfies(
              h -> {
                assertThat(h.stage()).isEqualTo(OpinionKind.HANDLING);
                assertThat(h.heldOn()).hasToString("2026-10-16");
                assertThat(h.participants()).contains("信访人张三");
              });
      assertThat(cases.publicMilestones(c)).contains("已举行听证（2026年10月16日）");
      assertThat(cases.task(c, HANDLE)).hasDueDate(endOf("2026-11-09"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"in the future, 2026-10-17, hearingDate", "not a date, 16.10.2026, hearingDate"})
    void aHearingRecordNeedsAPastDate(String name, String day, String field) {
      Case c = cases.acceptedOn("2026-09-10T10:00");
      cases.complete(c, HANDLE, Map.of(Var.HANDLING_ACTION, "HEARING"));
      clock.pin("2026-10-16T17:00");

      Refusals.assertRefused(
          () -> cases.complete(c, PetitionProcess.TASK_HOLD_HEARING, hearing(day)), field);
      assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_HOLD_HEARING);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reply approval (三审) and delivery
  // ---------------------------------------------------------------------------------------------

  @Nested
  class ReplyApproval {

    @Test
    void aSupportingOpinionIsApprovedByTheUnitThenTheLeaderAndDelivered() {
      // Given an accepted case, concluded SUPPORTED on 2026-10-20
      Case c = cases.acceptedOn("2026-09-10T10:00");
      clock.pin("2026-10-20T10:00");
      cases.complete(
          c,
          HANDLE,
          Map.of(
              Var.HANDLING_OUTCOME,
              "SUPPORTED",
              Var.OPINION_TEXT,
              "责成物业公司维修渗漏管道。",
              Var.FACTS_FOUND,
              "经现场查看，楼上卫生间管道渗漏属实。",
              Var.LEGAL_BASIS,
              "《物业管理条例》第三十五条"));

      // Then the chain is the unit's head, then the leader, each due at the handling deadline
      assertThat(c.pi()).hasPassed("Task_DecideApprovers").isWaitingAt(APPROVE_REPLY);
      assertThat(cases.task(c, APPROVE_REPLY)).hasDueDate(endOf("2026-11-09"));
      assertThat(cases.approveAll(c)).containsExactly("unit-housing-head", "leaders");

      // and the opinion is delivered: status REPLIED, review may be asked until 2026-11-19 (30
      // days)
      assertThat(c.pi()).hasPassed("Task_DecideReviewLevel", "Task_DeliverOpinion");
      PetitionRecord stored = cases.stored(c);
      assertThat(stored.status()).isEqualTo(PetitionStatus.REPLIED);
      assertThat(stored.deadlineName()).isEqualTo("请求复查期限");
      assertThat(stored.currentDeadline().toInstant()).isEqualTo(endOf("2026-11-19").toInstant());

      // and the 信访处理意见书 has the request, the facts, the decision, the basis and the way to review
      Notice opinion = cases.notice(c, "HANDLING_OPINION");
      assertThat(opinion.title()).isEqualTo("信访处理意见书");
      assertThat(opinion.body())
          .contains("张三：")
          .contains("小区楼上漏水")
          .contains("经现场查看，楼上卫生间管道渗漏属实。")
          .contains("责成物业公司维修渗漏管道。")
          .contains("处理结果：支持")
          .contains("《物业管理条例》第三十五条")
          .contains("截至2026年11月19日")
          .contains("向市人民政府（复查）书面请求复查")
          .contains("市住房和建设局")
          .doesNotContain("housing1")
          .doesNotContain("李建国");
      assertThat(opinions.latest(c.id(), OpinionKind.HANDLING))
          .hasValueSatisfying(
              o -> {
                assertThat(o.outcome()).isEqualTo("SUPPORTED");
                assertThat(o.issuer()).isEqualTo("unit-housing");
                assertThat(o.handlingDue().toInstant()).isEqualTo(endOf("2026-11-09").toInstant());
                assertThat(o.evaluationDue().toInstant())
                    .isEqualTo(endOf("2026-11-19").toInstant());
              });

      // and the process waits for a review request or the end of its window, and for the evaluation
      assertThat(c.pi()).isWaitingAt("EventGateway_ReviewWindow", "Timer_EvaluationWindow");
      assertThat(runtimeService.getVariables(c.pi().getId()))
          .doesNotContainKeys(Var.OPINION_TEXT, Var.REPLY_APPROVED);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
      "not supported, NOT_SUPPORTED, 1, 'unit-housing-head,bureau,leaders'",
      "partly supported, PARTIALLY_SUPPORTED, 1, 'unit-housing-head,leaders'",
      "group petition, SUPPORTED, 6, 'unit-housing-head,bureau,leaders'",
      "group petition not supported, NOT_SUPPORTED, 6, 'unit-housing-head,bureau,leaders'"
    })
    void theChainFollowsTheDecisionTable(String name, String outcome, int persons, String chain) {
      // Given an accepted case of that many petitioners
      Case c = cases.register(CaseDriver.PETITIONER, persons, "FUTIAN", "HOUSING", "2026-09-20");
      cases.complete(
          c, CaseDriver.TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
      cases.complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));

      // When the unit concludes with that outcome
      cases.conclude(c, outcome);

      // Then the levels come in the table's order
      assertThat(cases.approveAll(c)).containsExactly(chain.split(","));
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.REPLIED);
    }

    @Test
    void aReturnedDraftGoesBackToTheUnitWithTheCommentAndTheChainStartsAgain() {
      // Given a draft approved by the unit's head
      Case c = cases.accepted();
      cases.conclude(c, "NOT_SUPPORTED");
      cases.complete(c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, true));

      // When the bureau returns it with a comment
      Task second = cases.task(c, APPROVE_REPLY);
      assertThat(cases.candidateGroup(second)).isEqualTo("bureau");
      cases.complete(
          c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, false, Var.APPROVAL_COMMENT, "请补充法律依据"));

      // Then the unit handles again and reads the comment; nothing reached the petitioner
      assertThat(c.pi()).isWaitingAt(HANDLE).hasNotPassed("Task_DeliverOpinion");
      Task handle = cases.task(c, HANDLE);
      assertThat(
              formService
                  .getTaskFormVariables(handle.getId())
                  .getValue(Var.APPROVAL_COMMENT, String.class))
          .isEqualTo("请补充法律依据");
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.ACCEPTED);
      assertThat(cases.noticeTypes(c)).doesNotContain("HANDLING_OPINION");
      assertThat(store.milestones(c.id()))
          .filteredOn(m -> m.type().startsWith("REPLY_"))
          .extracting(Milestone::publicVisible)
          .containsOnly(false);
      assertThat(cases.publicMilestones(c)).noneMatch(m -> m.contains("请补充法律依据"));

      // When it concludes again, the whole chain decides again
      cases.conclude(c, "NOT_SUPPORTED");
      assertThat(cases.approveAll(c)).containsExactly("unit-housing-head", "bureau", "leaders");
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.REPLIED);
      assertThat(cases.noticeTypes(c)).containsOnlyOnce("HANDLING_OPINION");
    }

    @Test
    void eachApproverReadsTheEarlierDecisionsAndAReturnedRoundStaysInTheHistory() {
      // Given a draft by housing1 that does not support the petitioner
      Case c = cases.accepted();
      cases.completeAs("housing1", c, HANDLE, conclusion("NOT_SUPPORTED"));
      assertThat(cases.approvalHistory(c)).contains("暂无");

      // When the unit's head approves it (the form's radio sends text) and the bureau returns it
      cases.completeAs(
          "housinghead1",
          c,
          APPROVE_REPLY,
          Map.of(Var.REPLY_APPROVED, "true", Var.APPROVAL_COMMENT, "事实清楚，同意"));
      assertThat(cases.approvalHistory(c))
          .contains("第1稿 第1级 市住房和建设局负责人（郑国华）：同意")
          .contains("事实清楚，同意");
      cases.completeAs(
          "clerk1",
          c,
          APPROVE_REPLY,
          Map.of(Var.REPLY_APPROVED, "false", Var.APPROVAL_COMMENT, "请补充法律依据"));

      // Then the unit redrafts, and the decision is stored as the contract's Boolean
      assertThat(c.pi()).isWaitingAt(HANDLE);
      assertThat(runtimeService.getVariable(c.pi().getId(), Var.REPLY_APPROVED))
          .isEqualTo(Boolean.FALSE);
      cases.completeAs("housing1", c, HANDLE, conclusion("NOT_SUPPORTED"));

      // and the next round's first approver reads the earlier round, the return included
      assertThat(cases.approvalHistory(c))
          .contains("第1稿 第1级 市住房和建设局负责人（郑国华）：同意")
          .contains("第1稿 第2级 市信访局（王敏）：退回")
          .contains("请补充法律依据");
      cases.completeAs("housinghead1", c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, true));
      cases.completeAs("clerk1", c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, true));
      assertThat(cases.approvalHistory(c)).contains("第2稿 第2级 市信访局（王敏）：同意");
      cases.completeAs("leader1", c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, true));
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.REPLIED);

      // and the case store holds both rounds, each with its drafter
      assertThat(chain.decisions(c.id()))
          .extracting(s -> s.round() + "/" + s.group() + "/" + s.decision() + "/" + s.decidedBy())
          .containsExactly(
              "1/unit-housing-head/APPROVED/housinghead1",
              "1/bureau/RETURNED/clerk1",
              "2/unit-housing-head/APPROVED/housinghead1",
              "2/bureau/APPROVED/clerk1",
              "2/leaders/APPROVED/leader1");
      assertThat(chain.decisions(c.id()))
          .extracting(ApprovalChain.Step::draftedBy)
          .containsOnly("housing1");
    }

    @Test
    void theDrafterNeitherClaimsNorApprovesTheirOwnDraft() {
      // Given a head of the housing bureau who is also one of its clerks, and drafts the reply
      String chief = "housingchief";
      if (identityService.createUserQuery().userId(chief).count() == 0) {
        identityService.saveUser(identityService.newUser(chief));
        identityService.createMembership(chief, "unit-housing");
        identityService.createMembership(chief, "unit-housing-head");
      }
      Case c = cases.accepted();
      cases.completeAs(chief, c, HANDLE, conclusion("SUPPORTED"));
      String task = cases.task(c, APPROVE_REPLY).getId();

      // When they claim it, or complete it, or it is handed to them
      Refusals.assertForbidden(
          () -> cases.as(chief, () -> taskService.claim(task, chief)), "起草人不得审批本人起草的答复意见");
      Refusals.assertForbidden(
          () -> cases.completeAs(chief, c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, true)),
          "起草人不得审批本人起草的答复意见");
      Refusals.assertForbidden(
          () -> cases.as("housinghead1", () -> taskService.setAssignee(task, chief)), "起草人");

      // Then nothing changed: the step waits, the task is nobody's
      assertThat(cases.task(c, APPROVE_REPLY).getAssignee()).isNull();
      assertThat(chain.waiting(c.id())).hasValueSatisfying(s -> assertThat(s.position()).isZero());

      // and another member of the head group approves it
      cases.as("housinghead1", () -> taskService.claim(task, "housinghead1"));
      cases.completeAs("housinghead1", c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, true));
      assertThat(cases.candidateGroup(cases.task(c, APPROVE_REPLY))).isEqualTo("leaders");
    }

    @Test
    void anApprovalNeedsAnExplicitChoice() {
      Case c = cases.accepted();
      cases.conclude(c, "SUPPORTED");
      for (Object none : new Object[] {"", "同意", 1L}) {
        Map<String, Object> values = new java.util.HashMap<>();
        values.put(Var.REPLY_APPROVED, none);
        Refusals.assertRefused(() -> cases.complete(c, APPROVE_REPLY, values), Var.REPLY_APPROVED);
      }
      assertThat(chain.waiting(c.id())).hasValueSatisfying(s -> assertThat(s.position()).isZero());
    }

    @Test
    void returningADraftNeedsAComment() {
      Case c = cases.accepted();
      cases.conclude(c, "SUPPORTED");

      Refusals.assertRefused(
          () -> cases.complete(c, APPROVE_REPLY, Map.of(Var.REPLY_APPROVED, false)),
          Var.APPROVAL_COMMENT);
      Refusals.assertRefused(() -> cases.complete(c, APPROVE_REPLY, Map.of()), Var.REPLY_APPROVED);
      assertThat(c.pi()).isWaitingAt(APPROVE_REPLY);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
      "no outcome, '', 意见, handlingOutcome",
      "unknown outcome, MAYBE, 意见, handlingOutcome",
      "no opinion, SUPPORTED, '', opinionText"
    })
    void anIncompleteConclusionIsRefused(String name, String outcome, String text, String field) {
      Case c = cases.accepted();

      Refusals.assertRefused(
          () ->
              cases.complete(
                  c, HANDLE, Map.of(Var.HANDLING_OUTCOME, outcome, Var.OPINION_TEXT, text)),
          field);
      assertThat(c.pi()).isWaitingAt(HANDLE).hasNotPassed("Task_DecideApprovers");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
      "a suggestion, SUGGESTION, NONE, SUGGESTION_REPLY, 采纳",
      "an enforcement request, CLAIM, ENFORCEMENT, ENFORCEMENT_REPLY, 行政复议"
    })
    void anAnswerOutsideThePetitionRouteClosesTheCaseWithoutReview(
        String name, String nature, String statutoryRoute, String noticeType, String wording) {
      // Given an accepted case on the suggestion or enforcement route
      Case c = cases.register("FUTIAN", "HOUSING", "2026-09-20");
      cases.complete(
          c,
          CaseDriver.TRIAGE,
          Petitions.triage(nature, statutoryRoute, false, false, false, true));
      cases.complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));

      // When the answer is approved and delivered
      cases.conclude(c, "SUPPORTED");
      cases.approveAll(c);

      // Then the petitioner has the answer, the case is closed, and no review window opens
      assertThat(cases.notice(c, noticeType).body()).contains(wording);
      assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.CLOSED);
      assertThat(c.pi()).hasPassed("End_Answered").isWaitingAt("Timer_EvaluationWindow");
      assertThat(
              runtimeService
                  .createEventSubscriptionQuery()
                  .processInstanceId(c.pi().getId())
                  .eventType("message")
                  .count())
          .isZero();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Windows opened by delivery
  // ---------------------------------------------------------------------------------------------

  @Nested
  class Windows {

    @Test
    void theEvaluationWindowClosesUnansweredAsNotEvaluated() {
      // Given an opinion delivered on 2026-10-20
      Case c = cases.acceptedOn("2026-09-10T10:00");
      clock.pin("2026-10-20T10:00");
      cases.replied(c, "SUPPORTED");

      // Then the evaluation timer is set to the end of the 30th day, 2026-11-19
      Job window = cases.timer(c, "Timer_EvaluationWindow");
      assertThat(window.getDuedate()).isEqualTo(endOf("2026-11-19"));

      // When it fires without an evaluation
      cases.fire(window);

      // Then the opinion is recorded as not evaluated, and the review window is still open
      long opinionId = opinions.latest(c.id(), OpinionKind.HANDLING).orElseThrow().id();
      assertThat(opinions.evaluation(opinionId))
          .hasValueSatisfying(e -> assertThat(e.result()).isEqualTo(Satisfaction.NOT_EVALUATED));
      assertThat(cases.publicMilestones(c)).contains("满意度评价期限届满，信访人未评价");
      assertThat(c.pi()).hasPassed("Task_CloseEvaluation").isWaitingAt("EventGateway_ReviewWindow");
    }

    @Test
    void withoutAReviewRequestTheCaseClosesWhenTheWindowEnds() {
      // Given an opinion delivered on Sat 2026-09-05: 30 days end on Mon 10-05, inside 国庆
      Case c = cases.acceptedOn("2026-08-20T10:00");
      clock.pin("2026-09-05T10:00");
      cases.replied(c, "PARTIALLY_SUPPORTED");

      // Then the window ends on the next working day, 2026-10-08, for the petitioner; the engine
      // waits 5 working days more for a request received in time that the bureau enters late
      // (clock appeal-entry): Fri 10-09, Sat 10-10 (an adjusted working day), Mon 10-12 to Wed
      // 10-14
      Job window = cases.timer(c, "Timer_ReviewWindow");
      assertThat(window.getDuedate()).isEqualTo(endOf("2026-10-14"));
      assertThat(cases.stored(c).currentDeadline().toInstant())
          .isEqualTo(endOf("2026-10-08").toInstant());

      // When the window passes
      cases.fire(window);

      // Then the opinion stands and the case is closed; only the evaluation window is left
      assertThat(c.pi())
          .hasPassed("Task_CloseAfterReply", "End_ReviewWindowPassed")
          .isWaitingAt("Timer_EvaluationWindow");
      PetitionRecord stored = cases.stored(c);
      assertThat(stored.status()).isEqualTo(PetitionStatus.CLOSED);
      assertThat(stored.currentDeadline()).isNull();
      assertThat(cases.publicMilestones(c)).contains("请求复查期限届满，处理意见生效，本事项办结");

      // and once the evaluation window closes too, the process is over
      cases.fire(cases.timer(c, "Timer_EvaluationWindow"));
      assertThat(c.pi()).isEnded();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  static Map<String, Object> conclusion(String outcome) {
    return Map.of(Var.HANDLING_OUTCOME, outcome, Var.OPINION_TEXT, "经调查核实，楼上住户管道老化渗漏属实，已责成物业公司维修。");
  }

  static Map<String, Object> extension(long days, String reason) {
    return Map.of(
        Var.HANDLING_ACTION, "EXTEND", Var.EXTENSION_DAYS, days, Var.EXTENSION_REASON, reason);
  }

  static Map<String, Object> hearing(String day) {
    return Map.of(
        Var.HEARING_DATE,
        day,
        Var.HEARING_PARTICIPANTS,
        "主持人王某，听证员三人，信访人张三，物业公司代表",
        Var.HEARING_SUMMARY,
        "双方陈述意见，听证员认为漏水责任在楼上住户。");
  }
}
