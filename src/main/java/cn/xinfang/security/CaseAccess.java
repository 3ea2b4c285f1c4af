package cn.xinfang.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Who may read a case in the engine besides its tasks: the group that handles it (a unit, 纪检监察, 政法,
 * a review level) reads its process instance and its history, one case at a time; nobody else but
 * administrators does. No group holds READ or READ_HISTORY on the whole process definition, so a unit
 * never finds another unit's case, and an accusation transferred to 纪检监察 is readable only there
 * (《信访工作条例》第三十条). History is authorised per instance (enable-historic-instance-permissions).
 */
@Component
public class CaseAccess {

  private final AuthorizationService authorizations;
  private final HistoryService history;

  public CaseAccess(AuthorizationService authorizations, HistoryService history) {
    this.authorizations = authorizations;
    this.history = history;
  }

  /** The group reads this case's process instance and history from now on. */
  public void grant(String processInstanceId, String groupId) {
    Grants.toGroup(authorizations, groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    Grants.toGroup(authorizations, groupId, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
        HistoricProcessInstancePermissions.READ);
  }

  /**
   * Confidential cases (accusations transferred to 纪检监察, Art. 30): only that group and the clerk who
   * registered the accusation (if a clerk did) read it. The engine grants the candidate groups of the
   * case's finished tasks (the bureau for triage) READ on those tasks' history, which would show the
   * accusation to every bureau clerk; those grants are taken back here.
   */
  public void confine(String processInstanceId, String groupId, String registeringClerk) {
    for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
        .list()) {
      authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).resourceId(task.getId()).list()
          .stream().filter(a -> !groupId.equals(a.getGroupId()))
          .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
    grant(processInstanceId, groupId);
    if (registeringClerk != null) {
      Grants.toUser(authorizations, registeringClerk, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId,
          HistoricProcessInstancePermissions.READ);
    }
  }

  /** The group no longer reads this case (a unit that objected: the case was never its own). */
  public void revoke(String processInstanceId, String groupId) {
    for (Resource resource : new Resource[] {Resources.PROCESS_INSTANCE, Resources.HISTORIC_PROCESS_INSTANCE}) {
      authorizations.createAuthorizationQuery().resourceType(resource).resourceId(processInstanceId)
          .groupIdIn(groupId).list().forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
  }
}
