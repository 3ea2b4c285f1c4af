package cn.xinfang.triage;

import static cn.xinfang.system.PetitionProcess.Var;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of acceptPetition: ACCEPT, or OBJECT with a reason (Art. 23). */
@Component
public class ValidateAcceptanceListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    Acceptance acceptance = in.requireEnum(Var.ACCEPTANCE, Acceptance.class, "受理意见");
    if (acceptance == Acceptance.OBJECT) {
      in.requireText(Var.OBJECTION_REASON, "异议理由", 2000);
    }
  }

  public enum Acceptance { ACCEPT, OBJECT }
}
