package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.casestore.HandlingOutcome;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.PetitionProcess.Clocks;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What delivering an opinion means, by its kind and outcome (Art. 32–36): its notice, who issues
 * it, the status the case moves to and the petitioner's windows, counted from the day of delivery.
 *
 * <ul>
 *   <li>a handling opinion: on the petition route (信访处理意见书) review within 30 days, REPLIED; on the
 *       suggestion and enforcement routes the answer ends the case, CLOSED; always the evaluation
 *       window;
 *   <li>a review opinion (复查意见书): re-review within 30 days, REVIEWED;
 *   <li>a re-review opinion (复核意见书): final, TERMINATED;
 *   <li>an opinion that orders the case handled anew (REDO): back to the unit, ACCEPTED.
 * </ul>
 */
@Component
class OpinionDelivery {

  /**
   * One delivery; {@code appealDue} and {@code evaluationDue} are null when no such window opens.
   */
  record Delivery(
      OpinionKind kind,
      String outcome,
      String outcomeLabel,
      String issuer,
      String issuerName,
      String noticeType,
      PetitionStatus next,
      OffsetDateTime appealDue,
      OffsetDateTime evaluationDue) {

    boolean appealable() {
      return appealDue != null;
    }
  }

  private final Deadlines deadlines;

  OpinionDelivery(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  Delivery of(OpinionKind kind, DelegateExecution ex, PetitionRecord p, OffsetDateTime now) {
    return switch (kind) {
      case HANDLING -> handling(ex, p, now);
      case REVIEW ->
          appeal(
              kind,
              AppealOutcome.valueOf(CaseVariables.text(ex, Var.REVIEW_OUTCOME)),
              CaseVariables.text(ex, Var.REVIEW_LEVEL),
              CaseVariables.text(ex, Var.REVIEW_LEVEL_NAME),
              now);
      case RE_REVIEW ->
          appeal(
              kind,
              AppealOutcome.valueOf(CaseVariables.text(ex, Var.RE_REVIEW_OUTCOME)),
              CaseVariables.text(ex, Var.RE_REVIEW_LEVEL),
              CaseVariables.text(ex, Var.RE_REVIEW_LEVEL_NAME),
              now);
    };
  }

  /** The handling unit's answer, issued in the name the case store holds for it. */
  private Delivery handling(DelegateExecution ex, PetitionRecord p, OffsetDateTime now) {
    HandlingOutcome outcome = HandlingOutcome.valueOf(CaseVariables.text(ex, Var.HANDLING_OUTCOME));
    Route route = p.route();
    boolean appealable = route.appealable();
    String noticeType =
        switch (route) {
          case PETITION -> "HANDLING_OPINION";
          case SUGGESTION -> "SUGGESTION_REPLY";
          default -> "ENFORCEMENT_REPLY";
        };
    return new Delivery(
        OpinionKind.HANDLING,
        outcome.name(),
        outcome.label(route),
        p.handlingUnit(),
        p.handlingUnitName(),
        noticeType,
        appealable ? PetitionStatus.REPLIED : PetitionStatus.CLOSED,
        appealable ? deadlines.due(Clocks.REVIEW_REQUEST, now.toInstant()) : null,
        deadlines.due(Clocks.EVALUATION, now.toInstant()));
  }

  /**
   * A review or re-review opinion; its notice type is the kind's name, e.g. REVIEW_OPINION,
   * RE_REVIEW_REDO_OPINION.
   */
  private Delivery appeal(
      OpinionKind kind, AppealOutcome outcome, String level, String levelName, OffsetDateTime now) {
    boolean redo = outcome == AppealOutcome.REDO;
    boolean review = kind == OpinionKind.REVIEW;
    PetitionStatus next =
        redo
            ? PetitionStatus.ACCEPTED
            : review ? PetitionStatus.REVIEWED : PetitionStatus.TERMINATED;
    OffsetDateTime appealDue =
        review && !redo ? deadlines.due(Clocks.RE_REVIEW_REQUEST, now.toInstant()) : null;
    return new Delivery(
        kind,
        outcome.name(),
        outcome.label(),
        level,
        levelName,
        kind.name() + (redo ? "_REDO" : "") + "_OPINION",
        next,
        appealDue,
        null);
  }
}
