package cn.xinfang.appeal;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** reviewPetition (复查, 《信访工作条例》第三十五条): UPHOLD, CHANGE or REDO, with the review opinion. */
@Component
public class ReviewListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    in.requireEnum(Var.REVIEW_OUTCOME, AppealOutcome.class, "复查结论");
    in.requireText(Var.OPINION_TEXT, "复查意见", 4000);
  }
}
