package cn.xinfang.triage;

import cn.xinfang.casestore.PetitionStore;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a main-path user task: its statutory due date (computed in the model from the
 * calendar) becomes the case's current deadline in the petitioner's view.
 */
@Component
public class CaseDeadlineListener implements TaskListener {

  private final PetitionStore store;

  public CaseDeadlineListener(PetitionStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.getDueDate() != null) {
      store.setDeadline(CaseVariables.caseNumber(task), task.getName() + "期限",
          task.getDueDate().toInstant().atOffset(ZoneOffset.ofHours(8)));
    }
  }
}
