package cn.xinfang.staff;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.Route;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Decides how far the authenticated staff user reads a case, with the engine's own authorizations
 * (the same as in Tasklist, Cockpit and /engine-rest), so that least privilege has one source:
 *
 * <ul>
 *   <li>not at all, unless the user sees one of its tasks or its history (a DISCIPLINE case only in
 *       纪检监察 and by the registering clerk);
 *   <li>with the personal data in full when the user handles the case: holds one of its open tasks
 *       (assignee or candidate, through a group too), or belongs to its handling unit while the
 *       case is with that unit, or to the 纪检监察 or 政法 organ it was transferred to (the process ends
 *       there, their own procedure goes on);
 *   <li>with the personal data masked otherwise (administrators, an earlier stage's reader).
 * </ul>
 *
 * Runs inside a request that authenticated the user (the engine then filters every query).
 */
@Component
class CaseReading {

  enum Level {
    REFUSED,
    MASKED,
    FULL
  }

  private static final Set<PetitionStatus> WITH_THE_UNIT =
      EnumSet.of(PetitionStatus.TRANSFERRED, PetitionStatus.ACCEPTED);
  private static final Set<Route> TRANSFERRED_OUT =
      EnumSet.of(Route.DISCIPLINE, Route.POLITICAL_LEGAL);

  private final TaskService tasks;
  private final HistoryService history;

  CaseReading(TaskService tasks, HistoryService history) {
    this.tasks = tasks;
    this.history = history;
  }

  Level of(PetitionRecord c, String userId, Set<String> groupIds) {
    // the case's own process, linked in the case store; another process carrying its number as
    // business key
    // (or a variable) is not the case
    String instance = c.processInstanceId();
    if (instance == null) {
      return Level.REFUSED;
    }
    boolean handles =
        tasks
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .or()
                    .taskAssignee(userId)
                    .taskCandidateUser(userId)
                    .endOr()
                    .count()
                > 0
            || c.handlingUnit() != null
                && groupIds.contains(c.handlingUnit())
                && (WITH_THE_UNIT.contains(c.status()) || TRANSFERRED_OUT.contains(c.route()));
    if (handles) {
      return Level.FULL;
    }
    boolean reads =
        tasks.createTaskQuery().processInstanceId(instance).count() > 0
            || history.createHistoricProcessInstanceQuery().processInstanceId(instance).count() > 0;
    return reads ? Level.MASKED : Level.REFUSED;
  }
}
