package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRoute: writes the triage result (route, category) and an internal milestone to the
 * case store, and the triage fact of the metrics.
 */
@Component
public class RecordRouteDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final ProcessCase cases;
  private final CaseMetricStore metrics;
  private final Clock clock;

  public RecordRouteDelegate(
      PetitionStore store, ProcessCase cases, CaseMetricStore metrics, Clock clock) {
    this.store = store;
    this.cases = cases;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = cases.number(execution);
    Route route = CaseVariables.route(execution);
    store.recordRoute(caseNumber, route);
    String category = (String) execution.getVariable(Var.CATEGORY);
    store.recordCategory(caseNumber, category);
    metrics.triaged(caseNumber, route, category, OffsetDateTime.now(clock));
    String comment = (String) execution.getVariable(Var.TRIAGE_COMMENT);
    store.addMilestone(caseNumber, MilestoneType.TRIAGED, false, "分流：" + route.label(), comment);
  }
}
