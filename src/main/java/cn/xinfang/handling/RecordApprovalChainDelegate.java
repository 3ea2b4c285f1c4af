package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.ProcessCase;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordApprovalChain: the chain the decision table reply-approval has just decided (in this
 * same transaction, as {@code replyApprovers}) becomes a new round in the case store, and the
 * variable goes. Every later step reads the chain from the store ({@link ReplyApprovalChain}), so
 * an approver can never shorten or reorder it by writing a variable.
 *
 * <p>The round also records its drafter: the user whose completion of handlePetition concluded the
 * draft. Nothing asynchronous lies between that task and this one (Task_DecideApprovers and this
 * task run in the same transaction as the completion, PetitionModelTest checks it), so the
 * authenticated user is the drafter; no variable is asked who drafted.
 */
@Component
public class RecordApprovalChainDelegate implements JavaDelegate {

  private final ApprovalChain chain;
  private final ProcessCase cases;
  private final CurrentUser currentUser;

  public RecordApprovalChainDelegate(
      ApprovalChain chain, ProcessCase cases, CurrentUser currentUser) {
    this.chain = chain;
    this.cases = cases;
    this.currentUser = currentUser;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decided = execution.getVariable(Var.REPLY_APPROVERS);
    if (!(decided instanceof Collection<?> groups) || groups.isEmpty()) {
      throw new IllegalStateException("reply-approval decided no approval chain: " + decided);
    }
    PetitionRecord p = cases.of(execution);
    List<String> decidedGroups = groups.stream().map(String::valueOf).toList();
    String drafter = currentUser.id().orElse(null);
    if (p.leaderOwner() == null) {
      chain.start(p.id(), decidedGroups, drafter);
    } else {
      // 领导包案: the leader who took the case in hand signs its reply last
      chain.start(p.id(), decidedGroups, drafter, p.leaderOwner(), PetitionProcess.Group.LEADERS);
    }
    execution.removeVariable(Var.REPLY_APPROVERS);
  }

  /**
   * The approving groups of the case's current round, in order: the collection of approveReply's
   * loop.
   */
  @Component("replyApprovalChain")
  public static class ReplyApprovalChain {

    private final ApprovalChain chain;
    private final ProcessCase cases;

    public ReplyApprovalChain(ApprovalChain chain, ProcessCase cases) {
      this.chain = chain;
      this.cases = cases;
    }

    public List<String> groups(DelegateExecution execution) {
      return chain.currentRound(cases.of(execution).id()).stream()
          .map(ApprovalChain.Step::group)
          .toList();
    }
  }
}
