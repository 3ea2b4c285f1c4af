package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
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
 * Task_ExtendDeadline: the approved extension moves the handling deadline by the days asked for,
 * counted from the old deadline's last day like every period (民法典 Art. 201, 203), and only once.
 */
@Component
public class ExtendDeadlineDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final PetitionStore store;
  private final ProcessCase cases;
  private final CaseMetricStore metrics;

  public ExtendDeadlineDelegate(
      Deadlines deadlines, PetitionStore store, ProcessCase cases, CaseMetricStore metrics) {
    this.metrics = metrics;
    this.deadlines = deadlines;
    this.store = store;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = cases.of(execution);
    Date oldDue = Date.from(p.handlingDue().toInstant());
    long days = ((Number) execution.getVariable(Var.EXTENSION_DAYS)).longValue();
    Date newDue = deadlines.extend(Clocks.EXTENSION, oldDue, days);
    store.recordHandlingDeadline(p.caseNumber(), newDue.toInstant().atOffset(ZoneOffset.UTC), true);
    metrics.handlingDeadlineMoved(p.caseNumber(), newDue.toInstant().atOffset(ZoneOffset.UTC));
    execution.setVariable(Var.HANDLING_DUE, newDue);
    execution.setVariable(Var.EXTENDED, true);
    store.addMilestone(
        p.caseNumber(),
        MilestoneType.EXTENSION_APPROVED,
        false,
        "延期 " + days + " 日获批：办结期限由" + Notices.day(oldDue) + "延至" + Notices.day(newDue),
        CaseVariables.text(execution, Var.EXTENSION_COMMENT));
  }
}
