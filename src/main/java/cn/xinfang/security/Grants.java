package cn.xinfang.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Adds a permission to a group's or user's one authorization for a resource (the engine allows one
 * per owner and resource), creating it when there is none; granting twice changes nothing.
 */
final class Grants {

  private Grants() {}

  static void toGroup(
      AuthorizationService authorizations,
      String groupId,
      Resource resource,
      String resourceId,
      Permission permission) {
    add(
        authorizations,
        authorizations.createAuthorizationQuery().groupIdIn(groupId),
        a -> a.setGroupId(groupId),
        resource,
        resourceId,
        permission);
  }

  static void toUser(
      AuthorizationService authorizations,
      String userId,
      Resource resource,
      String resourceId,
      Permission permission) {
    add(
        authorizations,
        authorizations.createAuthorizationQuery().userIdIn(userId),
        a -> a.setUserId(userId),
        resource,
        resourceId,
        permission);
  }

  private static void add(
      AuthorizationService authorizations,
      AuthorizationQuery owned,
      Consumer<Authorization> owner,
      Resource resource,
      String resourceId,
      Permission permission) {
    Authorization auth = owned.resourceType(resource).resourceId(resourceId).singleResult();
    if (auth == null) {
      auth = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      owner.accept(auth);
      auth.setResource(resource);
      auth.setResourceId(resourceId);
    } else if (auth.isPermissionGranted(permission)) {
      return;
    }
    auth.addPermission(permission);
    authorizations.saveAuthorization(auth);
  }
}
