package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.ModelElements;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.ProcessCase;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordObjection: the unit says "not ours" (异议, Art. 23). The bureau verifies it within 5
 * working days (verifyObjection); until then the case stays with the unit. The reason is an
 * internal note, shown on the verification form, never to the petitioner. A case started on a model
 * without the verification goes back to triage at once, as that model says.
 */
@Component
public class RecordObjectionDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final ObjectionVerdicts verdicts;
  private final ProcessCase cases;
  private final Clock clock;

  public RecordObjectionDelegate(
      PetitionStore store, ObjectionVerdicts verdicts, ProcessCase cases, Clock clock) {
    this.store = store;
    this.verdicts = verdicts;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = cases.of(execution);
    store.addMilestone(
        p.caseNumber(),
        MilestoneType.OBJECTED,
        false,
        "承办单位提出异议",
        (String) execution.getVariable(Var.OBJECTION_REASON));
    execution.setVariable(Var.OBJECTED_AT, Date.from(clock.instant()));
    if (ModelElements.has(execution, PetitionProcess.TASK_VERIFY_OBJECTION)) {
      store.addMilestone(p.caseNumber(), MilestoneType.OBJECTED, true, "承办单位提出异议，信访部门正在核实", null);
    } else {
      verdicts.agree(execution, p, null);
    }
  }
}
