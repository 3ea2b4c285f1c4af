package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
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
 * that the unit must accept and handle, or the bureau re-routes on its own initiative. After the
 * bureau verified an objection and did not agree, the same unit may only accept.
 */
@Component
public class ValidateAcceptanceListener implements TaskListener {

  private final Deadlines deadlines;
  private final PetitionStore store;
  private final ProcessCase cases;
  private final Clock clock;

  public ValidateAcceptanceListener(
      Deadlines deadlines, PetitionStore store, ProcessCase cases, Clock clock) {
    this.deadlines = deadlines;
    this.store = store;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    Acceptance acceptance = in.requireEnum(Var.ACCEPTANCE, Acceptance.class, "受理意见");
    if (acceptance == Acceptance.OBJECT) {
      PetitionRecord p = cases.of(task);
      if (ObjectionVerdicts.objectionRefused(store.milestones(p.id()))) {
        throw new InvalidInputException(
            Var.ACCEPTANCE, "信访部门已核实，不同意本单位的异议：本单位应当受理办理，不能再次提出异议（《信访工作条例》第二十三条）");
      }
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
