package cn.xinfang.triage;

import static cn.xinfang.system.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.PetitionStore;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a main-path user task:
 * <ul>
 *   <li>its statutory due date (computed in the model from the calendar) becomes the case's current
 *       deadline in the petitioner's view;</li>
 *   <li>the case number and title are copied onto the task, so that Tasklist's lists can show them to
 *       the task's group, whose right to read a task does not extend to the whole process instance.</li>
 * </ul>
 */
@Component
public class CaseTaskListener implements TaskListener {

  private final PetitionStore store;

  public CaseTaskListener(PetitionStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = CaseVariables.caseNumber(task);
    task.setVariableLocal(Var.CASE_NUMBER, caseNumber);
    task.setVariableLocal(Var.TITLE, task.getVariable(Var.TITLE));
    if (task.getDueDate() != null) {
      store.setDeadline(caseNumber, task.getName() + "期限", task.getDueDate().toInstant().atZone(StatutoryCalendar.ZONE).toOffsetDateTime());
    }
  }
}
