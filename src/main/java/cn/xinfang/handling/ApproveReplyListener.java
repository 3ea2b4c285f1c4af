package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * approveReply, one task per level of the approval chain (三审): approve, or return the draft with a
 * comment. The decision is recorded on the chain's waiting step in the case store, which must be
 * this task's group, and as an internal step of the timeline with the approving group and user; the
 * petitioner never sees it.
 */
@Component
public class ApproveReplyListener implements TaskListener {

  private final PetitionStore store;
  private final ApprovalChain chain;
  private final ProcessCase cases;
  private final CurrentUser currentUser;

  public ApproveReplyListener(
      PetitionStore store, ApprovalChain chain, ProcessCase cases, CurrentUser currentUser) {
    this.store = store;
    this.chain = chain;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    boolean approved = in.requireBoolean(Var.REPLY_APPROVED, "是否同意签发");
    String comment =
        approved
            ? in.optionalText(Var.APPROVAL_COMMENT, "审批意见", 2000)
            : in.requireText(Var.APPROVAL_COMMENT, "退回修改意见", 2000);
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
}
