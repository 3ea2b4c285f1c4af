package cn.xinfang.appeal;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * reReviewPetition (复核, 《信访工作条例》第三十六条): DECIDE (the default) with UPHOLD, CHANGE or REDO, the
 * opinion and whether to publish it (only an opinion that went through a hearing, Art. 36); or
 * HEARING, which stops the re-review clock from now until the hearing is recorded.
 */
@Component
public class ReReviewListener implements TaskListener {

  private final OpinionStore opinions;
  private final ProcessCase cases;
  private final Clock clock;

  public ReReviewListener(OpinionStore opinions, ProcessCase cases, Clock clock) {
    this.opinions = opinions;
    this.cases = cases;
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
    if (in.requireBoolean(Var.PUBLISH_OPINION, "是否公开复核意见") && !heardInThisReReview(task)) {
      throw TaskInputs.invalid(
          Var.PUBLISH_OPINION, "只有经过听证的复核意见才可以依法向社会公开（《信访工作条例》第三十六条）：本次复核未举行听证");
    }
  }

  /** A hearing of this re-review is in the case store: held on or after the request's day. */
  private boolean heardInThisReReview(DelegateTask task) {
    LocalDate requested =
        CaseVariables.date(task, Var.RE_REVIEW_REQUESTED_AT)
            .toInstant()
            .atZone(StatutoryCalendar.ZONE)
            .toLocalDate();
    return opinions.hearings(cases.of(task).id()).stream()
        .anyMatch(h -> h.stage() == OpinionKind.RE_REVIEW && !h.heldOn().isBefore(requested));
  }

  public enum ReReviewAction {
    DECIDE,
    HEARING
  }
}
