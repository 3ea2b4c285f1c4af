package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.casestore.HandlingOutcome;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.notice.Notices;
import cn.xinfang.security.CaseAccess;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.ProcessCase;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_DeliverOpinion, Task_DeliverReviewOpinion, Task_DeliverReReviewOpinion (input parameter
 * {@code opinionKind}): the approved opinion is written from its template in notices.properties and
 * delivered. Delivery opens the petitioner's windows, counted from the day of delivery:
 * <ul>
 *   <li>a handling opinion on the petition route (信访处理意见书): review within 30 days (Art. 35),
 *       status REPLIED; on the suggestion and enforcement routes the answer ends the case, CLOSED;</li>
 *   <li>every handling opinion: the satisfaction evaluation (default 30 days);</li>
 *   <li>a review opinion (复查意见书): re-review within 30 days (Art. 36), status REVIEWED;</li>
 *   <li>a re-review opinion (复核意见书): final, status TERMINATED, published if the level decided so.</li>
 * </ul>
 * An opinion that orders the case handled anew (REDO) sends it back to the unit: status ACCEPTED. A handling
 * opinion leaves only when every level of its approval chain in the case store approved it; the issuer is
 * the handling unit the case store names. A review or re-review level's work on the case ends with its
 * opinion, and so does its access to the case ({@link CaseAccess#revoke}).
 */
@Component
public class DeliverOpinionDelegate implements JavaDelegate {

  /** How much of the petition the opinion quotes as the petitioner's request. */
  static final int REQUEST_QUOTE = 300;

  private final PetitionStore store;
  private final OpinionStore opinions;
  private final Notices notices;
  private final Deadlines deadlines;
  private final GroupNames groupNames;
  private final ApprovalChain chain;
  private final CaseAccess access;
  private final ProcessCase cases;
  private final Clock clock;

  public DeliverOpinionDelegate(PetitionStore store, OpinionStore opinions, Notices notices, Deadlines deadlines,
      GroupNames groupNames, ApprovalChain chain, CaseAccess access, ProcessCase cases, Clock clock) {
    this.store = store;
    this.opinions = opinions;
    this.notices = notices;
    this.deadlines = deadlines;
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
      throw new IllegalStateException("the draft reply of case " + p.caseNumber() + " was not approved by every "
          + "level of its approval chain");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    String text = CaseVariables.text(ex, Var.OPINION_TEXT);
    // the opinion names where the petitioner may appeal: the level the review-level decision chose
    boolean handlingStage = kind == OpinionKind.HANDLING;
    ex.setVariable(handlingStage ? Var.REVIEW_LEVEL_NAME : Var.RE_REVIEW_LEVEL_NAME,
        groupNames.name(CaseVariables.text(ex, handlingStage ? Var.REVIEW_LEVEL : Var.RE_REVIEW_LEVEL)));
    Delivery d = switch (kind) {
      case HANDLING -> handling(ex, p, now);
      case REVIEW -> appeal(ex, AppealOutcome.valueOf(CaseVariables.text(ex, Var.REVIEW_OUTCOME)), kind,
          Var.REVIEW_LEVEL, Var.REVIEW_LEVEL_NAME, now);
      case RE_REVIEW -> appeal(ex, AppealOutcome.valueOf(CaseVariables.text(ex, Var.RE_REVIEW_OUTCOME)), kind,
          Var.RE_REVIEW_LEVEL, Var.RE_REVIEW_LEVEL_NAME, now);
    };
    boolean published = kind == OpinionKind.RE_REVIEW && d.next == PetitionStatus.TERMINATED
        && CaseVariables.flag(ex, Var.PUBLISH_OPINION);
    long opinionId = opinions.insert(p.id(), kind, d.outcome, text, d.issuer, d.issuerName, now,
        kind == OpinionKind.HANDLING ? p.handlingDue() : null, d.appealDue,
        d.evaluationDue, published);

    Map<String, Object> values = Notices.caseValues(p);
    values.put("petitioner", petitionerName(p));
    values.put("request", request(p));
    values.put("facts", orDefault(CaseVariables.text(ex, Var.FACTS_FOUND), "经调查核实，相关情况见处理意见。"));
    values.put("legalBasis", orDefault(CaseVariables.text(ex, Var.LEGAL_BASIS), "《信访工作条例》第三十二条"));
    values.put("opinionText", text);
    values.put("outcome", d.outcomeLabel);
    values.put("issuer", d.issuerName);
    values.put("handlingOpinion", orDefault(CaseVariables.text(ex, Var.HANDLING_OPINION), ""));
    values.put("reviewLevel", orDefault(CaseVariables.text(ex, Var.REVIEW_LEVEL_NAME), ""));
    values.put("reReviewLevel", orDefault(CaseVariables.text(ex, Var.RE_REVIEW_LEVEL_NAME), ""));
    values.put("deliveredDay", StatutoryCalendar.chineseDay(now.toInstant()));
    values.put("appealDue", d.appealDue == null ? "" : StatutoryCalendar.chineseDay(d.appealDue.toInstant()));
    notices.issue(p.caseNumber(), d.noticeType, values);
    if (published) {
      store.addMilestone(p.caseNumber(), MilestoneType.OPINION_PUBLISHED, true, "复核意见已依法向社会公开", null);
    }

    store.moveTo(p.caseNumber(), d.next);
    if (kind != OpinionKind.HANDLING && !d.issuer.equals(p.handlingUnit())) {
      access.revoke(ex.getProcessInstanceId(), d.issuer);
    }
    if (d.appealDue != null) {
      store.setDeadline(p.caseNumber(), kind == OpinionKind.HANDLING ? "请求复查期限" : "请求复核期限", d.appealDue);
    }
    ex.setVariable(Var.OPINION_ID, opinionId);
    if (kind == OpinionKind.HANDLING) {
      ex.setVariable(Var.EVALUATION_DUE, date(d.evaluationDue));
      ex.setVariable(Var.HANDLING_OPINION, text);
      if (d.appealDue != null) {
        ex.setVariable(Var.REVIEW_REQUEST_DUE, date(d.appealDue));
      }
    } else if (kind == OpinionKind.REVIEW) {
      ex.setVariable(Var.REVIEW_OPINION, text);
      if (d.appealDue != null) {
        ex.setVariable(Var.RE_REVIEW_REQUEST_DUE, date(d.appealDue));
      }
    }
    // the next level writes its own opinion: nothing of this one may prefill its form
    ex.removeVariables(List.of(Var.OPINION_TEXT, Var.REPLY_APPROVED, Var.APPROVAL_COMMENT, Var.REPLY_APPROVERS));
  }

  private Delivery handling(DelegateExecution ex, PetitionRecord p, OffsetDateTime now) {
    HandlingOutcome outcome = HandlingOutcome.valueOf(CaseVariables.text(ex, Var.HANDLING_OUTCOME));
    Route route = p.route();
    boolean appealable = route == Route.PETITION;
    String noticeType = switch (route) {
      case PETITION -> "HANDLING_OPINION";
      case SUGGESTION -> "SUGGESTION_REPLY";
      default -> "ENFORCEMENT_REPLY";
    };
    return new Delivery(outcome.name(), outcome.label(route), p.handlingUnit(), p.handlingUnitName(), noticeType,
        appealable ? PetitionStatus.REPLIED : PetitionStatus.CLOSED,
        appealable ? deadlines.due(Clocks.REVIEW_REQUEST, now.toInstant()) : null,
        deadlines.due(Clocks.EVALUATION, now.toInstant()));
  }

  /** A review or re-review opinion; its notice type is the kind's name, e.g. REVIEW_OPINION, RE_REVIEW_REDO_OPINION. */
  private Delivery appeal(DelegateExecution ex, AppealOutcome outcome, OpinionKind stage, String levelVar,
      String levelNameVar, OffsetDateTime now) {
    boolean redo = outcome == AppealOutcome.REDO;
    boolean review = stage == OpinionKind.REVIEW;
    PetitionStatus next = redo ? PetitionStatus.ACCEPTED : review ? PetitionStatus.REVIEWED : PetitionStatus.TERMINATED;
    OffsetDateTime appealDue = review && !redo ? deadlines.due(Clocks.RE_REVIEW_REQUEST, now.toInstant()) : null;
    return new Delivery(outcome.name(), outcome.label(), CaseVariables.text(ex, levelVar),
        CaseVariables.text(ex, levelNameVar), stage.name() + (redo ? "_REDO" : "") + "_OPINION", next, appealDue,
        null);
  }

  private String petitionerName(PetitionRecord p) {
    List<Person> persons = store.persons(p.id());
    String name = persons.get(0).name();
    return p.personCount() > 1 ? name + "等 " + p.personCount() + " 人" : name;
  }

  private static String request(PetitionRecord p) {
    String content = p.content().length() <= REQUEST_QUOTE ? p.content() : p.content().substring(0, REQUEST_QUOTE) + "……";
    return "“" + p.title() + "”：" + content;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Date date(OffsetDateTime time) {
    return Date.from(time.toInstant());
  }

  private record Delivery(String outcome, String outcomeLabel, String issuer, String issuerName, String noticeType,
      PetitionStatus next, OffsetDateTime appealDue, OffsetDateTime evaluationDue) {
  }
}
