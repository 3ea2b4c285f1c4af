package cn.xinfang.supervision;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.engine.CaseTaskObserver;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.TaskPriority;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Flags a petition task as it is created, so that Tasklist shows and sorts it at once: priority
 * {@value TaskPriority#NEAR_DUE} from the reminder point (the {@code reminder} clock: 3 working
 * days before the due date), {@value TaskPriority#OVERDUE} once overdue, when superviseCase opens
 * in the same transaction (a letter received 25 days ago is late at registration). Later changes
 * are the {@link OverdueWatch}'s. The leader who took the case in hand (领导包案) follows each new
 * task.
 */
@Component
public class TaskFlags implements CaseTaskObserver {

  private final Deadlines deadlines;
  private final Supervisions supervisions;
  private final Clock clock;

  public TaskFlags(Deadlines deadlines, Supervisions supervisions, Clock clock) {
    this.deadlines = deadlines;
    this.supervisions = supervisions;
    this.clock = clock;
  }

  @Override
  public void created(DelegateTask task, PetitionRecord c) {
    if (c.leaderOwner() != null) {
      task.addUserIdentityLink(c.leaderOwner(), PetitionProcess.FOLLOWER_LINK);
    }
    Date due = task.getDueDate();
    if (due == null) {
      return;
    }
    Instant now = clock.instant();
    if (due.toInstant().isBefore(now)) {
      task.setPriority(TaskPriority.OVERDUE);
      supervisions.overdue(
          c,
          new Supervisions.LateTask(
              task.getId(), task.getTaskDefinitionKey(), task.getName(), groups(task), due));
    } else if (due.toInstant().isBefore(nearDueBefore(now))) {
      task.setPriority(TaskPriority.NEAR_DUE);
    }
  }

  /**
   * A task due before this instant is near its due date now (临期): due by the end of the third
   * working day (the {@code reminder} clock) after today.
   */
  Instant nearDueBefore(Instant now) {
    return deadlines.due(Clocks.REMINDER, now).toInstant().plusSeconds(1);
  }

  private static List<String> groups(DelegateTask task) {
    return task.getCandidates().stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
