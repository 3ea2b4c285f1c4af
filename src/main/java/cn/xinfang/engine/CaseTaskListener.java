package cn.xinfang.engine;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creation of a main-path user task:
 *
 * <ul>
 *   <li>its statutory due date (computed in the model from the calendar) becomes the case's current
 *       deadline in the petitioner's view, named by the task's input parameter {@code deadlineName}
 *       or else "<task name>期限";
 *   <li>the case number and title are copied onto the task, so that Tasklist's lists can show them
 *       to the task's group, whose right to read a task does not extend to the whole process
 *       instance;
 *   <li>the observers ({@link CaseTaskObserver}, supervision) are told.
 * </ul>
 */
@Component
public class CaseTaskListener implements TaskListener {

  /** optional input parameter of a user task: the deadline's name in the petitioner's view */
  static final String DEADLINE_NAME = "deadlineName";

  private final PetitionStore store;
  private final ProcessCase cases;
  private final List<CaseTaskObserver> observers;

  public CaseTaskListener(
      PetitionStore store, ProcessCase cases, List<CaseTaskObserver> observers) {
    this.store = store;
    this.cases = cases;
    this.observers = observers;
  }

  @Override
  public void notify(DelegateTask task) {
    PetitionRecord c = cases.of(task);
    String caseNumber = c.caseNumber();
    task.setVariableLocal(Var.CASE_NUMBER, caseNumber);
    task.setVariableLocal(Var.TITLE, task.getVariable(Var.TITLE));
    if (task.getDueDate() != null) {
      // the model may name the deadline as the petitioner reads it (input parameter deadlineName)
      Object name = task.getVariable(DEADLINE_NAME);
      store.setDeadline(
          caseNumber,
          name == null ? task.getName() + "期限" : name.toString(),
          task.getDueDate().toInstant().atZone(StatutoryCalendar.ZONE).toOffsetDateTime());
    }
    observers.forEach(o -> o.created(task, c));
  }
}
