package cn.xinfang.evaluation;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.Evaluation;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.engine.ProcessCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CloseEvaluation, after the evaluation window's timer: an opinion the petitioner did not rate
 * is recorded as NOT_EVALUATED (参评率 counts it). The opinion is the one its window was opened for
 * (the subprocess's local {@code evaluationOpinionId}), even if a newer opinion has been delivered
 * since.
 */
@Component
public class CloseEvaluationDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final OpinionStore opinions;
  private final ProcessCase cases;

  public CloseEvaluationDelegate(PetitionStore store, OpinionStore opinions, ProcessCase cases) {
    this.store = store;
    this.opinions = opinions;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = store.lock(cases.number(execution));
    long opinionId = ((Number) execution.getVariable(Var.EVALUATION_OPINION_ID)).longValue();
    if (opinions.evaluation(opinionId).isEmpty()) {
      opinions.insertEvaluation(
          opinionId, Satisfaction.NOT_EVALUATED, null, Evaluation.NO_CHANNEL, null);
      store.addMilestone(
          p.caseNumber(), MilestoneType.EVALUATION_EXPIRED, true, "满意度评价期限届满，信访人未评价", null);
    }
  }
}
