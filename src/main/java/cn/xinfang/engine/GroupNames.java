package cn.xinfang.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The display names of units and levels: the names of their Camunda groups, kept by administrators
 * in Camunda Admin. Called from delegates, which the engine runs without the clerk's authorization
 * checks (authorizationEnabledForCustomCode is off), so any group can be named.
 */
@Component
public class GroupNames {

  private final IdentityService identityService;

  public GroupNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether a group of that id exists. */
  public boolean exists(String groupId) {
    return groupId != null && identityService.createGroupQuery().groupId(groupId).count() == 1;
  }

  /** The group's name, or its id when it has none (or does not exist). */
  public String name(String groupId) {
    if (groupId == null) {
      return null;
    }
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
