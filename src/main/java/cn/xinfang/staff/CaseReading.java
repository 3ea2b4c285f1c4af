package cn.xinfang.staff;

import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.Route;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.PetitionProcess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Decides how far the authenticated staff user reads a case, with the engine's own authorizations
 * (the same as in Tasklist, Cockpit and /engine-rest) and what the case store recorded, so that
 * least privilege has one source:
 *
 * <ul>
 *   <li>not at all, unless the user sees one of its tasks or its history (the registering clerk of
 *       an accusation is granted it), or belongs to the bureau or to supervision (督查督办), or took
 *       the case in hand (领导包案); a DISCIPLINE case only in 纪检监察 and by the registering clerk (Art.
 *       30);
 *   <li>with the personal data in full when the user handles the case: holds one of its open tasks
 *       (assignee or candidate, through a group too), or belongs to its handling unit (or the
 *       unit's head group) while the case is with that unit, or to the 纪检监察 or 政法 organ it was
 *       transferred to (the process ends there, their own procedure goes on); the bureau while it
 *       owes the petitioner a follow-up call (回访: the evaluation of a delivered handling opinion is
 *       open);
 *   <li>in full by the leader who took the case in hand;
 *   <li>with the personal data masked otherwise (the bureau, which answers every petitioner at the
 *       counter, supervisors, administrators, an earlier stage's reader).
 * </ul>
 *
 * The query code (with which the petitioner follows the case online) is read by the registering
 * clerk and the bureau only. Runs inside a request that authenticated the user (the engine then
 * filters every query).
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
  private final OpinionStore opinions;
  private final SupervisionStore supervisions;
  private final Clock clock;

  CaseReading(
      TaskService tasks,
      HistoryService history,
      OpinionStore opinions,
      SupervisionStore supervisions,
      Clock clock) {
    this.tasks = tasks;
    this.history = history;
    this.opinions = opinions;
    this.supervisions = supervisions;
    this.clock = clock;
  }

  Level of(PetitionRecord c, String userId, Set<String> groupIds) {
    // the case's own process, linked in the case store; another process carrying its number as
    // business key (or a variable) is not the case
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
                && (groupIds.contains(c.handlingUnit())
                    || groupIds.contains(PetitionProcess.Group.head(c.handlingUnit())))
                && (WITH_THE_UNIT.contains(c.status()) || TRANSFERRED_OUT.contains(c.route()));
    if (handles) {
      return Level.FULL;
    }
    if (bureau(c, groupIds)) {
      return followUpOpen(c) ? Level.FULL : Level.MASKED;
    }
    if (userId.equals(c.leaderOwner()) && c.route() != Route.DISCIPLINE) {
      // 领导包案: the leader who took the case in hand resolves it
      return Level.FULL;
    }
    if (supervisor(c, groupIds) || c.route() != Route.DISCIPLINE && answersSupervision(c, userId)) {
      return Level.MASKED;
    }
    boolean reads =
        tasks.createTaskQuery().processInstanceId(instance).count() > 0
            || history.createHistoricProcessInstanceQuery().processInstanceId(instance).count() > 0;
    return reads ? Level.MASKED : Level.REFUSED;
  }

  /**
   * The user holds an open task of the case's own process (assignee or candidate, by a group too).
   */
  boolean holdsOpenTask(PetitionRecord c, String userId) {
    return c.processInstanceId() != null && holdsTaskOf(userId, c.processInstanceId());
  }

  /** The user is the assignee or a candidate (by a group too) of an open task of the instances. */
  private boolean holdsTaskOf(String userId, String... processInstanceIds) {
    return tasks
            .createTaskQuery()
            .processInstanceIdIn(processInstanceIds)
            .or()
            .taskAssignee(userId)
            .taskCandidateUser(userId)
            .endOr()
            .count()
        > 0;
  }

  /** The registering clerk and the bureau read the query code (never of an accusation's case). */
  boolean readsQueryCode(PetitionRecord c, String userId, Set<String> groupIds) {
    return userId.equals(c.registeredBy()) || bureau(c, groupIds);
  }

  /** A bureau member reading a case that is not a confidential accusation. */
  static boolean bureau(PetitionRecord c, Set<String> groupIds) {
    return groupIds.contains(PetitionProcess.Group.BUREAU) && c.route() != Route.DISCIPLINE;
  }

  /**
   * A supervisor (督查督办) reads every case but the confidential accusations, masked: supervision
   * never needs to be a candidate of the task it supervises.
   */
  static boolean supervisor(PetitionRecord c, Set<String> groupIds) {
    return groupIds.contains(PetitionProcess.Group.SUPERVISION) && c.route() != Route.DISCIPLINE;
  }

  /**
   * The user holds an open task of one of the case's supervisions (a unit answering a letter, a
   * leader instructing on a late answer).
   */
  private boolean answersSupervision(PetitionRecord c, String userId) {
    String[] instances =
        supervisions.ofCase(c.id()).stream()
            .map(Supervision::processInstanceId)
            .filter(java.util.Objects::nonNull)
            .toArray(String[]::new);
    return instances.length > 0 && holdsTaskOf(userId, instances);
  }

  /** The petitioner received the handling opinion and may still rate it: the bureau calls them. */
  private boolean followUpOpen(PetitionRecord c) {
    return opinions
        .latest(c.id(), OpinionKind.HANDLING)
        .filter(Opinion::received)
        .filter(o -> o.evaluationDue() != null)
        .filter(o -> OffsetDateTime.now(clock).isBefore(o.evaluationDue()))
        .filter(o -> opinions.evaluation(o.id()).isEmpty())
        .isPresent();
  }
}
