package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.ApprovalChain;
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
 */
@Component
public class RecordApprovalChainDelegate implements JavaDelegate {

  private final ApprovalChain chain;
  private final ProcessCase cases;

  public RecordApprovalChainDelegate(ApprovalChain chain, ProcessCase cases) {
    this.chain = chain;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object decided = execution.getVariable(Var.REPLY_APPROVERS);
    if (!(decided instanceof Collection<?> groups) || groups.isEmpty()) {
      throw new IllegalStateException("reply-approval decided no approval chain: " + decided);
    }
    chain.start(cases.of(execution).id(), groups.stream().map(String::valueOf).toList());
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
