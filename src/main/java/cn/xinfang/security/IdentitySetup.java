package cn.xinfang.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import cn.xinfang.engine.PetitionProcess;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Staff groups, their authorizations and the shared Tasklist filters, created at start-up and left
 * alone when they exist (an administrator's later changes stay). Demo users only with
 * petition.demo-data=true (the default profile). Task access itself comes from candidate groups:
 * the engine grants READ and UPDATE on a task to its candidate group.
 */
@Component
class IdentitySetup implements SmartInitializingSingleton {

  static final String DEMO_PASSWORD = "demo";
  /** the administrator of the default profile (application.yaml, address demo@example.org), created by Camunda's starter */
  static final String DEMO_ADMIN = "demo";
  private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final FilterService filterService;
  private final TaskService taskService;
  private final boolean demoData;
  private final String adminId;
  private final String adminPassword;

  IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
      FilterService filterService, TaskService taskService, @Value("${petition.demo-data:false}") boolean demoData,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.filterService = filterService;
    this.taskService = taskService;
    this.demoData = demoData;
    this.adminId = adminId.strip();
    this.adminPassword = adminPassword;
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
      if (demoData) {
        demoUser(g);
      }
    }
    // only the bureau registers petitions from Tasklist's start form
    grant(PetitionProcess.Group.BUREAU, Resources.PROCESS_DEFINITION, PetitionProcess.PROCESS_KEY,
        Permissions.CREATE_INSTANCE);
    grant(PetitionProcess.Group.BUREAU, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    filters();
    if (!demoData) {
      retireDemoAccounts();
    }
    // a restart always lets the administrator in: the engine's login delay ends by itself, and this clears it
    if (!adminId.isEmpty() && identityService.createUserQuery().userId(adminId).count() > 0) {
      identityService.unlockUser(adminId);
    }
  }

  /**
   * Without demo data (the production profile) no demo password may work, also on a database that
   * once ran the demo: the demo users this class created (recognised by id and their example.org
   * address) and the demo administrator are deleted, and the configured administrator's password is the
   * one the environment gives, set again at every start (Camunda's starter creates that user only once).
   */
  private void retireDemoAccounts() {
    for (StaffGroups.StaffGroup g : StaffGroups.ALL) {
      User user = identityService.createUserQuery().userId(g.demoUser()).singleResult();
      // a demo user who changed their own address (staff may edit their profile) still has the demo password
      if (user != null && !g.demoUser().equals(adminId) && (demoEmail(g.demoUser()).equals(user.getEmail())
          || identityService.checkPassword(g.demoUser(), DEMO_PASSWORD))) {
        identityService.deleteUser(g.demoUser());
        LOG.warn("demo user {} deleted: no demo accounts without petition.demo-data", g.demoUser());
      }
    }
    User demoAdmin = identityService.createUserQuery().userId(DEMO_ADMIN).singleResult();
    if (demoAdmin != null && !DEMO_ADMIN.equals(adminId) && demoEmail(DEMO_ADMIN).equals(demoAdmin.getEmail())) {
      identityService.deleteUser(DEMO_ADMIN);
      LOG.warn("demo administrator {} deleted: no demo accounts without petition.demo-data", DEMO_ADMIN);
    }
    User admin = adminId.isEmpty() ? null : identityService.createUserQuery().userId(adminId).singleResult();
    if (admin != null && !adminPassword.isEmpty()) {
      admin.setPassword(adminPassword);
      identityService.saveUser(admin);
    }
  }

  private static String demoEmail(String userId) {
    return userId + "@example.org";
  }

  private void demoUser(StaffGroups.StaffGroup g) {
    if (identityService.createUserQuery().userId(g.demoUser()).count() > 0) {
      return;
    }
    User user = identityService.newUser(g.demoUser());
    // the webapps show "first last": a Chinese name reads right as the first name, the unit after it
    user.setFirstName(g.demoUserName());
    user.setLastName("（" + g.name() + "）");
    user.setEmail(demoEmail(g.demoUser()));
    user.setPassword(DEMO_PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(g.demoUser(), g.id());
    LOG.info("demo user {} ({}) created", g.demoUser(), g.name());
  }

  /** 本组待办, 我的待办, 即将超期: shared by every staff user, each sorted by due date. */
  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Grants.toGroup(authorizationService, groupId, resource, resourceId, permission);
  }

  private void filters() {
    filter("本组待办", "本组的任务（含已被认领的），按截止日期排序", -10,
        taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks().orderByDueDate().asc());
    filter("我的待办", "已由我认领的任务，按截止日期排序", -5,
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
    filter("即将超期", "3 日内到期或已超期的本人及本组任务", 0,
        taskService.createTaskQuery()
            .or().taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskAssigneeExpression("${currentUser()}").endOr()
            .dueBeforeExpression("${dateTime().plusDays(3)}")
            .orderByDueDate().asc());
  }

  private void filter(String name, String description, int priority, TaskQuery query) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter = filterService.newTaskFilter(name)
        .setQuery(query)
        .setProperties(Map.of(
            "description", description,
            "priority", priority,
            "refresh", true,
            "variables", List.of(
                Map.of("name", "caseNumber", "label", "案件编号"),
                Map.of("name", "title", "label", "标题"))));
    filterService.saveFilter(filter);
    Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
    everyone.setUserId(ANY);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(filter.getId());
    everyone.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(everyone);
  }
}
