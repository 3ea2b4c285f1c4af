package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.notice.Notices;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ConvertToOrdinary: a case on the simple procedure (10 working days) that turns out not to
 * suit it goes on under the ordinary one: its deadline is 60 days from the acceptance, as if it had
 * been ordinary from the start, and it may then be extended once. The unit's reason is on the
 * timeline and in the notice to the petitioner.
 */
@Component
public class ConvertProcedureDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final PetitionStore store;
  private final ProcessCase cases;
  private final CaseMetricStore metrics;

  public ConvertProcedureDelegate(
      Deadlines deadlines, PetitionStore store, ProcessCase cases, CaseMetricStore metrics) {
    this.metrics = metrics;
    this.deadlines = deadlines;
    this.store = store;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = cases.number(execution);
    Date due = deadlines.dueDate(Clocks.HANDLING, CaseVariables.date(execution, Var.ACCEPTED_AT));
    store.recordHandlingDeadline(caseNumber, due.toInstant().atOffset(ZoneOffset.UTC), false);
    metrics.handlingDeadlineMoved(caseNumber, due.toInstant().atOffset(ZoneOffset.UTC));
    execution.setVariable(Var.HANDLING_DUE, due);
    execution.setVariable(Var.SIMPLE_PROCEDURE, false);
    store.addMilestone(
        caseNumber,
        MilestoneType.PROCEDURE_CONVERTED,
        false,
        "由简易办理转为普通程序，办结期限至" + Notices.day(due),
        CaseVariables.text(execution, Var.CONVERSION_REASON));
  }
}
