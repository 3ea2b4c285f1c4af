package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of confirmDelivery: the day the petitioner received the opinion ({@code deliveredAt})
 * and how ({@code deliveryMethod}: DIRECT, POST, ELECTRONIC). The day is neither before the opinion
 * was issued nor after today: the windows of the law run from it, and a day in the future would
 * lengthen them.
 */
@Component
public class ConfirmDeliveryListener implements TaskListener {

  /** How a unit delivers on paper or electronically; ONLINE is the portal's own. */
  public enum OfflineDelivery {
    DIRECT,
    POST,
    ELECTRONIC
  }

  private final OpinionStore opinions;
  private final ProcessCase cases;
  private final Clock clock;

  public ConfirmDeliveryListener(OpinionStore opinions, ProcessCase cases, Clock clock) {
    this.opinions = opinions;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    in.requireEnum(Var.DELIVERY_METHOD, OfflineDelivery.class, "送达方式");
    LocalDate received = in.requireDay(Var.DELIVERED_AT, "信访人收到日期");
    LocalDate today = LocalDate.now(clock.withZone(StatutoryCalendar.ZONE));
    if (received.isAfter(today)) {
      throw TaskInputs.invalid(Var.DELIVERED_AT, "信访人收到日期不能晚于今天（" + today + "）：请在送达后登记");
    }
    Opinion opinion = opinionToDeliver(task);
    LocalDate issued = opinion.issuedAt().atZoneSameInstant(StatutoryCalendar.ZONE).toLocalDate();
    if (received.isBefore(issued)) {
      throw TaskInputs.invalid(
          Var.DELIVERED_AT,
          "信访人收到日期不能早于意见书的出具日期（"
              + StatutoryCalendar.chineseDay(opinion.issuedAt().toInstant())
              + "）");
    }
  }

  private Opinion opinionToDeliver(DelegateTask task) {
    OpinionKind kind = OpinionKind.valueOf(CaseVariables.text(task, Var.DELIVERED_OPINION));
    long petitionId = cases.of(task).id();
    return opinions
        .latest(petitionId, kind)
        .filter(o -> !o.received())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "case " + petitionId + " has no " + kind + " opinion awaiting delivery"));
  }
}
