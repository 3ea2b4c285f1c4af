package cn.xinfang.supervision;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The supervision a process instance of processes/supervision.bpmn carries out, and its case: found
 * through the case store's link (supervision.process_instance_id, written once when the process
 * starts), never through a variable or the business key. Also the model's expressions: {@code
 * ${supervisionCases.groups(execution)}} (who answers: the late task's groups, as recorded) and
 * {@code ${supervisionCases.answerDue(execution)}}.
 */
@Component
public class SupervisionCases {

  private final SupervisionStore supervisions;
  private final PetitionStore petitions;
  private final TaskService tasks;
  private final IdentityService identity;

  public SupervisionCases(
      SupervisionStore supervisions,
      PetitionStore petitions,
      TaskService tasks,
      IdentityService identity) {
    this.supervisions = supervisions;
    this.petitions = petitions;
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * Does {@code work} with each open answer (to a letter or a recommendation) of the supervision
   * process instance, as the platform.
   */
  public void eachAnswerTask(String processInstanceId, Consumer<Task> work) {
    AsSystem.run(
        identity,
        () ->
            tasks
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKeyIn(
                    SupervisionProcess.TASK_ANSWER, SupervisionProcess.TASK_ANSWER_RECOMMENDATION)
                .list()
                .forEach(work));
  }

  public Supervision of(DelegateExecution execution) {
    return of(execution.getProcessInstanceId());
  }

  public Supervision of(DelegateTask task) {
    return of(task.getProcessInstanceId());
  }

  public Supervision of(String processInstanceId) {
    return supervisions
        .byProcessInstance(processInstanceId)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "流程实例 " + processInstanceId + " 没有对应的督办记录：督办流程只能由平台按案件库的督办记录启动"));
  }

  public PetitionRecord caseOf(Supervision s) {
    return petitions
        .findById(s.petitionId())
        .orElseThrow(() -> new IllegalStateException("no petition " + s.petitionId()));
  }

  /** The groups that answer a letter or a recommendation: the late task's, as recorded. */
  public List<String> groups(DelegateExecution execution) {
    List<String> groups = of(execution).groups();
    if (groups.isEmpty()) {
      throw new IllegalStateException(
          "supervision of " + execution.getProcessInstanceId() + " names no group");
    }
    return groups;
  }

  /** When the answer to a letter or a recommendation is due, as decided. */
  public Date answerDue(DelegateExecution execution) {
    Supervision s = of(execution);
    if (s.answerDue() == null) {
      throw new IllegalStateException("supervision " + s.id() + " has no answer due date");
    }
    return Date.from(s.answerDue().toInstant());
  }
}
