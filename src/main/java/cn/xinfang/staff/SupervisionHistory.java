package cn.xinfang.staff;

import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.UserNames;
import cn.xinfang.staff.StaffCaseView.SupervisionView;
import cn.xinfang.supervision.SupervisionProcess.Action;
import cn.xinfang.supervision.SupervisionProcess.Finding;
import cn.xinfang.supervision.SupervisionProcess.Origin;
import cn.xinfang.supervision.SupervisionProcess.Recommendation;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The supervisions of a case (督办记录) as the staff case file shows them, with Chinese labels and the
 * names of groups and users looked up as the system (staff may not list groups and users; {@link
 * StaffCaseController} decides who reads the supervisions).
 */
@Component
class SupervisionHistory {

  private final SupervisionStore store;
  private final GroupNames groupNames;
  private final UserNames userNames;
  private final IdentityService identity;

  SupervisionHistory(
      SupervisionStore store,
      GroupNames groupNames,
      UserNames userNames,
      IdentityService identity) {
    this.store = store;
    this.groupNames = groupNames;
    this.userNames = userNames;
    this.identity = identity;
  }

  List<SupervisionView> of(long petitionId) {
    return AsSystem.call(
        identity, () -> store.ofCase(petitionId).stream().map(this::view).toList());
  }

  private SupervisionView view(Supervision s) {
    return new SupervisionView(
        s.id(),
        s.origin(),
        originLabel(s.origin()),
        s.taskName(),
        s.groups().stream().map(groupNames::name).collect(Collectors.joining("、")),
        s.taskDue(),
        s.openedAt(),
        s.openedBy(),
        userNames.name(s.openedBy()),
        s.action(),
        actionLabel(s),
        s.actionComment(),
        s.replyDays(),
        s.answerDue(),
        s.leaderOwner(),
        userNames.name(s.leaderOwner()),
        s.recommendationType(),
        recommendationLabel(s.recommendationType()),
        s.recommendationText(),
        s.decidedBy(),
        userNames.name(s.decidedBy()),
        s.decidedAt(),
        s.answer(),
        s.answeredBy(),
        userNames.name(s.answeredBy()),
        s.answeredAt(),
        s.escalatedAt(),
        s.leaderInstruction(),
        s.instructedBy(),
        userNames.name(s.instructedBy()),
        s.finding(),
        findingLabel(s.finding()),
        s.withdrawnAt());
  }

  static String originLabel(String origin) {
    return switch (Origin.valueOf(origin)) {
      case OVERDUE -> "超期督办";
      case MANUAL -> "人工督办";
      case DISSATISFIED -> "不满意回访核查";
    };
  }

  /** The decision; 已撤销 or 待督办 while there is none; 回访核查 once its finding is recorded. */
  static String actionLabel(Supervision s) {
    if (s.action() == null) {
      if (s.withdrawnAt() != null) {
        return "已撤销（超期环节已办结）";
      }
      return s.finding() != null ? "回访核查" : "待督办";
    }
    return switch (Action.valueOf(s.action())) {
      case REMIND -> "催办";
      case LETTER -> "督办函";
      case LEADER -> "领导包案";
      case RECOMMEND -> "三项建议";
      case NONE -> "不督办";
    };
  }

  static String recommendationLabel(String type) {
    return type == null ? null : Recommendation.valueOf(type).label();
  }

  static String findingLabel(String finding) {
    if (finding == null) {
      return null;
    }
    return switch (Finding.valueOf(finding)) {
      case PROPER -> "办理得当";
      case IMPROPER -> "办理不当";
    };
  }
}
