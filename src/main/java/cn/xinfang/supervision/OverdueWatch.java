package cn.xinfang.supervision;

import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.TaskPriority;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overdue watch (网上督), every {@code petition.supervision.watch-interval} on one node of the
 * cluster at a time (ShedLock):
 *
 * <ol>
 *   <li>open petition tasks that reached the reminder point get priority {@value
 *       TaskPriority#NEAR_DUE} (临期);
 *   <li>open petition tasks past their due date get priority {@value TaskPriority#OVERDUE} and a
 *       superviseCase each, once per task (the case store's unique index decides, should two nodes
 *       or a restart ever race);
 *   <li>a superviseCase whose late task has been done meanwhile is withdrawn.
 * </ol>
 *
 * It reads each task's due date as it is now, so a deadline moved by an extension, a redone case or
 * a hearing (a new task with the new due date) is followed without a timer per task: one indexed
 * query per run instead of a timer job per open task (docs/supervision.md).
 */
@Component
public class OverdueWatch {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueWatch.class);

  /** tasks per query; a run takes pages until none is left */
  static final int PAGE = 200;

  private final TaskService tasks;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final PetitionStore petitions;
  private final SupervisionStore store;
  private final Supervisions supervisions;
  private final TaskFlags flags;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public OverdueWatch(
      TaskService tasks,
      RuntimeService runtime,
      IdentityService identity,
      PetitionStore petitions,
      SupervisionStore store,
      Supervisions supervisions,
      TaskFlags flags,
      TransactionTemplate transaction,
      Clock clock) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.identity = identity;
    this.petitions = petitions;
    this.store = store;
    this.supervisions = supervisions;
    this.flags = flags;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${petition.supervision.watch-interval}",
      initialDelayString = "${petition.supervision.watch-interval}")
  @SchedulerLock(name = "supervision-overdue-watch", lockAtMostFor = "PT10M")
  public void scheduled() {
    run();
  }

  /** One run; answers how many tasks it flagged near due, supervised and withdrew. */
  public Counts run() {
    if (identity.getCurrentAuthentication() != null) {
      throw new IllegalStateException("the overdue watch runs as the platform, never as a user");
    }
    Instant now = clock.instant();
    int near = flagNearDue(Date.from(flags.nearDueBefore(now)));
    int overdue = superviseOverdue(Date.from(now));
    int withdrawn = withdrawDone();
    if (near + overdue + withdrawn > 0) {
      LOG.info(
          "overdue watch: {} tasks near due, {} overdue supervised, {} withdrawn",
          near,
          overdue,
          withdrawn);
    }
    return new Counts(near, overdue, withdrawn);
  }

  /** What a run did. */
  public record Counts(int nearDue, int supervised, int withdrawn) {}

  private int flagNearDue(Date nearDueBefore) {
    return eachPage(
        () ->
            tasks
                .createTaskQuery()
                .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                .dueBefore(nearDueBefore)
                .taskMaxPriority(TaskPriority.NEAR_DUE - 1),
        t -> tasks.setPriority(t.getId(), TaskPriority.NEAR_DUE));
  }

  private int superviseOverdue(Date now) {
    return eachPage(
        () ->
            tasks
                .createTaskQuery()
                .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                .dueBefore(now)
                .taskMaxPriority(TaskPriority.OVERDUE - 1),
        t -> transaction.executeWithoutResult(tx -> supervise(t)));
  }

  private void supervise(Task t) {
    tasks.setPriority(t.getId(), TaskPriority.OVERDUE);
    petitions
        .findByProcessInstance(t.getProcessInstanceId())
        .ifPresent(c -> supervisions.overdue(c, supervisions.lateTask(t)));
  }

  private int withdrawDone() {
    return eachPage(
        () ->
            tasks
                .createTaskQuery()
                .processDefinitionKey(SupervisionProcess.PROCESS_KEY)
                .taskDefinitionKey(SupervisionProcess.TASK_SUPERVISE),
        open -> {
          Supervision s = store.byProcessInstance(open.getProcessInstanceId()).orElse(null);
          if (s == null
              || s.taskId() == null
              || tasks.createTaskQuery().taskId(s.taskId()).count() > 0) {
            throw new StillOpen();
          }
          transaction.executeWithoutResult(
              tx -> {
                store.withdraw(s, "the late task was done");
                runtime
                    .createMessageCorrelation(SupervisionProcess.MESSAGE_TASK_ENDED)
                    .processInstanceId(open.getProcessInstanceId())
                    .correlateWithResult();
              });
        });
  }

  /** a superviseCase whose late task is still open: nothing to withdraw */
  private static final class StillOpen extends RuntimeException {
    StillOpen() {
      super(null, null, false, false);
    }
  }

  /**
   * Applies {@code change} to every task of the query, a page at a time, oldest due date first;
   * answers how many it changed. A change leaves the task out of the query, so the next page is the
   * first one again, past the tasks it could not change: a task that fails (logged) never holds up
   * the others, and every run ends.
   */
  private static int eachPage(Supplier<TaskQuery> query, Consumer<Task> change) {
    int changed = 0;
    int skipped = 0;
    List<Task> page;
    do {
      page = query.get().orderByDueDate().asc().orderByTaskId().asc().listPage(skipped, PAGE);
      for (Task t : page) {
        if (quietly(t, change)) {
          changed++;
        } else {
          skipped++;
        }
      }
    } while (page.size() == PAGE);
    return changed;
  }

  /**
   * Runs one task's change; a change another node or a clerk made first (the task completed, the
   * supervision opened) is no error: the next run sees the new state. Any other failure is logged
   * with the task and the run goes on.
   */
  private static boolean quietly(Task t, Consumer<Task> change) {
    try {
      change.accept(t);
      return true;
    } catch (StillOpen e) {
      return false;
    } catch (DuplicateKeyException
        | OptimisticLockingException
        | NullValueException
        | NotFoundException e) {
      LOG.debug("overdue watch: task {} changed under it, skipped ({})", t.getId(), e.getMessage());
      return false;
    } catch (RuntimeException e) {
      LOG.error(
          "overdue watch: task {} ({}) could not be flagged or supervised",
          t.getId(),
          t.getTaskDefinitionKey(),
          e);
      return false;
    }
  }
}
