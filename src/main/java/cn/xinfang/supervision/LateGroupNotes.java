package cn.xinfang.supervision;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.engine.AsSystem;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Tells the late group in its own worklist: a comment on the supervised task (Tasklist shows it
 * with the task), or, once that task is done, on the case's open tasks of the same groups, written
 * as the platform (staff may not comment, StaffCommandPolicy).
 */
@Component
class LateGroupNotes {

  private final TaskService tasks;
  private final IdentityService identity;

  LateGroupNotes(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  /** Answers how many tasks carry the note. */
  int note(PetitionRecord c, Supervision s, String text) {
    return AsSystem.call(
        identity,
        () -> {
          List<Task> open =
              s.taskId() == null ? List.of() : tasks.createTaskQuery().taskId(s.taskId()).list();
          if (open.isEmpty() && c.processInstanceId() != null && !s.groups().isEmpty()) {
            open =
                tasks
                    .createTaskQuery()
                    .processInstanceId(c.processInstanceId())
                    .taskCandidateGroupIn(s.groups())
                    .includeAssignedTasks()
                    .list();
          }
          open.forEach(t -> tasks.createComment(t.getId(), t.getProcessInstanceId(), text));
          return open.size();
        });
  }
}
