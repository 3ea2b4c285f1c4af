package cn.xinfang.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The display names of units and levels: the names of their Camunda groups, kept by administrators
 * in Camunda Admin. A unit's name is no secret (petitioners read it), but the engine shows a user
 * only the groups it may read: the names are read as the system ({@link AsSystem}), so delegates,
 * leaders' reports and receipts name any group alike.
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
    Group group =
        AsSystem.call(
            identityService,
            () -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }
}
