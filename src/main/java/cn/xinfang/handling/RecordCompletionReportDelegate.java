package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordCompletionReport: an assigned (交办) unit reported how it concluded the case (办结报告, Art.
 * 22). The report is the bureau's, an internal step of the timeline; the petitioner reads the
 * opinion itself.
 */
@Component
public class RecordCompletionReportDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final ProcessCase cases;

  public RecordCompletionReportDelegate(PetitionStore store, ProcessCase cases) {
    this.store = store;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    store.addMilestone(
        cases.number(execution),
        MilestoneType.COMPLETION_REPORTED,
        false,
        "承办单位已向信访部门报送办结报告",
        CaseVariables.text(execution, Var.COMPLETION_REPORT));
    execution.removeVariable(Var.COMPLETION_REPORT);
  }
}
