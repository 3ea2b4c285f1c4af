package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.security.CaseAccess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordObjection: the unit says "not ours" (异议, Art. 23); the case goes back to the bureau's
 * triage. The reason is an internal note, shown on the triage form, never to the petitioner.
 */
@Component
public class RecordObjectionDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final CaseAccess access;
  private final ProcessCase cases;

  public RecordObjectionDelegate(PetitionStore store, CaseAccess access, ProcessCase cases) {
    this.store = store;
    this.access = access;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = cases.of(execution);
    String caseNumber = p.caseNumber();
    store.addMilestone(
        caseNumber,
        MilestoneType.OBJECTED,
        false,
        "承办单位提出异议",
        (String) execution.getVariable(Var.OBJECTION_REASON));
    store.addMilestone(
        caseNumber, MilestoneType.RETURNED_TO_TRIAGE, true, "承办单位认为不属其职责，已退回信访部门重新分流", null);
    access.revoke(execution.getProcessInstanceId(), p.handlingUnit());
    store.recordRoute(caseNumber, null);
    store.recordHandlingUnit(caseNumber, null, null);
    store.updateStatus(caseNumber, PetitionStatus.REGISTERED);
    // the next triage decides afresh; objectionReason stays for the triage form
    execution.removeVariables(Var.TRIAGE_DECISION);
    execution.removeVariable(Var.ACCEPTANCE);
  }
}
