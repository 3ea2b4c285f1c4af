package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of verifyObjection: whether the bureau agrees with the unit's objection ({@code
 * objectionAgreed}: true or false, as a REST client sends it, or "true"/"false" from the form's
 * explicit choice) and why ({@code verificationComment}, required either way: the unit or the next
 * triage reads it).
 */
@Component
public class VerifyObjectionListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    task.setVariable(
        Var.OBJECTION_AGREED, in.requireChoice(Var.OBJECTION_AGREED, "核实意见（同意或不同意异议）"));
    in.requireText(Var.VERIFICATION_COMMENT, "核实说明", 2000);
  }
}
