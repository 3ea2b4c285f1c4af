package cn.xinfang.supervision;

import static cn.xinfang.support.CaseDriver.ACCEPT;
import static cn.xinfang.support.CaseDriver.TRIAGE;
import static cn.xinfang.support.CaseDriver.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.evaluation.EvaluationService;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.TestClock;
import cn.xinfang.web.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 网上督 on the running application (docs/supervision.md): priorities near and past the due date,
 * superviseCase once per overdue task, and what each of the supervisor's actions does. Expected
 * dates are worked out by hand from the rules of docs/domain.md ("Time limits"); November and
 * December 2026 have no public holiday.
 */
@ApplicationIT
class SupervisionIT {

  @Autowired CaseDriver cases;
  @Autowired TestClock clock;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired OverdueWatch watch;
  @Autowired SupervisionStore supervisions;
  @Autowired PetitionStore store;
  @Autowired ApprovalChain chain;
  @Autowired ManualSupervision manual;
  @Autowired EvaluationService evaluations;
  @Autowired AuthorizationService authorizations;

  /** 领导包案 by leader1 */
  private static final Map<String, Object> LEADER1 =
      Map.of(
          "supervisionAction", "LEADER",
          "leaderOwner", "leader1",
          "supervisionComment", "久拖未决，由分管领导包案");

  /** A letter received 25 days before Fri 2026-11-20: triage was due Tue 2026-11-10. */
  private Case lateAtTriage() {
    clock.pin("2026-11-20T10:00");
    return cases.register("FUTIAN", "HOUSING", "2026-10-26");
  }

