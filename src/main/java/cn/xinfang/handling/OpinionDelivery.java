package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.HandlingOutcome;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.PetitionProcess.Clocks;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What delivering an opinion means, by its kind and outcome (Art. 32–36): its notice, who issues
 * it, the status the case moves to and the petitioner's windows, counted from the day the
 * petitioner receives it (自收到之日起).
 *
 * <ul>
 *   <li>a handling opinion: on the petition route (信访处理意见书) review within 30 days, REPLIED; on the
 *       suggestion and enforcement routes the answer ends the case, CLOSED; always the evaluation
 *       window;
 *   <li>a review opinion (复查意见书): re-review within 30 days, REVIEWED;
 *   <li>a re-review opinion (复核意见书): final, TERMINATED;
 *   <li>an opinion that orders the case handled anew (REDO): back to the unit, ACCEPTED.
 * </ul>
 *
 * An online petitioner receives an opinion in the portal when it is issued. A petitioner who wrote,
 * came or called receives it on paper: when a window depends on it, the unit confirms the day and
 * the method (confirmDelivery) and the windows open then.
 */
@Component
class OpinionDelivery {

  /** One delivery: what it does to the case; its windows come with the day of receipt. */
  record Delivery(
      OpinionKind kind,
      String outcome,
      String outcomeLabel,
      String issuer,
      String issuerName,
      String appealLevel,
      String noticeType,
      PetitionStatus next,
      boolean appealable,
      boolean evaluated) {

    /** Whether a window of the petitioner's opens with this opinion. */
    boolean opensWindows() {
      return appealable || evaluated;
    }
  }

  /** The petitioner's windows, counted from the day of receipt; null when none opens. */
  record Windows(OffsetDateTime appealDue, OffsetDateTime evaluationDue) {}

  private final Deadlines deadlines;
  private final PetitionStore store;
  private final CaseMetricStore metrics;

  OpinionDelivery(Deadlines deadlines, PetitionStore store, CaseMetricStore metrics) {
    this.deadlines = deadlines;
    this.store = store;
    this.metrics = metrics;
  }

  Delivery of(OpinionKind kind, DelegateExecution ex, PetitionRecord p) {
    return switch (kind) {
      case HANDLING -> handling(ex, p);
      case REVIEW ->
          appeal(
              kind,
              AppealOutcome.valueOf(CaseVariables.text(ex, Var.REVIEW_OUTCOME)),
              CaseVariables.text(ex, Var.REVIEW_LEVEL),
              CaseVariables.text(ex, Var.REVIEW_LEVEL_NAME),
              CaseVariables.text(ex, Var.RE_REVIEW_LEVEL));
      case RE_REVIEW ->
          appeal(
              kind,
              AppealOutcome.valueOf(CaseVariables.text(ex, Var.RE_REVIEW_OUTCOME)),
              CaseVariables.text(ex, Var.RE_REVIEW_LEVEL),
              CaseVariables.text(ex, Var.RE_REVIEW_LEVEL_NAME),
              null);
    };
  }

  /** Whether the petitioner receives the opinion only when the unit confirms its delivery. */
  static boolean confirmedByTheUnit(PetitionRecord p, Delivery d) {
    return p.channel() != Channel.ONLINE && d.opensWindows();
  }

  /**
   * The windows of an opinion of {@code kind} received at {@code receivedAt}: the evaluation of a
   * handling opinion, the appeal against an appealable one.
   */
  Windows windows(OpinionKind kind, boolean appealable, Instant receivedAt) {
    OffsetDateTime appealDue =
        !appealable
            ? null
            : deadlines.due(
                kind == OpinionKind.HANDLING ? Clocks.REVIEW_REQUEST : Clocks.RE_REVIEW_REQUEST,
                receivedAt);
    OffsetDateTime evaluationDue =
        kind == OpinionKind.HANDLING ? deadlines.due(Clocks.EVALUATION, receivedAt) : null;
    return new Windows(appealDue, evaluationDue);
  }

  /**
   * Opens the windows: the petitioner's view names the appeal's end as the current deadline; the
   * model's timers read when to stop waiting (the appeal's end plus the time to enter a request
   * received in time, clock appeal-entry).
   */
  void open(DelegateExecution ex, String caseNumber, OpinionKind kind, Windows w) {
    if (w.evaluationDue() != null) {
      ex.setVariable(Var.EVALUATION_DUE, Date.from(w.evaluationDue().toInstant()));
      metrics.evaluationOpened(caseNumber, w.evaluationDue());
    }
    if (w.appealDue() != null) {
      boolean handling = kind == OpinionKind.HANDLING;
      store.setDeadline(caseNumber, handling ? "请求复查期限" : "请求复核期限", w.appealDue());
      ex.setVariable(
          handling ? Var.REVIEW_REQUEST_DUE : Var.RE_REVIEW_REQUEST_DUE,
          Date.from(deadlines.due(Clocks.APPEAL_ENTRY, w.appealDue().toInstant()).toInstant()));
    }
  }

  /**
   * The document a handling opinion is written as: 信访处理意见书 on the petition route, else a reply to a
   * suggestion or a notice of the result of performing a duty.
   */
  static String handlingNoticeType(Route route) {
    return switch (route) {
      case PETITION -> "HANDLING_OPINION";
      case SUGGESTION -> "SUGGESTION_REPLY";
      default -> "ENFORCEMENT_REPLY";
    };
  }

  /** The handling unit's answer, issued in the name the case store holds for it. */
  private Delivery handling(DelegateExecution ex, PetitionRecord p) {
    HandlingOutcome outcome = HandlingOutcome.valueOf(CaseVariables.text(ex, Var.HANDLING_OUTCOME));
    Route route = p.route();
    boolean appealable = route.appealable();
    return new Delivery(
        OpinionKind.HANDLING,
        outcome.name(),
        outcome.label(route),
        p.handlingUnit(),
        p.handlingUnitName(),
        appealable ? CaseVariables.text(ex, Var.REVIEW_LEVEL) : null,
        handlingNoticeType(route),
        appealable ? PetitionStatus.REPLIED : PetitionStatus.CLOSED,
        appealable,
        true);
  }

  /**
   * A review or re-review opinion; its notice type is the kind's name, e.g. REVIEW_OPINION,
   * RE_REVIEW_REDO_OPINION.
   */
  private Delivery appeal(
      OpinionKind kind, AppealOutcome outcome, String level, String levelName, String nextLevel) {
    boolean redo = outcome == AppealOutcome.REDO;
    boolean review = kind == OpinionKind.REVIEW;
    PetitionStatus next =
        redo
            ? PetitionStatus.ACCEPTED
            : review ? PetitionStatus.REVIEWED : PetitionStatus.TERMINATED;
    boolean appealable = review && !redo;
    return new Delivery(
        kind,
        outcome.name(),
        outcome.label(),
        level,
        levelName,
        appealable ? nextLevel : null,
        kind.name() + (redo ? "_REDO" : "") + "_OPINION",
        next,
        appealable,
        false);
  }
}
