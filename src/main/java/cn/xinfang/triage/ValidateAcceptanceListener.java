package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.web.InvalidInputException;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of acceptPetition: ACCEPT, or OBJECT with a reason. An objection ("not ours") is only
 * allowed within the objection clock (5 working days) of the unit's receipt (《信访工作条例》第二十三条); after
 * that the unit must accept and handle, or the bureau re-routes on its own initiative.
 */
@Component
public class ValidateAcceptanceListener implements TaskListener {

  private final Deadlines deadlines;
  private final Clock clock;

  public ValidateAcceptanceListener(Deadlines deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    Acceptance acceptance = in.requireEnum(Var.ACCEPTANCE, Acceptance.class, "受理意见");
    if (acceptance == Acceptance.OBJECT) {
      in.requireText(Var.OBJECTION_REASON, "异议理由", 2000);
      Date due = deadlines.dueDate(Clocks.OBJECTION, (Date) task.getVariable(Var.TRANSFERRED_AT));
      if (clock.instant().isAfter(due.toInstant())) {
        throw new InvalidInputException(
            Var.ACCEPTANCE,
            "异议期限已过：承办单位应在收到之日起 5 个工作日内（截至"
                + StatutoryCalendar.chineseDay(due.toInstant())
                + "）提出异议（《信访工作条例》第二十三条），现应予受理");
      }
    }
  }

  public enum Acceptance {
    ACCEPT,
    OBJECT
  }
}
