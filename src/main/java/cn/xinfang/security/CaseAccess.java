package cn.xinfang.security;

import cn.xinfang.engine.PetitionProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * Who may read a case in the engine besides the open tasks of their groups: the group that holds it
 * (a unit, 纪检监察, 政法, a review level) reads its process instance and its history, one case at a
 * time, while it holds it; nobody else but administrators does. No group holds READ or READ_HISTORY
 * on the whole process definition, so a unit never finds another unit's case, and no task leaves a
 * grant on its history behind ({@link TaskGrants}), so a group that worked on a case reads nothing
 * of it once the case has moved on. History is authorised per instance
 * (enable-historic-instance-permissions).
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizations;
  private final IdentityService identity;

  public CaseAccess(AuthorizationService authorizations, IdentityService identity) {
    this.authorizations = authorizations;
    this.identity = identity;
  }

  /** The group reads this case's process instance and history from now on. */
  public void grant(String processInstanceId, String groupId) {
    Grants.toGroup(
        authorizations, groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    Grants.toGroup(
        authorizations,
        groupId,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * A handling unit reads the case transferred to it from now on, and so does its head group
   * ({@code <unit>-head}: approves its replies and extensions), as the unit does; an organ without
   * one (政法, whose own procedure goes on outside the process) gets no grant for a group that does
   * not exist.
   */
  public void grantUnit(String processInstanceId, String unit) {
    grant(processInstanceId, unit);
    String head = PetitionProcess.Group.head(unit);
    if (identity.createGroupQuery().groupId(head).count() > 0) {
      grant(processInstanceId, head);
    }
  }

  /**
   * Confidential cases (accusations transferred to 纪检监察, Art. 30): that group reads the case, and
   * so does the clerk who registered the accusation at the counter (if a clerk did), to answer the
   * petitioner; the rest of the bureau, which triaged it, does not, and nobody who read it before
   * does any more (a leader who took the case in hand while it was at triage, 领导包案).
   */
  public void confine(String processInstanceId, String groupId, String registeringClerk) {
    deleteGrants(processInstanceId);
    grant(processInstanceId, groupId);
    if (registeringClerk != null) {
      Grants.toUser(
          authorizations,
          registeringClerk,
          Resources.HISTORIC_PROCESS_INSTANCE,
          processInstanceId,
          HistoricProcessInstancePermissions.READ);
    }
  }

  /** A user (the leader who took the case in hand, 领导包案) reads this case from now on. */
  public void follow(String processInstanceId, String userId) {
    Grants.toUser(
        authorizations, userId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    Grants.toUser(
        authorizations,
        userId,
        Resources.HISTORIC_PROCESS_INSTANCE,
        processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * The group no longer reads this case: a unit that objected (the case was never its own), with
   * its head group; a review or re-review level whose opinion has been delivered.
   */
  public void revoke(String processInstanceId, String groupId) {
    deleteGrants(processInstanceId, groupId, PetitionProcess.Group.head(groupId));
  }

  /** Deletes the grants on the case's instance and history: of these groups, or of everyone. */
  private void deleteGrants(String processInstanceId, String... groupIds) {
    for (Resource resource :
        new Resource[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
      var query =
          authorizations
              .createAuthorizationQuery()
              .resourceType(resource)
              .resourceId(processInstanceId);
      if (groupIds.length > 0) {
        query.groupIdIn(groupIds);
      }
      query.list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
  }
}
