package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.DeliveryMethod;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.ModelElements;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.handling.OpinionDelivery.Delivery;
import cn.xinfang.handling.OpinionDelivery.Windows;
import cn.xinfang.notice.Notices;
import cn.xinfang.security.CaseAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DeliverOpinion, Task_DeliverReviewOpinion, Task_DeliverReReviewOpinion (input parameter
 * {@code opinionKind}): the approved opinion is stored, written from its template in
 * notices.properties ({@link OpinionDocument}) and delivered, with what its kind and outcome mean
 * for the case ({@link OpinionDelivery}): its status, the petitioner's windows, and the variables
 * the model's gateways and timers read. A handling opinion leaves only when every level of its
 * approval chain in the case store approved it. A review or re-review level's work on the case ends
 * with its opinion, and so does its access to the case ({@link CaseAccess#revoke}).
 */
@Component
public class DeliverOpinionDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final OpinionStore opinions;
  private final Notices notices;
  private final OpinionDelivery deliveries;
  private final OpinionDocument documents;
  private final GroupNames groupNames;
  private final ApprovalChain chain;
  private final CaseAccess access;
  private final ProcessCase cases;
  private final Clock clock;
  private final CaseMetricStore metrics;

  public DeliverOpinionDelegate(
      PetitionStore store,
      OpinionStore opinions,
      Notices notices,
      OpinionDelivery deliveries,
      OpinionDocument documents,
      GroupNames groupNames,
      ApprovalChain chain,
      CaseAccess access,
      ProcessCase cases,
      Clock clock,
      CaseMetricStore metrics) {
    this.metrics = metrics;
    this.store = store;
    this.opinions = opinions;
    this.notices = notices;
    this.deliveries = deliveries;
    this.documents = documents;
    this.groupNames = groupNames;
    this.chain = chain;
    this.access = access;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution ex) {
    OpinionKind kind = OpinionKind.valueOf((String) ex.getVariableLocal("opinionKind"));
    PetitionRecord p = cases.of(ex);
    if (kind == OpinionKind.HANDLING && !chain.approved(p.id())) {
      throw new IllegalStateException(
          "the draft reply of case "
              + p.caseNumber()
              + " was not approved by every "
              + "level of its approval chain");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String text = CaseVariables.text(ex, Var.OPINION_TEXT);
    // the opinion names where the petitioner may appeal: the level the review-level decision chose
    boolean handlingStage = kind == OpinionKind.HANDLING;
    ex.setVariable(
        handlingStage ? Var.REVIEW_LEVEL_NAME : Var.RE_REVIEW_LEVEL_NAME,
        groupNames.name(
            CaseVariables.text(ex, handlingStage ? Var.REVIEW_LEVEL : Var.RE_REVIEW_LEVEL)));
    Delivery d = deliveries.of(kind, ex, p);
    boolean published =
        kind == OpinionKind.RE_REVIEW
            && d.next() == PetitionStatus.TERMINATED
            && CaseVariables.flag(ex, Var.PUBLISH_OPINION);
    long opinionId =
        opinions.insert(
            p.id(),
            kind,
            d.outcome(),
            text,
            d.issuer(),
            d.issuerName(),
            now,
            handlingStage ? p.handlingDue() : null,
            d.appealLevel(),
            published);
    // an online petitioner receives it now; one who wrote, came or called when the unit delivers it
    // a case started on a model without confirmDelivery keeps its meaning: windows from the issue
    boolean toConfirm =
        ModelElements.has(ex, PetitionProcess.TASK_CONFIRM_DELIVERY)
            && OpinionDelivery.confirmedByTheUnit(p, d);
    Windows windows =
        toConfirm
            ? new Windows(null, null)
            : deliveries.windows(kind, d.appealable(), now.toInstant());
    if (!toConfirm && (p.channel() == Channel.ONLINE || d.opensWindows())) {
      // online; or a process of a model without confirmDelivery, whose windows ran from the issue
      opinions.recordDelivery(
          opinionId,
          now,
          p.channel() == Channel.ONLINE ? DeliveryMethod.ONLINE : null,
          windows.appealDue(),
          windows.evaluationDue());
    }
    notices.issue(p.caseNumber(), d.noticeType(), documents.values(ex, p, d, text, now, windows));
    if (published) {
      store.addMilestone(
          p.caseNumber(), MilestoneType.OPINION_PUBLISHED, true, "复核意见已依法向社会公开", null);
    }

    store.moveTo(p.caseNumber(), d.next());
    if (handlingStage) {
      metrics.concluded(p.caseNumber(), now);
    }
    if (!handlingStage && !d.issuer().equals(p.handlingUnit())) {
      access.revoke(ex.getProcessInstanceId(), d.issuer());
    }
    deliveries.open(ex, p.caseNumber(), kind, windows);
    setVariables(ex, d, opinionId, text, toConfirm, now);
  }

  /**
   * What the model reads after the delivery: the delivery's path, the appeal gateway, the forms.
   */
  private static void setVariables(
      DelegateExecution ex,
      Delivery d,
      long opinionId,
      String text,
      boolean toConfirm,
      OffsetDateTime now) {
    ex.setVariable(Var.OPINION_ID, opinionId);
    ex.setVariable(Var.DELIVERED_OPINION, d.kind().name());
    ex.setVariable(Var.DELIVERY_TO_CONFIRM, toConfirm);
    ex.setVariable(Var.ISSUED_AT, Date.from(now.toInstant()));
    ex.setVariable(
        Var.ISSUED_ON, now.atZoneSameInstant(StatutoryCalendar.ZONE).toLocalDate().toString());
    if (d.kind() == OpinionKind.HANDLING) {
      ex.setVariable(Var.HANDLING_OPINION, text);
      ex.setVariable(Var.APPEALABLE, d.appealable());
    } else if (d.kind() == OpinionKind.REVIEW) {
      ex.setVariable(Var.REVIEW_OPINION, text);
    }
    // the next level writes its own opinion: nothing of this one may prefill its form
    ex.removeVariables(
        List.of(Var.OPINION_TEXT, Var.REPLY_APPROVED, Var.APPROVAL_COMMENT, Var.REPLY_APPROVERS));
  }
}
