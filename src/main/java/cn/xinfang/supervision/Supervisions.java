package cn.xinfang.supervision;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.ConfinedCaseObserver;
import cn.xinfang.supervision.SupervisionProcess.Origin;
import cn.xinfang.supervision.SupervisionProcess.Var;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Opens a supervision: its row in the case store, then the process of processes/supervision.bpmn
 * that carries it out (business key: the case number), in the caller's transaction. The process
 * starts as the platform's own act: nobody needs a right to start it, and no staff client can
 * (StaffCommandPolicy refuses every start but the registration's).
 */
@Component
public class Supervisions implements ConfinedCaseObserver {

  /** The task a supervision concerns: its id, key, name, candidate groups and due date. */
  public record LateTask(String id, String key, String name, List<String> groups, Date due) {}

  /**
   * An open task of the engine as a supervision concerns it, its candidate groups read as the
   * platform.
   */
  LateTask lateTask(Task t) {
    List<String> groups =
        AsSystem.call(
            identity,
            () ->
                tasks.getIdentityLinksForTask(t.getId()).stream()
                    .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                    .map(IdentityLink::getGroupId)
                    .filter(g -> g != null)
                    .toList());
    return new LateTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), groups, t.getDueDate());
  }

  private final SupervisionStore store;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  public Supervisions(
      SupervisionStore store, RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.store = store;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  /**
   * A task of the case is past its due date: superviseCase opens for the supervisors. Once per
   * task: a second call for the same task (another node, a restart) fails on the case store's
   * unique index and rolls its transaction back.
   */
  public void overdue(PetitionRecord c, LateTask task) {
    long id = store.open(opening(c, Origin.OVERDUE, task, null));
    AsSystem.run(
        identity,
        () ->
            runtime
                .createProcessInstanceByKey(SupervisionProcess.PROCESS_KEY)
                .businessKey(c.caseNumber())
                .setVariable(Var.SUPERVISION_ID, id)
                .execute());
  }

  /**
   * The bureau or a supervisor supervises by hand: the decision is already recorded on {@code
   * supervisionId}; the process carries it out.
   */
  void manual(PetitionRecord c, long supervisionId) {
    AsSystem.run(
        identity,
        () ->
            runtime
                .createMessageCorrelation(SupervisionProcess.MESSAGE_MANUAL)
                .processInstanceBusinessKey(c.caseNumber())
                .setVariable(Var.SUPERVISION_ID, supervisionId)
                .correlateStartMessage());
  }

  long openManual(PetitionRecord c, LateTask task, String user) {
    return store.open(opening(c, Origin.MANUAL, task, user));
  }

  /** A DISSATISFIED evaluation: verifyDissatisfaction (回访核查) opens for the supervisors. */
  public void dissatisfied(PetitionRecord c, String recordedBy) {
    long id =
        store.open(
            new SupervisionStore.Opening(
                c.id(),
                Origin.DISSATISFIED.name(),
                null,
                null,
                null,
                c.handlingUnit() == null ? List.of() : List.of(c.handlingUnit()),
                null,
                recordedBy));
    AsSystem.run(
        identity,
        () ->
            runtime
                .createMessageCorrelation(SupervisionProcess.MESSAGE_DISSATISFIED)
                .processInstanceBusinessKey(c.caseNumber())
                .setVariables(Map.of(Var.SUPERVISION_ID, id))
                .correlateStartMessage());
  }

  @Override
  public void confined(PetitionRecord c) {
    endAll(c, "本事项已依法转送纪检监察机关办理（《信访工作条例》第三十条），督办终止");
  }

  /**
   * Ends every supervision of the case still running (its tasks go from every worklist), each
   * marked withdrawn with {@code reason}: a case passed to 纪检监察 in confidence (Art. 30).
   */
  public void endAll(PetitionRecord c, String reason) {
    for (Supervision s : store.ofCase(c.id())) {
      if (s.processInstanceId() == null) {
        continue;
      }
      AsSystem.run(
          identity,
          () -> {
            if (runtime
                    .createProcessInstanceQuery()
                    .processInstanceId(s.processInstanceId())
                    .count()
                > 0) {
              store.withdraw(s, reason);
              runtime.deleteProcessInstance(s.processInstanceId(), reason);
            }
          });
    }
  }

  private static SupervisionStore.Opening opening(
      PetitionRecord c, Origin origin, LateTask task, String user) {
    return new SupervisionStore.Opening(
        c.id(),
        origin.name(),
        task.id(),
        task.key(),
        task.name(),
        task.groups(),
        task.due() == null
            ? null
            : OffsetDateTime.ofInstant(task.due().toInstant(), java.time.ZoneOffset.UTC),
        user);
  }
}
