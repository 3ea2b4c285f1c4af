package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRoute: writes the triage result (route, category) and an internal milestone to the
 * case store.
 */
@Component
public class RecordRouteDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final ProcessCase cases;

  public RecordRouteDelegate(PetitionStore store, ProcessCase cases) {
    this.store = store;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = cases.number(execution);
    Route route = CaseVariables.route(execution);
    store.recordRoute(caseNumber, route);
    store.recordCategory(caseNumber, (String) execution.getVariable(Var.CATEGORY));
    String comment = (String) execution.getVariable(Var.TRIAGE_COMMENT);
    store.addMilestone(caseNumber, MilestoneType.TRIAGED, false, "分流：" + route.label(), comment);
  }
}
