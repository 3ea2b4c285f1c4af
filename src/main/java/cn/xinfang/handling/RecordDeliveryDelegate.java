package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.DeliveryMethod;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.handling.OpinionDelivery.Windows;
import cn.xinfang.notice.Notices;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordDelivery, after confirmDelivery: the petitioner who wrote, came or called received the
 * opinion on the day the unit entered ({@link ConfirmDeliveryListener} checked it), and the windows
 * of the law run from that day (Art. 35, 36: 自收到之日起): the evaluation of a handling opinion, the
 * request for review or re-review. The petitioner's view shows the delivery and the new deadline.
 */
@Component
public class RecordDeliveryDelegate implements JavaDelegate {

  private final OpinionStore opinions;
  private final OpinionDelivery deliveries;
  private final PetitionStore store;
  private final Notices notices;
  private final ProcessCase cases;

  public RecordDeliveryDelegate(
      OpinionStore opinions,
      OpinionDelivery deliveries,
      PetitionStore store,
      Notices notices,
      ProcessCase cases) {
    this.opinions = opinions;
    this.deliveries = deliveries;
    this.store = store;
    this.notices = notices;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution ex) {
    PetitionRecord p = cases.of(ex);
    OpinionKind kind = OpinionKind.valueOf(CaseVariables.text(ex, Var.DELIVERED_OPINION));
    Opinion opinion =
        opinions
            .latest(p.id(), kind)
            .filter(o -> !o.received())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        p.caseNumber() + " has no " + kind + " opinion awaiting delivery"));
    TaskInputs in = new TaskInputs(ex);
    LocalDate day = in.requireDay(Var.DELIVERED_AT, "信访人收到日期");
    DeliveryMethod method = DeliveryMethod.valueOf(CaseVariables.text(ex, Var.DELIVERY_METHOD));
    OffsetDateTime receivedAt = day.atStartOfDay(StatutoryCalendar.ZONE).toOffsetDateTime();
    Windows windows =
        deliveries.windows(kind, opinion.appealLevel() != null, receivedAt.toInstant());
    opinions.recordDelivery(
        opinion.id(), receivedAt, method, windows.appealDue(), windows.evaluationDue());
    deliveries.open(ex, p.caseNumber(), kind, windows);
    store.addMilestone(
        p.caseNumber(),
        MilestoneType.OPINION_RECEIVED,
        true,
        milestone(p, kind, day, method, windows),
        null);
    // the next delivery of this case is entered afresh
    ex.removeVariables(List.of(Var.DELIVERED_AT, Var.DELIVERY_METHOD));
  }

  /** 信访处理意见书已于2026年12月3日邮寄送达，可于2027年1月4日前请求复查，于…前评价办理结果 */
  private String milestone(
      PetitionRecord p, OpinionKind kind, LocalDate day, DeliveryMethod method, Windows w) {
    String document =
        notices.title(
            kind == OpinionKind.HANDLING
                ? OpinionDelivery.handlingNoticeType(p.route())
                : "REVIEW_OPINION",
            p);
    StringBuilder text =
        new StringBuilder(document)
            .append("已于")
            .append(
                StatutoryCalendar.chineseDay(day.atStartOfDay(StatutoryCalendar.ZONE).toInstant()))
            .append(method.label());
    if (w.appealDue() != null) {
      text.append("，可于")
          .append(StatutoryCalendar.chineseDay(w.appealDue().toInstant()))
          .append("前请求")
          .append(kind == OpinionKind.HANDLING ? "复查" : "复核");
    }
    if (w.evaluationDue() != null) {
      text.append("，可于")
          .append(StatutoryCalendar.chineseDay(w.evaluationDue().toInstant()))
          .append("前评价办理结果");
    }
    return text.toString();
  }
}
