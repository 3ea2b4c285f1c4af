package cn.xinfang.engine;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The case a process instance owns, for every delegate and listener of the petition process: found
 * through the case store's link (petition.process_instance_id, written once by the process's
 * registration step), never through the {@code caseNumber} variable or the business key, which a
 * second process could carry too. A process that owns no case (one started past its registration
 * step, or one naming another case's number) fails at its first step instead of acting on someone
 * else's case.
 */
@Component
public class ProcessCase {

  private final PetitionStore store;

  public ProcessCase(PetitionStore store) {
    this.store = store;
  }

  public PetitionRecord of(DelegateExecution execution) {
    return of(execution.getProcessInstanceId());
  }

  public PetitionRecord of(DelegateTask task) {
    return of(task.getProcessInstanceId());
  }

  public String number(DelegateExecution execution) {
    return of(execution).caseNumber();
  }

  public String number(DelegateTask task) {
    return of(task).caseNumber();
  }

  private PetitionRecord of(String processInstanceId) {
    return store
        .findByProcessInstance(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "流程实例 " + processInstanceId + " 没有登记的信访事项：只有经登记步骤关联案件的流程可以办理案件"));
  }
}
