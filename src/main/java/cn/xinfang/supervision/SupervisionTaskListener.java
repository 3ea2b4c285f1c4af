package cn.xinfang.supervision;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.engine.UserNames;
import cn.xinfang.supervision.SupervisionProcess.Finding;
import cn.xinfang.supervision.SupervisionProcess.Recommendation;
import cn.xinfang.supervision.SupervisionProcess.Var;
import cn.xinfang.web.ForbiddenException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The user tasks of processes/supervision.bpmn.
 *
 * <ul>
 *   <li>create: what the form shows, read from the case store into display-only local variables (no
 *       form submits them): the case, the late task, its groups, its due date, how late it is, the
 *       letter or recommendation being answered, the leaders one may name;
 *   <li>complete: each task's own inputs, checked and recorded on the supervision in the case store
 *       — superviseCase the decision ({@link SupervisionDecisions}), answerSupervision and
 *       answerRecommendation the unit's answer, leaderSupervision the leader's instruction (also a
 *       comment on the late answer's task), verifyDissatisfaction the finding of 回访核查.
 * </ul>
 */
@Component
public class SupervisionTaskListener implements TaskListener {

  static final int ANSWER_LENGTH = 4000;

  private final SupervisionCases cases;
  private final SupervisionStore store;
  private final SupervisionDecisions decisions;
  private final PetitionStore petitions;
  private final OpinionStore opinions;
  private final CurrentUser currentUser;
  private final GroupNames groupNames;
  private final UserNames userNames;
  private final IdentityService identity;
  private final TaskService tasks;
  private final Deadlines deadlines;
  private final Clock clock;

  public SupervisionTaskListener(
      SupervisionCases cases,
      SupervisionStore store,
      SupervisionDecisions decisions,
      PetitionStore petitions,
      OpinionStore opinions,
      CurrentUser currentUser,
      GroupNames groupNames,
      UserNames userNames,
      IdentityService identity,
      TaskService tasks,
      Deadlines deadlines,
      Clock clock) {
    this.cases = cases;
    this.store = store;
    this.decisions = decisions;
    this.petitions = petitions;
    this.opinions = opinions;
    this.currentUser = currentUser;
    this.groupNames = groupNames;
    this.userNames = userNames;
    this.identity = identity;
    this.tasks = tasks;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    Supervision s = cases.of(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, s);
      return;
    }
    String user = currentUser.id().orElse(task.getAssignee());
    TaskInputs in = new TaskInputs(task);
    PetitionRecord c = cases.caseOf(s);
    switch (task.getTaskDefinitionKey()) {
      case SupervisionProcess.TASK_SUPERVISE -> {
        if (c.route() == Route.DISCIPLINE) {
          // passed to 纪检监察 in confidence (Art. 30): the transfer ended every supervision of it;
          // a decision racing the transfer names no leader and reaches no supervisor
          throw new ForbiddenException("本事项已依法转送纪检监察机关办理，督查督办人员不能查看或督办（《信访工作条例》第三十条）");
        }
        SupervisionStore.Decision d = decisions.read(task::getVariable, user, c);
        decisions.record(s, d);
        // the gateway reads the action as recorded
        task.setVariable(Var.ACTION, d.action());
      }
      case SupervisionProcess.TASK_ANSWER, SupervisionProcess.TASK_ANSWER_RECOMMENDATION -> {
        boolean letter = SupervisionProcess.TASK_ANSWER.equals(task.getTaskDefinitionKey());
        String answer =
            in.requireText(
                letter ? Var.ANSWER : Var.RECOMMENDATION_ANSWER,
                letter ? "督办答复" : "建议答复",
                ANSWER_LENGTH);
        store.answer(s, answer, user);
        petitions.addMilestone(
            c.caseNumber(),
            MilestoneType.SUPERVISION_ANSWERED,
            false,
            (letter ? "承办单位答复督办函" : "承办单位答复三项建议") + "（" + groupName(user, s) + "）",
            answer);
      }
      case SupervisionProcess.TASK_VERIFY_DISSATISFACTION -> {
        Finding finding = in.requireEnum(Var.FINDING, Finding.class, "核查结论");
        String comment = in.requireText(Var.COMMENT, "核查情况", SupervisionDecisions.TEXT);
        store.find(s, finding.name(), comment, user);
        petitions.addMilestone(
            c.caseNumber(),
            MilestoneType.DISSATISFACTION_VERIFIED,
            false,
            "回访核查：" + (finding == Finding.PROPER ? "办理得当，引导信访人依法申请复查" : "办理不当，督促承办单位整改"),
            comment);
      }
      // leaderSupervision, and any escalation level a designer adds after it (docs/supervision.md)
      default -> instruct(task, s, c, user, in);
    }
  }

  /** A leader's instruction on a late answer: recorded, and a note on the answer's task. */
  private void instruct(
      DelegateTask task, Supervision s, PetitionRecord c, String user, TaskInputs in) {
    String instruction = in.requireText(Var.LEADER_INSTRUCTION, "领导批示", SupervisionDecisions.TEXT);
    store.instruct(s, instruction, user);
    petitions.addMilestone(
        c.caseNumber(),
        MilestoneType.SUPERVISION_ESCALATED,
        false,
        "领导督办批示（" + userNames.name(user) + "）",
        instruction);
    cases.eachAnswerTask(
        task.getProcessInstanceId(),
        t ->
            tasks.createComment(
                t.getId(),
                t.getProcessInstanceId(),
                "【领导批示】" + userNames.name(user) + "：" + instruction));
  }

  private String groupName(String user, Supervision s) {
    return s.groups().stream().map(groupNames::name).collect(Collectors.joining("、"))
        + (user == null ? "" : "，" + userNames.name(user));
  }

  private void show(DelegateTask task, Supervision s) {
    PetitionRecord c = cases.caseOf(s);
    task.setVariableLocal(Var.CASE_NUMBER, c.caseNumber());
    task.setVariableLocal(Var.TITLE, c.title());
    task.setVariableLocal(Var.LATE_TASK, s.taskName() == null ? "（整件督办）" : s.taskName());
    task.setVariableLocal(
        Var.LATE_GROUPS,
        s.groups().stream().map(groupNames::name).collect(Collectors.joining("、")));
    if (s.taskDue() != null) {
      task.setVariableLocal(Var.LATE_DUE, StatutoryCalendar.chineseDay(s.taskDue().toInstant()));
      long late =
          ChronoUnit.DAYS.between(
              LocalDate.ofInstant(s.taskDue().toInstant(), StatutoryCalendar.ZONE),
              LocalDate.now(clock.withZone(StatutoryCalendar.ZONE)));
      task.setVariableLocal(
          Var.DAYS_LATE,
          late > 0 ? "已超期 " + late + " 日" : late == 0 ? "今日到期" : "距期限还有 " + -late + " 日");
    }
    switch (task.getTaskDefinitionKey()) {
      case SupervisionProcess.TASK_SUPERVISE -> {
        task.setVariableLocal(Var.LEADERS, leaders());
        // a letter's answer time, as configured (petition.deadlines.supervision-answer): the form
        // shows it as the default, the supervisor may change it. On the process, not the task: what
        // the form submits is written there, and a local variable of the task would hide it
        task.getExecution()
            .setVariable(Var.REPLY_DAYS, (long) deadlines.maxDays(Clocks.SUPERVISION_ANSWER));
      }
      case SupervisionProcess.TASK_ANSWER, SupervisionProcess.TASK_ANSWER_RECOMMENDATION ->
          task.setVariableLocal(Var.SUPERVISION_TEXT, answered(s));
      case SupervisionProcess.TASK_VERIFY_DISSATISFACTION ->
          task.setVariableLocal(Var.SUPERVISION_TEXT, evaluationText(c));
      // leaderSupervision, and any escalation level a designer adds after it
      default -> task.setVariableLocal(Var.SUPERVISION_TEXT, answered(s) + "\n承办单位逾期未答复，已提请领导督办。");
    }
  }

  /** The letter or the recommendation the unit answers, with its due date. */
  private static String answered(Supervision s) {
    String due = StatutoryCalendar.chineseDay(s.answerDue().toInstant());
    if (s.recommendationType() != null) {
      return Recommendation.valueOf(s.recommendationType()).label()
          + "："
          + s.recommendationText()
          + "\n请于"
          + due
          + "前答复。";
    }
    return "督办意见：" + s.actionComment() + "\n请于" + due + "前书面答复（" + s.replyDays() + " 个工作日）。";
  }

  /** The leaders one may name for 领导包案: "郭峰（leader1）", one per line. */
  private String leaders() {
    return AsSystem.call(
        identity,
        () ->
            identity
                .createUserQuery()
                .memberOfGroup(PetitionProcess.Group.LEADERS)
                .orderByUserId()
                .asc()
                .list()
                .stream()
                .map(u -> userNames.name(u.getId()) + "（" + u.getId() + "）")
                .collect(Collectors.joining("\n")));
  }

  private String evaluationText(PetitionRecord c) {
    Opinion o = opinions.latest(c.id(), OpinionKind.HANDLING).orElse(null);
    if (o == null) {
      return "（无处理意见）";
    }
    String rated =
        opinions
            .evaluation(o.id())
            .map(e -> e.result().label() + (e.comment() == null ? "" : "。" + e.comment()))
            .orElse("（未评价）");
    return "处理意见（"
        + (c.handlingUnitName() == null ? "" : c.handlingUnitName() + "，")
        + StatutoryCalendar.chineseDay(o.issuedAt().toInstant())
        + "）："
        + o.text()
        + "\n信访人评价："
        + rated;
  }
}
