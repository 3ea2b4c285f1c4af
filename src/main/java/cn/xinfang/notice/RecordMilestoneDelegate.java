package cn.xinfang.notice;

import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.ProcessCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes a step to the case's timeline, and optionally moves its status, from input parameters of
 * the service task, so that a designer can record a step without Java: {@code milestoneType},
 * {@code milestone} (the description), {@code publicVisible} (default true: the petitioner reads
 * it), {@code internalNote} (optional, staff only) and {@code nextStatus} (optional).
 */
@Component
public class RecordMilestoneDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final ProcessCase cases;

  public RecordMilestoneDelegate(PetitionStore store, ProcessCase cases) {
    this.store = store;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = cases.number(execution);
    Object visible = execution.getVariableLocal("publicVisible");
    Object note = execution.getVariableLocal("internalNote");
    store.addMilestone(
        caseNumber,
        (String) execution.getVariableLocal("milestoneType"),
        visible == null || Boolean.parseBoolean(visible.toString()),
        (String) execution.getVariableLocal("milestone"),
        note == null ? null : note.toString());
    Object next = execution.getVariableLocal("nextStatus");
    if (next != null) {
      store.moveTo(caseNumber, PetitionStatus.valueOf((String) next));
    }
  }
}
