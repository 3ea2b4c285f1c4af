package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.notice.Notices;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartHandling and Task_RestartHandling: the handling clock starts at acceptance (60 days, or
 * 10 working days under the simple procedure, 《信访工作条例》第三十四条 and 简易办理办法) and again, afresh, when a
 * review or re-review orders the case handled anew (撤销重办). The model names the clock with the input
 * parameter {@code handlingClock} ({@code handling} or {@code simple-procedure}); a restart ({@code
 * restart = true}) is always the ordinary procedure and tells the petitioner the new deadline.
 */
@Component
public class StartHandlingDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final PetitionStore store;
  private final ProcessCase cases;
  private final Clock clock;
  private final CaseMetricStore metrics;

  public StartHandlingDelegate(
      Deadlines deadlines,
      PetitionStore store,
      ProcessCase cases,
      Clock clock,
      CaseMetricStore metrics) {
    this.metrics = metrics;
    this.deadlines = deadlines;
    this.store = store;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String handlingClock = (String) execution.getVariableLocal("handlingClock");
    boolean restart = Boolean.parseBoolean(String.valueOf(execution.getVariableLocal("restart")));
    Date acceptedAt = Date.from(clock.instant());
    Date due = deadlines.dueDate(handlingClock, acceptedAt);
    String caseNumber = cases.number(execution);
    // one extension per handling (Art. 34): a new handling may be extended again
    store.recordHandlingDeadline(caseNumber, due.toInstant().atOffset(ZoneOffset.UTC), false);
    execution.setVariable(Var.ACCEPTED_AT, acceptedAt);
    execution.setVariable(Var.HANDLING_DUE, due);
    execution.setVariable(Var.SIMPLE_PROCEDURE, Clocks.SIMPLE_PROCEDURE.equals(handlingClock));
    execution.setVariable(Var.EXTENDED, false);
    if (!restart) {
      // the metrics measure the first round: 撤销重办 restarts the clock, not the facts
      metrics.accepted(
          caseNumber,
          acceptedAt.toInstant().atOffset(ZoneOffset.UTC),
          due.toInstant().atOffset(ZoneOffset.UTC));
    }
    if (restart) {
      store.addMilestone(
          caseNumber,
          MilestoneType.HANDLING_RESTARTED,
          true,
          "承办单位重新办理，办结期限至" + Notices.day(due),
          null);
    }
  }
}
