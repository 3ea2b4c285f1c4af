package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.engine.UserNames;
import cn.xinfang.web.ForbiddenException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * approveReply, one task per level of the approval chain (三审): approve, or return the draft with a
 * comment.
 *
 * <ul>
 *   <li>create: the decisions taken so far on the case's drafts (this round's earlier levels and
 *       every earlier round, returns included) are read from the case store into the task's
 *       display-only variable {@code approvalHistory}, which the form shows and no client may write
 *       (it is no input of the form);
 *   <li>assignment: the drafter of the round never takes the task (claimed or handed to them);
 *   <li>complete: an explicit choice, 同意签发 or 退回修改 ({@code replyApproved}, true or false, as a
 *       Boolean from a REST client or as the text of the form's radio, stored as the Boolean of the
 *       contract), a comment when returning, and never by the drafter. The decision is recorded on
 *       the chain's waiting step in the case store, which must be this task's group, and as an
 *       internal step of the timeline with the approving group and user; the petitioner never sees
 *       it.
 * </ul>
 */
@Component
public class ApproveReplyListener implements TaskListener {

  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final PetitionStore store;
  private final ApprovalChain chain;
  private final ProcessCase cases;
  private final CurrentUser currentUser;
  private final GroupNames groupNames;
  private final UserNames userNames;

  public ApproveReplyListener(
      PetitionStore store,
      ApprovalChain chain,
      ProcessCase cases,
      CurrentUser currentUser,
      GroupNames groupNames,
      UserNames userNames) {
    this.store = store;
    this.chain = chain;
    this.cases = cases;
    this.currentUser = currentUser;
    this.groupNames = groupNames;
    this.userNames = userNames;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> showHistory(task);
      case EVENTNAME_ASSIGNMENT -> notTheDrafter(task, task.getAssignee());
      case EVENTNAME_COMPLETE -> decide(task);
      default -> {
        // no other event is modelled
      }
    }
  }

  private void showHistory(DelegateTask task) {
    long id = cases.of(task).id();
    task.setVariableLocal(Var.APPROVAL_HISTORY, history(chain.decisions(id)));
    // 领导包案: the leader's own step waits in the leader's worklist
    chain.waiting(id).map(ApprovalChain.Step::approverUser).ifPresent(task::setAssignee);
  }

  /** The decisions as plain text, one per line (the form shows it as text, never as markup). */
  String history(List<ApprovalChain.Step> decisions) {
    if (decisions.isEmpty()) {
      return "（暂无，本级为第一级审批）";
    }
    StringBuilder text = new StringBuilder();
    for (ApprovalChain.Step s : decisions) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("第")
          .append(s.round())
          .append("稿 第")
          .append(s.position() + 1)
          .append("级 ")
          .append(groupNames.name(s.group()))
          .append(s.decidedBy() == null ? "" : "（" + userNames.name(s.decidedBy()) + "）")
          .append("：")
          .append(s.decision() == ApprovalChain.Decision.APPROVED ? "同意" : "退回")
          .append(
              s.decidedAt() == null
                  ? ""
                  : "，" + WHEN.format(s.decidedAt().atZoneSameInstant(StatutoryCalendar.ZONE)))
          .append(s.comment() == null ? "" : "。意见：" + s.comment());
    }
    return text.toString();
  }

  private void decide(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    boolean approved = in.requireChoice(Var.REPLY_APPROVED, "审批意见：同意签发或退回修改");
    String comment =
        approved
            ? in.optionalText(Var.APPROVAL_COMMENT, "审批意见", 2000)
            : in.requireText(Var.APPROVAL_COMMENT, "退回修改意见", 2000);
    // the contract's type, whichever client sent it: the chain's completion condition and the
    // gateway read a Boolean
    task.setVariable(Var.REPLY_APPROVED, approved);
    PetitionRecord p = cases.of(task);
    ApprovalChain.Step step =
        chain
            .waiting(p.id())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "case " + p.caseNumber() + " has no approval step waiting"));
    if (task.getCandidates().stream()
        .map(IdentityLink::getGroupId)
        .noneMatch(step.group()::equals)) {
      throw new IllegalStateException(
          "approval task " + task.getId() + " is not the waiting step's group " + step.group());
    }
    String user = currentUser.id().orElse(task.getAssignee());
    notTheDrafter(step, user);
    if (step.approverUser() != null && !step.approverUser().equals(user)) {
      throw new ForbiddenException(
          "本案由" + userNames.name(step.approverUser()) + "领导包案，答复意见须由其本人最后签发");
    }
    chain.decide(
        p.id(),
        step,
        approved ? ApprovalChain.Decision.APPROVED : ApprovalChain.Decision.RETURNED,
        user,
        comment);
    store.addMilestone(
        p.caseNumber(),
        approved ? MilestoneType.REPLY_APPROVED : MilestoneType.REPLY_RETURNED,
        false,
        "答复审批（"
            + step.group()
            + (user == null ? "" : "，" + user)
            + "）："
            + (approved ? "同意签发" : "退回修改"),
        comment);
  }

  private void notTheDrafter(DelegateTask task, String user) {
    if (user != null) {
      chain.waiting(cases.of(task).id()).ifPresent(step -> notTheDrafter(step, user));
    }
  }

  /** Separation of duties (三审): whoever drafted the reply approves it at no level. */
  private static void notTheDrafter(ApprovalChain.Step step, String user) {
    if (user != null && user.equals(step.draftedBy())) {
      throw new ForbiddenException("本答复意见由您起草，不能由您本人审批：起草人不得审批本人起草的答复意见（三审，审批与起草分离），请由本级其他人员审批");
    }
  }
}