  private List<Task> superviseTasks(Case c) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(SupervisionProcess.PROCESS_KEY)
        .processInstanceBusinessKey(c.number())
        .taskDefinitionKey(SupervisionProcess.TASK_SUPERVISE)
        .list();
  }

  private long openSupervisionTasks(Case c) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(SupervisionProcess.PROCESS_KEY)
        .processInstanceBusinessKey(c.number())
        .count();
  }

  private Task supervisionTask(Case c, String key) {
    Task t =
        taskService
            .createTaskQuery()
            .processDefinitionKey(SupervisionProcess.PROCESS_KEY)
            .processInstanceBusinessKey(c.number())
            .taskDefinitionKey(key)
            .singleResult();
    assertThat(t).as("%s of %s", key, c.number()).isNotNull();
    return t;
  }

  private void decide(Case c, Map<String, Object> decision) {
    Task t = supervisionTask(c, SupervisionProcess.TASK_SUPERVISE);
    cases.as("supervisor1", () -> taskService.complete(t.getId(), new HashMap<>(decision)));
  }

  /**
   * The answer's timer, due at the end of {@code dueDay}, fires at {@code firedAt}: the answer goes
   * to priority 100 and the leaders' task opens; answers it.
   */
  private Task escalated(Case c, Task answer, String dueDay, String firedAt) {
    Job late =
        managementService
            .createJobQuery()
            .processInstanceId(answer.getProcessInstanceId())
            .timers()
            .singleResult();
    assertThat(late.getDuedate()).isEqualTo(endOf(dueDay));
    clock.pin(firedAt);
    managementService.executeJob(late.getId());
    assertThat(taskService.createTaskQuery().taskId(answer.getId()).singleResult().getPriority())
        .isEqualTo(100);
    return supervisionTask(c, SupervisionProcess.TASK_LEADER);
  }

  /**
   * A case received Thu 2026-11-19, transferred, accepted and replied with {@code outcome} on Fri
   * 2026-11-20: in time, with no open task.
   */
  private Case repliedOnTime(String outcome) {
    clock.pin("2026-11-20T10:00");
    return cases.replied(
        cases.accepted(
            cases.transferred(cases.register("FUTIAN", "HOUSING", "2026-11-19"), "CLAIM", false)),
        outcome);
  }

  /** clerk1 of the bureau sends a 督办函 by hand, answered within {@code days} working days. */
  private void letterByHand(Case c, int days, String comment) {
    cases.as(
        "clerk1",
        () ->
            manual.supervise(
                c.number(),
                Map.of(
                    "supervisionAction", "LETTER",
                    "replyDays", days,
                    "supervisionComment", comment),
                "clerk1"));
  }

  private Supervision only(Case c) {
    List<Supervision> all = supervisions.ofCase(c.id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  @Nested
  class Priorities {

    @Test
    void aCaseReceived25DaysAgoIsSupervisedAtRegistrationOnceHoweverOftenTheWatchRuns() {
      Case c = lateAtTriage();

      Task triage = cases.task(c, TRIAGE);
      assertThat(triage.getPriority()).isEqualTo(100);
      List<Task> supervise = superviseTasks(c);
      assertThat(supervise).hasSize(1);
      Task s = supervise.get(0);
      assertThat(cases.candidateGroup(s)).isEqualTo(PetitionProcess.Group.SUPERVISION);
      Map<String, Object> shown = taskService.getVariablesLocal(s.getId());
      assertThat(shown)
          .containsEntry("caseNumber", c.number())
          .containsEntry("lateTask", "信访事项分流")
          .containsEntry("lateGroups", "市信访局")
          .containsEntry("lateDue", "2026年11月10日")
          .containsEntry("daysLate", "已超期 10 日");
      // a letter's default answer time, from petition.deadlines.supervision-answer
      assertThat(taskService.getVariable(s.getId(), "replyDays")).isEqualTo(5L);
      assertThat((String) shown.get("leaderChoices")).contains("郭峰（leader1）");

      // the watch, on this node or another, and after a restart, opens no second one
      watch.run();
      watch.run();
      assertThat(superviseTasks(c)).hasSize(1);
      Supervision row = only(c);
      assertThat(row.origin()).isEqualTo("OVERDUE");
      assertThat(row.taskId()).isEqualTo(triage.getId());
      assertThat(row.taskDue().toInstant()).isEqualTo(endOf("2026-11-10").toInstant());
    }

    @Test
    void aTaskDueWithinThreeWorkingDaysIsNearDueAndNotSupervisedUntilItIsLate() {
      // received Sat 2026-11-07: triage due Sun 11-22, a rest day: Mon 2026-11-23
      clock.pin("2026-11-20T10:00");
      Case c = cases.register("FUTIAN", "HOUSING", "2026-11-07");

      assertThat(cases.task(c, TRIAGE).getDueDate()).isEqualTo(endOf("2026-11-23"));
      assertThat(cases.task(c, TRIAGE).getPriority()).isEqualTo(75);
      watch.run();
      assertThat(superviseTasks(c)).isEmpty();
      assertThat(supervisions.ofCase(c.id())).isEmpty();

      // the day after the due date, the watch supervises it
      clock.pin("2026-11-24T09:00");
      OverdueWatch.Counts counts = watch.run();
      assertThat(counts.supervised()).isGreaterThanOrEqualTo(1);
      assertThat(cases.task(c, TRIAGE).getPriority()).isEqualTo(100);
      assertThat(superviseTasks(c)).hasSize(1);
      watch.run();
      assertThat(superviseTasks(c)).hasSize(1);
    }

    @Test
    void theWatchFlagsATaskFromTheReminderPointThreeWorkingDaysBeforeItsDueDate() {
      // received and registered Mon 2026-11-02: triage due Tue 2026-11-17
      clock.pin("2026-11-02T10:00");
      Case c = cases.register("FUTIAN", "HOUSING", "2026-11-02");
      assertThat(cases.task(c, TRIAGE).getPriority()).isEqualTo(50);

      // Wed 11-11: Thu, Fri, Mon are the next three working days: not yet
      clock.pin("2026-11-11T10:00");
      watch.run();
      assertThat(cases.task(c, TRIAGE).getPriority()).isEqualTo(50);

      // Thu 11-12: Fri, Mon, Tue 11-17: near its due date
      clock.pin("2026-11-12T10:00");
      watch.run();
      assertThat(cases.task(c, TRIAGE).getPriority()).isEqualTo(75);
      assertThat(superviseTasks(c)).isEmpty();
    }

    @Test
    void aSupervisionWhoseLateTaskWasDoneMeanwhileIsWithdrawn() {
      Case c = lateAtTriage();
      cases.transferred(c, "CLAIM", false);

      watch.run();

      assertThat(superviseTasks(c)).isEmpty();
      assertThat(only(c).withdrawnAt()).isNotNull();
    }
  }

  @Nested
  class Actions {

    @Test
    void aLetterOpensAnswerSupervisionForTheLateGroupDueInTheWorkingDaysSetAndEscalatesWhenLate() {
      Case c = lateAtTriage();

      decide(
          c,
          Map.of(
              "supervisionAction", "LETTER",
              "replyDays", 3L,
              "supervisionComment", "分流超期 10 日，请说明原因并立即分流"));

      // Fri 11-20 + 3 working days: Wed 2026-11-25
      Task answer = supervisionTask(c, SupervisionProcess.TASK_ANSWER);
      assertThat(answer.getDueDate()).isEqualTo(endOf("2026-11-25"));
      assertThat(cases.candidateGroup(answer)).isEqualTo(PetitionProcess.Group.BUREAU);
      assertThat((String) taskService.getVariableLocal(answer.getId(), "supervisionText"))
          .contains("分流超期 10 日")
          .contains("2026年11月25日");
      assertThat(cases.notice(c, "SUPERVISION_LETTER").body())
          .contains("市信访局")
          .contains("2026年11月25日")
          .contains("第四十条");
      assertThat(cases.notice(c, "SUPERVISION_LETTER").internal()).isTrue();
      assertThat(cases.publicMilestones(c)).anyMatch(m -> m.contains("督办函"));
      assertThat(taskService.getTaskComments(cases.task(c, TRIAGE).getId()))
          .anyMatch(m -> m.getFullMessage().startsWith("【督办函】"));
      Supervision row = only(c);
      assertThat(row.action()).isEqualTo("LETTER");
      assertThat(row.decidedBy()).isEqualTo("supervisor1");
      assertThat(row.replyDays()).isEqualTo(3);

      // the answer is late: the leaders are asked to instruct, the answer goes to the top
      Task instruct = escalated(c, answer, "2026-11-25", "2026-11-26T09:00");
      assertThat(cases.candidateGroup(instruct)).isEqualTo(PetitionProcess.Group.LEADERS);
      cases.as(
          "leader1",
          () ->
              taskService.complete(
                  instruct.getId(), Map.of("leaderInstruction", "请信访局今日内完成分流并报告")));
      assertThat(taskService.getTaskComments(answer.getId()))
          .anyMatch(m -> m.getFullMessage().contains("请信访局今日内完成分流并报告"));

      cases.as(
          "clerk1",
          () ->
              taskService.complete(
                  answer.getId(), Map.of("supervisionAnswer", "因来信地址不详核实延误，已于今日分流")));
      Supervision answered = only(c);
      assertThat(answered.answer()).isEqualTo("因来信地址不详核实延误，已于今日分流");
      assertThat(answered.answeredBy()).isEqualTo("clerk1");
      assertThat(answered.escalatedAt()).isNotNull();
      assertThat(answered.instructedBy()).isEqualTo("leader1");
    }

    @Test
    void aLeaderTakesTheCaseInHandFollowsEveryTaskAndSignsTheReplyLast() {
      Case c = lateAtTriage();
      decide(c, LEADER1);

      assertThat(store.get(c.number()).leaderOwner()).isEqualTo("leader1");
      assertThat(followers(cases.task(c, TRIAGE))).containsExactly("leader1");
      assertThat(cases.publicMilestones(c)).contains("本事项已由领导包案督办");

      // every later task of the case is followed too, and the chain ends with the leader
      cases.transferred(c, "CLAIM", false);
      assertThat(followers(cases.task(c, ACCEPT))).containsExactly("leader1");
      cases.accepted(c);
      cases.conclude(c, "SUPPORTED");
      List<ApprovalChain.Step> round = chain.currentRound(c.id());
      ApprovalChain.Step last = round.get(round.size() - 1);
      assertThat(last.group()).isEqualTo(PetitionProcess.Group.LEADERS);
      assertThat(last.approverUser()).isEqualTo("leader1");
      assertThat(round.stream().filter(s -> s.group().equals(PetitionProcess.Group.LEADERS)))
          .hasSize(1);
      List<String> approvers = cases.approveAll(c);
      assertThat(approvers.get(approvers.size() - 1)).isEqualTo(PetitionProcess.Group.LEADERS);
      assertThat(chain.decisions(c.id()).get(round.size() - 1).decidedBy()).isEqualTo("leader1");
    }

    @Test
    void onlyAMemberOfTheLeadersMayTakeACaseInHand() {
      Case c = lateAtTriage();
      Task t = supervisionTask(c, SupervisionProcess.TASK_SUPERVISE);
      Map<String, Object> notALeader =
          Map.of(
              "supervisionAction", "LEADER",
              "leaderOwner", "clerk1",
              "supervisionComment", "由信访局包案");
      assertThatThrownBy(
              () -> cases.as("supervisor1", () -> taskService.complete(t.getId(), notALeader)))
          .hasRootCauseInstanceOf(InvalidInputException.class)
          .hasStackTraceContaining("分管领导组的成员");
      assertThat(only(c).action()).isNull();
      assertThat(store.get(c.number()).leaderOwner()).isNull();
    }

    @Test
    void anAccusationPassedToDisciplineIsNeitherSupervisedNorFollowedByALeader() {
      // a late triage under supervision, and an earlier letter about it still to be answered
      Case c = lateAtTriage();
      letterByHand(c, 3, "请说明分流超期的原因");
      Task supervise = supervisionTask(c, SupervisionProcess.TASK_SUPERVISE);
      assertThat(supervisionTask(c, SupervisionProcess.TASK_ANSWER)).isNotNull();

      // the triage finds an accusation against an official: to 纪检监察, in confidence (Art. 30)
      cases.completeAs(
          "clerk1",
          c,
          TRIAGE,
          cn.xinfang.support.Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

      // every supervision of it ends at once: nothing of it stays in a supervisor's or a unit's
      // list
      assertThat(openSupervisionTasks(c)).isZero();
      assertThat(supervisions.ofCase(c.id())).hasSize(2).allMatch(s -> s.withdrawnAt() != null);
      assertThatThrownBy(
              () -> cases.as("supervisor1", () -> taskService.complete(supervise.getId(), LEADER1)))
          .isInstanceOf(org.camunda.bpm.engine.exception.NullValueException.class);
      assertThat(store.get(c.number()).leaderOwner()).isNull();
    }

    @Test
    void aLeaderWhoTookTheCaseInHandReadsItNoMoreOnceItIsPassedToDiscipline() {
      Case c = lateAtTriage();
      decide(c, LEADER1);
      assertThat(grantsOf("leader1", c)).isNotZero();

      cases.completeAs(
          "clerk1",
          c,
          TRIAGE,
          cn.xinfang.support.Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

      assertThat(grantsOf("leader1", c)).isZero();
    }

    @Test
    void aRecommendationIsAnsweredByTheUnitWithinThirtyDays() {
      Case c = lateAtTriage();
      decide(
          c,
          Map.of(
              "supervisionAction", "RECOMMEND",
              "recommendationType", "IMPROVE_WORK",
              "recommendationText", "建立来信登记后三日内分流的内部时限",
              "supervisionComment", "分流环节多次超期"));

      // Fri 11-20 + 30 days: Sun 12-20, a rest day: Mon 2026-12-21
      Task answer = supervisionTask(c, SupervisionProcess.TASK_ANSWER_RECOMMENDATION);
      assertThat(answer.getDueDate()).isEqualTo(endOf("2026-12-21"));
      assertThat(cases.notice(c, "RECOMMENDATION_LETTER").title()).isEqualTo("信访工作改进工作建议书");
      assertThat(cases.publicMilestones(c)).noneMatch(m -> m.contains("建议"));

      // unanswered by then: the answer goes to the top and the leaders are asked to instruct
      Task instruct = escalated(c, answer, "2026-12-21", "2026-12-22T09:00");
      assertThat((String) taskService.getVariableLocal(instruct.getId(), "supervisionText"))
          .contains("改进工作建议")
          .contains("逾期未答复");
    }

    @Test
    void aReminderIsANoteInTheLateGroupsWorklistAndNothingForThePetitioner() {
      Case c = lateAtTriage();
      decide(c, Map.of("supervisionAction", "REMIND", "supervisionComment", "请尽快分流"));

      assertThat(taskService.getTaskComments(cases.task(c, TRIAGE).getId()))
          .anyMatch(
              m -> m.getFullMessage().startsWith("【催办】") && m.getFullMessage().contains("请尽快分流"));
      assertThat(cases.milestones(c))
          .extracting(Milestone::type)
          .contains(MilestoneType.REMINDED)
          .doesNotContain(MilestoneType.SUPERVISED);
      assertThat(openSupervisionTasks(c)).isZero();
    }

    @Test
    void theBureauSupervisesByHandTheTaskDueFirst() {
      clock.pin("2026-11-20T10:00");
      Case c = cases.register("FUTIAN", "HOUSING", "2026-11-19");

      letterByHand(c, 2, "群众反映强烈，请加快办理");

      Supervision row = only(c);
      assertThat(row.origin()).isEqualTo("MANUAL");
      assertThat(row.taskKey()).isEqualTo(TRIAGE);
      assertThat(row.openedBy()).isEqualTo("clerk1");
      // Fri 11-20 + 2 working days: Tue 2026-11-24
      Task answer = supervisionTask(c, SupervisionProcess.TASK_ANSWER);
      assertThat(answer.getDueDate()).isEqualTo(endOf("2026-11-24"));
      assertThat(superviseTasks(c)).isEmpty();
      // triage is due Fri 2026-12-04: not late, and the letter says so
      assertThat(taskService.getVariableLocal(answer.getId(), "daysLate")).isEqualTo("距期限还有 14 日");
      assertThat(cases.notice(c, "SUPERVISION_LETTER").body())
          .contains("环节应于2026年12月4日前办结。")
          .doesNotContain("超过期限");
    }

    @Test
    void aCaseWithNoOpenTaskIsSupervisedThroughItsHandlingUnit() {
      Case c = repliedOnTime("SUPPORTED");

      manual.supervise(
          c.number(),
          Map.of(
              "supervisionAction", "RECOMMEND",
              "recommendationType", "IMPROVE_POLICY",
              "recommendationText", "完善老旧小区管道维修资金的使用办法",
              "supervisionComment", "同类问题反复出现"),
          "supervisor1");

      Task answer = supervisionTask(c, SupervisionProcess.TASK_ANSWER_RECOMMENDATION);
      assertThat(cases.candidateGroup(answer)).isEqualTo("unit-housing");
      assertThat(only(c).taskId()).isNull();
      assertThat(cases.notice(c, "RECOMMENDATION_LETTER").body()).contains("市住房和建设局");
    }

    @Test
    void aManualSupervisionNamingAnythingElseChangesNothing() {
      clock.pin("2026-11-20T10:00");
      Case c = cases.register("FUTIAN", "HOUSING", "2026-11-19");
      assertThatThrownBy(
              () ->
                  manual.supervise(
                      c.number(),
                      Map.of(
                          "supervisionAction", "LETTER",
                          "replyDays", 2,
                          "supervisionComment", "请加快办理",
                          "answerDue", "2030-01-01"),
                      "clerk1"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("answerDue");
      assertThatThrownBy(
              () ->
                  manual.supervise(
                      c.number(),
                      Map.of(
                          "supervisionAction",
                          "LETTER",
                          "replyDays",
                          45,
                          "supervisionComment",
                          "请加快办理"),
                      "clerk1"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("1 至 30");
      assertThatThrownBy(
              () ->
                  manual.supervise(
                      c.number(),
                      Map.of("supervisionAction", "NONE", "supervisionComment", "不督办"),
                      "clerk1"))
          .isInstanceOf(InvalidInputException.class);
      assertThat(supervisions.ofCase(c.id())).isEmpty();
    }
  }

  @Nested
  class Dissatisfaction {

    @Test
    void aDissatisfiedEvaluationOpensVerifyDissatisfactionWhoseFindingIsRecorded() {
      Case c = repliedOnTime("NOT_SUPPORTED");

      evaluations.evaluate(c.queryCode(), Satisfaction.DISSATISFIED, "没有解决实际问题");

      Task verify = supervisionTask(c, SupervisionProcess.TASK_VERIFY_DISSATISFACTION);
      assertThat(cases.candidateGroup(verify)).isEqualTo(PetitionProcess.Group.SUPERVISION);
      assertThat((String) taskService.getVariableLocal(verify.getId(), "supervisionText"))
          .contains("不满意")
          .contains("没有解决实际问题");
      cases.as(
          "supervisor1",
          () ->
              taskService.complete(
                  verify.getId(),
                  Map.of(
                      "dissatisfactionFinding", "PROPER",
                      "supervisionComment", "电话回访，处理意见有政策依据，已告知可申请复查")));
      Supervision row = only(c);
      assertThat(row.origin()).isEqualTo("DISSATISFIED");
      assertThat(row.finding()).isEqualTo("PROPER");
      assertThat(row.decidedBy()).isEqualTo("supervisor1");
      assertThat(cases.milestones(c))
          .extracting(Milestone::type)
          .contains(MilestoneType.DISSATISFACTION_VERIFIED);
    }

    @Test
    void aSatisfiedEvaluationOpensNothing() {
      Case c = repliedOnTime("SUPPORTED");
      evaluations.evaluate(c.queryCode(), Satisfaction.SATISFIED, null);
      assertThat(supervisions.ofCase(c.id())).isEmpty();
    }
  }

  private long grantsOf(String user, Case c) {
    return authorizations
        .createAuthorizationQuery()
        .userIdIn(user)
        .resourceId(c.pi().getId())
        .count();
  }

  private List<String> followers(Task t) {
    return taskService.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> PetitionProcess.FOLLOWER_LINK.equals(l.getType()))
        .map(IdentityLink::getUserId)
        .toList();
  }
}
