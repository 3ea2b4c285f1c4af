package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.handling.OpinionDelivery.Delivery;
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
      Clock clock) {
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
    Delivery d = deliveries.of(kind, ex, p, now);
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
            d.appealDue(),
            d.evaluationDue(),
            published);
    notices.issue(p.caseNumber(), d.noticeType(), documents.values(ex, p, d, text, now));
    if (published) {
      store.addMilestone(
          p.caseNumber(), MilestoneType.OPINION_PUBLISHED, true, "复核意见已依法向社会公开", null);
    }

    store.moveTo(p.caseNumber(), d.next());
    if (!handlingStage && !d.issuer().equals(p.handlingUnit())) {
      access.revoke(ex.getProcessInstanceId(), d.issuer());
    }
    if (d.appealable()) {
      store.setDeadline(p.caseNumber(), handlingStage ? "请求复查期限" : "请求复核期限", d.appealDue());
    }
    setVariables(ex, d, opinionId, text);
  }

  /**
   * What the model reads after the delivery: the windows' timers, the appeal gateway, the next
   * form.
   */
  private static void setVariables(DelegateExecution ex, Delivery d, long opinionId, String text) {
    ex.setVariable(Var.OPINION_ID, opinionId);
    if (d.kind() == OpinionKind.HANDLING) {
      ex.setVariable(Var.EVALUATION_DUE, date(d.evaluationDue()));
      ex.setVariable(Var.HANDLING_OPINION, text);
      ex.setVariable(Var.APPEALABLE, d.appealable());
      if (d.appealable()) {
        ex.setVariable(Var.REVIEW_REQUEST_DUE, date(d.appealDue()));
      }
    } else if (d.kind() == OpinionKind.REVIEW) {
      ex.setVariable(Var.REVIEW_OPINION, text);
      if (d.appealable()) {
        ex.setVariable(Var.RE_REVIEW_REQUEST_DUE, date(d.appealDue()));
      }
    }
    // the next level writes its own opinion: nothing of this one may prefill its form
    ex.removeVariables(
        List.of(Var.OPINION_TEXT, Var.REPLY_APPROVED, Var.APPROVAL_COMMENT, Var.REPLY_APPROVERS));
  }

  private static Date date(OffsetDateTime time) {
    return Date.from(time.toInstant());
  }
}
