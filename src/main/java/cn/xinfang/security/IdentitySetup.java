package cn.xinfang.security;

import cn.xinfang.engine.PetitionProcess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * At start-up: the staff groups and their standing grants (Tasklist, the process definition; the
 * bureau registers), then the demo accounts or their end ({@link DemoAccounts}), then the shared
 * Tasklist filters ({@link TasklistFilters}). What exists is left alone, so an administrator's
 * later changes stay. Everything else a group may read comes per case ({@link CaseAccess}) and per
 * task ({@link TaskGrants}).
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final DemoAccounts demoAccounts;
  private final TasklistFilters filters;

  IdentitySetup(
      IdentityService identityService,
      AuthorizationService authorizationService,
      DemoAccounts demoAccounts,
      TasklistFilters filters) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.demoAccounts = demoAccounts;
    this.filters = filters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (StaffGroups.StaffGroup g : StaffGroups.ALL) {
      if (identityService.createGroupQuery().groupId(g.id()).count() == 0) {
        Group group = identityService.newGroup(g.id());
        group.setName(g.name());
        group.setType("WORKFLOW");
        identityService.saveGroup(group);
      }
      grant(g.id(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
      grant(g.id(), Resources.PROCESS_DEFINITION, PetitionProcess.PROCESS_KEY, Permissions.READ);
      // supervision's tasks (答复督办函 …) reach every group
      grant(
          g.id(),
          Resources.PROCESS_DEFINITION,
          PetitionProcess.SUPERVISION_PROCESS_KEY,
          Permissions.READ);
    }
    // only the bureau registers petitions from Tasklist's start form
    grant(
        PetitionProcess.Group.BUREAU,
        Resources.PROCESS_DEFINITION,
        PetitionProcess.PROCESS_KEY,
        Permissions.CREATE_INSTANCE);
    grant(
        PetitionProcess.Group.BUREAU,
        Resources.PROCESS_INSTANCE,
        Authorization.ANY,
        Permissions.CREATE);
    demoAccounts.ensure();
    filters.ensure();
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Grants.toGroup(authorizationService, groupId, resource, resourceId, permission);
  }
}
