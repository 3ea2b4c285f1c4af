package cn.xinfang.appeal;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.engine.TaskInputs;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * reReviewPetition (复核, 《信访工作条例》第三十六条): DECIDE (the default) with UPHOLD, CHANGE or REDO, the
 * opinion and whether to publish it; or HEARING, which stops the re-review clock from now until the
 * hearing is recorded.
 */
@Component
public class ReReviewListener implements TaskListener {

  private final Clock clock;

  public ReReviewListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    if (task.getVariable(Var.RE_REVIEW_ACTION) == null) {
      task.setVariable(Var.RE_REVIEW_ACTION, ReReviewAction.DECIDE.name());
    }
    if (in.requireEnum(Var.RE_REVIEW_ACTION, ReReviewAction.class, "复核办理方式")
        == ReReviewAction.HEARING) {
      task.setVariable(Var.HEARING_REQUESTED_AT, Date.from(clock.instant()));
      return;
    }
    in.requireEnum(Var.RE_REVIEW_OUTCOME, AppealOutcome.class, "复核结论");
    in.requireText(Var.OPINION_TEXT, "复核意见", 4000);
    if (task.getVariable(Var.PUBLISH_OPINION) == null) {
      task.setVariable(Var.PUBLISH_OPINION, false);
    }
    in.requireBoolean(Var.PUBLISH_OPINION, "是否公开复核意见");
  }

  public enum ReReviewAction {
    DECIDE,
    HEARING
  }
}
