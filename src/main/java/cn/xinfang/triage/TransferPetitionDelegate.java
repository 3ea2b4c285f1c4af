package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.security.CaseAccess;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_TransferPetition: records the receiving organ chosen by the handling-unit decision (转送/交办,
 * Art. 22) and the moment it received the case, from which its acceptance and objection clocks run.
 * For a DISCIPLINE case the public milestone names no more than 纪检监察机关 (Art. 30).
 */
@Component
public class TransferPetitionDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final GroupNames groupNames;
  private final CaseAccess access;
  private final ProcessCase cases;
  private final Clock clock;

  public TransferPetitionDelegate(
      PetitionStore store,
      GroupNames groupNames,
      CaseAccess access,
      ProcessCase cases,
      Clock clock) {
    this.store = store;
    this.groupNames = groupNames;
    this.access = access;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = cases.of(execution);
    String caseNumber = p.caseNumber();
    Route route = CaseVariables.route(execution);
    String unit = (String) execution.getVariable(Var.HANDLING_UNIT);
    String unitName = groupNames.name(unit);
    // the receiving organ reads this case, and only this one; an accusation nobody else (Art. 30)
    if (route == Route.DISCIPLINE) {
      access.confine(execution.getProcessInstanceId(), unit, p.registeredBy());
    } else {
      access.grant(execution.getProcessInstanceId(), unit);
    }
    execution.setVariable(Var.HANDLING_UNIT_NAME, unitName);
    store.recordHandlingUnit(caseNumber, unit, unitName);
    String description =
        switch (route) {
          case DISCIPLINE -> "已转送纪检监察机关";
          case POLITICAL_LEGAL -> "已转送政法机关：" + unitName;
          default ->
              ("ASSIGN".equals(execution.getVariable(Var.TRANSFER_MODE)) ? "已交办至：" : "已转送至：")
                  + unitName;
        };
    store.addMilestone(caseNumber, MilestoneType.TRANSFERRED, true, description, "接收单位：" + unit);
    execution.setVariable(Var.TRANSFERRED_AT, Date.from(clock.instant()));
    // an earlier round's answer (and objection reason) must not prefill or decide this one;
    // the OBJECTED milestone keeps the reason
    execution.removeVariables(Var.ACCEPTANCE_ANSWER);
  }
}
