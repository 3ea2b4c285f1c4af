package cn.xinfang.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The display names of units and levels: the names of their Camunda groups, kept by administrators in
 * Camunda Admin. Looked up as the system, because the clerk whose task completion runs the delegate
 * may not read other units' groups.
 */
@Component
public class GroupNames {

  private final IdentityService identityService;

  public GroupNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The group's name, or its id when it has none (or does not exist). */
  public String name(String groupId) {
    if (groupId == null) {
      return null;
    }
    Group group = asSystem(identityService,
        () -> identityService.createGroupQuery().groupId(groupId).singleResult());
    return group == null || group.getName() == null ? groupId : group.getName();
  }

  /**
   * Runs engine calls without the current user's authorizations (system housekeeping inside a
   * command that a user started), then restores that user.
   */
  public static <T> T asSystem(IdentityService identity, Supplier<T> call) {
    var user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
