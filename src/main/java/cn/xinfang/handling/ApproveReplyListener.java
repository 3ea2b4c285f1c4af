package cn.xinfang.handling;

import static cn.xinfang.system.PetitionProcess.Var;

import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.system.CaseVariables;
import cn.xinfang.system.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * approveReply, one task per level of the approval chain (三审): approve, or return the draft with a
 * comment. Each decision is an internal step of the timeline with the approving group and user; the
 * petitioner never sees it.
 */
@Component
public class ApproveReplyListener implements TaskListener {

  private final PetitionStore store;

  public ApproveReplyListener(PetitionStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    boolean approved = in.requireBoolean(Var.REPLY_APPROVED, "是否同意签发");
    String comment = approved
        ? in.optionalText(Var.APPROVAL_COMMENT, "审批意见", 2000)
        : in.requireText(Var.APPROVAL_COMMENT, "退回修改意见", 2000);
    String group = CaseVariables.text(task, Var.REPLY_APPROVER);
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String user = auth != null ? auth.getUserId() : task.getAssignee();
    store.addMilestone(CaseVariables.caseNumber(task), approved ? "REPLY_APPROVED" : "REPLY_RETURNED", false,
        "答复审批（" + group + (user == null ? "" : "，" + user) + "）：" + (approved ? "同意签发" : "退回修改"),
        comment);
  }
}
