package cn.xinfang.supervision;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.TaskPriority;
import cn.xinfang.notice.Notices;
import cn.xinfang.security.CaseAccess;
import cn.xinfang.supervision.SupervisionProcess.Recommendation;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The service tasks of processes/supervision.bpmn, one per act (input parameter {@code act} of the
 * task names it), each on the supervision as the case store recorded it:
 *
 * <ul>
 *   <li>{@code REMIND} 催办: a note in the late group's worklist, an internal step of the timeline;
 *   <li>{@code LETTER} 督办函: the letter (template SUPERVISION_LETTER, in the case file only), the
 *       note, and the public milestone 已督办;
 *   <li>{@code LEADER} 领导包案: the leader follows the case (reads it, its open and future tasks in
 *       the filter 我的包案) and signs its next reply last; public milestone 已督办;
 *   <li>{@code RECOMMEND} 三项建议: the recommendation (template RECOMMENDATION_LETTER) and the note;
 *   <li>{@code ESCALATE}: the answer to a letter or a recommendation is late: the answer task goes
 *       to the top of the late group's worklist, and the leaders are asked to instruct.
 * </ul>
 */
@Component
public class SupervisionActsDelegate implements JavaDelegate {

  /** input parameter of each service task */
  static final String ACT = "act";

  private final SupervisionCases cases;
  private final SupervisionStore store;
  private final PetitionStore petitions;
  private final Notices notices;
  private final LateGroupNotes notes;
  private final CaseAccess access;
  private final GroupNames groupNames;
  private final TaskService tasks;
  private final IdentityService identity;

  public SupervisionActsDelegate(
      SupervisionCases cases,
      SupervisionStore store,
      PetitionStore petitions,
      Notices notices,
      LateGroupNotes notes,
      CaseAccess access,
      GroupNames groupNames,
      TaskService tasks,
      IdentityService identity) {
    this.cases = cases;
    this.store = store;
    this.petitions = petitions;
    this.notices = notices;
    this.notes = notes;
    this.access = access;
    this.groupNames = groupNames;
    this.tasks = tasks;
    this.identity = identity;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Supervision s = cases.of(execution);
    PetitionRecord c = cases.caseOf(s);
    String act = String.valueOf(execution.getVariableLocal(ACT));
    switch (act) {
      case "REMIND" -> remind(c, s);
      case "LETTER" -> letter(c, s);
      case "LEADER" -> leader(c, s);
      case "RECOMMEND" -> recommend(c, s);
      case "ESCALATE" -> escalate(execution, c, s);
      default -> throw new IllegalStateException("supervision act unknown to the platform: " + act);
    }
  }

  private void remind(PetitionRecord c, Supervision s) {
    notes.note(c, s, "【催办】" + task(s) + "，请抓紧办理。督办意见：" + s.actionComment());
    petitions.addMilestone(
        c.caseNumber(), MilestoneType.REMINDED, false, "督查督办催办：" + task(s), s.actionComment());
  }

  private void letter(PetitionRecord c, Supervision s) {
    notices.issueInternal(c.caseNumber(), "SUPERVISION_LETTER", values(c, s));
    notes.note(
        c,
        s,
        "【督办函】"
            + task(s)
            + "，请于"
            + StatutoryCalendar.chineseDay(s.answerDue().toInstant())
            + "前书面答复。督办意见："
            + s.actionComment());
    supervised(c, "信访部门已对本事项发出督办函，督促承办单位依法按期办理");
  }

  private void leader(PetitionRecord c, Supervision s) {
    petitions.recordLeaderOwner(c.caseNumber(), s.leaderOwner());
    if (c.processInstanceId() != null) {
      access.follow(c.processInstanceId(), s.leaderOwner());
      AsSystem.run(
          identity,
          () ->
              tasks
                  .createTaskQuery()
                  .processInstanceId(c.processInstanceId())
                  .list()
                  .forEach(
                      t ->
                          tasks.addUserIdentityLink(
                              t.getId(), s.leaderOwner(), PetitionProcess.FOLLOWER_LINK)));
    }
    notes.note(c, s, "【领导包案】本事项已由领导包案督办，答复意见由包案领导最后签发。督办意见：" + s.actionComment());
    supervised(c, "本事项已由领导包案督办");
  }

  private void recommend(PetitionRecord c, Supervision s) {
    notices.issueInternal(c.caseNumber(), "RECOMMENDATION_LETTER", values(c, s));
    notes.note(
        c,
        s,
        "【"
            + Recommendation.valueOf(s.recommendationType()).label()
            + "】请于"
            + StatutoryCalendar.chineseDay(s.answerDue().toInstant())
            + "前答复："
            + s.recommendationText());
    petitions.addMilestone(
        c.caseNumber(),
        MilestoneType.SUPERVISED,
        false,
        "督查督办提出" + Recommendation.valueOf(s.recommendationType()).label(),
        s.recommendationText());
  }

  private void escalate(DelegateExecution execution, PetitionRecord c, Supervision s) {
    store.escalate(s);
    cases.eachAnswerTask(
        execution.getProcessInstanceId(), t -> tasks.setPriority(t.getId(), TaskPriority.OVERDUE));
    petitions.addMilestone(
        c.caseNumber(),
        MilestoneType.SUPERVISION_ESCALATED,
        false,
        (s.recommendationType() == null ? "督办函" : "三项建议") + "逾期未答复（" + groups(s) + "），已提请领导督办",
        null);
  }

  private void supervised(PetitionRecord c, String description) {
    petitions.addMilestone(c.caseNumber(), MilestoneType.SUPERVISED, true, description, null);
  }

  /** The values of the supervision templates (notices.properties). */
  private Map<String, Object> values(PetitionRecord c, Supervision s) {
    Map<String, Object> values = Notices.caseValues(c);
    values.put("lateTask", s.taskName() == null ? "办理" : s.taskName());
    values.put("lateGroups", groups(s));
    values.put(
        "lateDue",
        s.taskDue() == null ? "" : StatutoryCalendar.chineseDay(s.taskDue().toInstant()));
    values.put("lateness", lateness(s));
    values.put("comment", s.actionComment());
    values.put(
        "answerDue",
        s.answerDue() == null ? "" : StatutoryCalendar.chineseDay(s.answerDue().toInstant()));
    values.put("replyDays", s.replyDays() == null ? "" : s.replyDays().toString());
    values.put(
        "recommendationType",
        s.recommendationType() == null
            ? ""
            : Recommendation.valueOf(s.recommendationType()).label());
    values.put("recommendationText", s.recommendationText() == null ? "" : s.recommendationText());
    return values;
  }

  /** How the supervised work stands: late, due by a day, or in hand without a due date. */
  private String lateness(Supervision s) {
    if (s.taskDue() == null) {
      return "需要督促落实";
    }
    String due = "应于" + StatutoryCalendar.chineseDay(s.taskDue().toInstant()) + "前办结";
    return s.taskDue().isBefore(s.openedAt()) ? due + "，现已超过期限" : due;
  }

  private String groups(Supervision s) {
    return s.groups().stream().map(groupNames::name).collect(Collectors.joining("、"));
  }

  private String task(Supervision s) {
    return groups(s)
        + "的“"
        + (s.taskName() == null ? "办理" : s.taskName())
        + "”"
        + (s.taskDue() == null
            ? ""
            : "（期限" + StatutoryCalendar.chineseDay(s.taskDue().toInstant()) + "）");
  }
}
