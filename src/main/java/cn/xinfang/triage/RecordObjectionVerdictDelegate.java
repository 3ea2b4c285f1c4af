package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ProcessCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ObjectionAgreed and Task_ObjectionRefused (input parameter {@code objectionAgreed}, fixed by
 * the model): what the bureau's verification decided, with its comment ({@link ObjectionVerdicts}).
 */
@Component
public class RecordObjectionVerdictDelegate implements JavaDelegate {

  private final ObjectionVerdicts verdicts;
  private final ProcessCase cases;

  public RecordObjectionVerdictDelegate(ObjectionVerdicts verdicts, ProcessCase cases) {
    this.verdicts = verdicts;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = cases.of(execution);
    String comment = CaseVariables.text(execution, Var.VERIFICATION_COMMENT);
    if (Boolean.TRUE.equals(execution.getVariableLocal(Var.OBJECTION_AGREED))) {
      verdicts.agree(execution, p, comment);
    } else {
      verdicts.refuse(execution, p, comment);
    }
    execution.removeVariable(Var.VERIFICATION_COMMENT);
  }
}
