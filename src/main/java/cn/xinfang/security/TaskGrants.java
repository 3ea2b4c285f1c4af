package cn.xinfang.security;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_WORK;

import cn.xinfang.engine.PetitionProcess;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * What the engine grants on a task to its candidate groups and users and to its assignee. Camunda's
 * default is READ and UPDATE on the task and READ on its history. UPDATE lets anyone who may work a
 * task rewrite it (due date, priority, variables of the whole case through the task), and the
 * history grant outlives the task: it shows every variable of the case, the other groups' internal
 * notes included, to a group long after the case has left it. Here a task grants
 *
 * <ul>
 *   <li>READ, to see it and its form;
 *   <li>TASK_WORK, to claim and complete it (with its form's inputs only, {@link
 *       StaffCommandPolicy});
 *   <li>TASK_ASSIGN, to hand it back or to a colleague of its group ({@link StaffCommandPolicy}
 *       checks whom);
 * </ul>
 *
 * and nothing on its history: a case's history is read only by the group that holds the case,
 * through the per-case grants of {@link CaseAccess}. The engine's authorization provider is a
 * configuration switch (resourceAuthorizationProvider); Operaton has the same class.
 */
class TaskGrants extends DefaultAuthorizationProvider {

  /**
   * A follower of a task ({@link PetitionProcess#FOLLOWER_LINK}: the leader who took the case in
   * hand, 领导包案) reads it, and may neither claim nor complete it.
   */
  @Override
  public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
    if (PetitionProcess.FOLLOWER_LINK.equals(type)) {
      return new AuthorizationEntity[] {
        createOrUpdateAuthorization(task, userId, null, Resources.TASK, false, READ)
      };
    }
    return super.newTaskUserIdentityLink(task, userId, type);
  }

  @Override
  protected AuthorizationEntity[] createOrUpdateAuthorizations(
      Task task, String groupId, String userId) {
    return new AuthorizationEntity[] {
      createOrUpdateAuthorization(
          task, userId, groupId, Resources.TASK, false, READ, TASK_WORK, TASK_ASSIGN)
    };
  }
}
