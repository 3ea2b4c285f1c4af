package cn.xinfang.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the default profile (petition.demo-data=true: one user per staff group,
 * password {@value #DEMO_PASSWORD}) and their end in production: without demo data no demo password
 * may work, also on a database that once ran the demo. The demo users (recognised by id and their
 * example.org address, or by still accepting the demo password) and the demo administrator are
 * deleted, and the configured administrator's password is the one the environment gives, set again
 * at every start (Camunda's starter creates that user only once). A restart always lets the
 * administrator in.
 */
@Component
class DemoAccounts {

  static final String DEMO_PASSWORD = "demo";

  /**
   * the administrator of the default profile (application.yaml, address demo@example.org), created
   * by Camunda's starter
   */
  static final String DEMO_ADMIN = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

  private final IdentityService identityService;
  private final boolean demoData;
  private final String adminId;
  private final String adminPassword;

  DemoAccounts(
      IdentityService identityService,
      @Value("${petition.demo-data:false}") boolean demoData,
      @Value("${camunda.bpm.admin-user.id:}") String adminId,
      @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
    this.identityService = identityService;
    this.demoData = demoData;
    this.adminId = adminId.strip();
    this.adminPassword = adminPassword;
  }

  /** After the groups exist: the demo users, or their end; and the administrator let in. */
  void ensure() {
    if (demoData) {
      StaffGroups.ALL.forEach(this::demoUser);
    } else {
      retire();
    }
    // the engine's login delay ends by itself; a restart clears it for the administrator at once
    if (!adminId.isEmpty() && identityService.createUserQuery().userId(adminId).count() > 0) {
      identityService.unlockUser(adminId);
    }
  }

  private void retire() {
    for (StaffGroups.StaffGroup g : StaffGroups.ALL) {
      User user = identityService.createUserQuery().userId(g.demoUser()).singleResult();
      // a demo user who changed their own address (staff may edit their profile) still has the demo
      // password
      if (user != null
          && !g.demoUser().equals(adminId)
          && (demoEmail(g.demoUser()).equals(user.getEmail())
              || identityService.checkPassword(g.demoUser(), DEMO_PASSWORD))) {
        identityService.deleteUser(g.demoUser());
        LOG.warn("demo user {} deleted: no demo accounts without petition.demo-data", g.demoUser());
      }
    }
    User demoAdmin = identityService.createUserQuery().userId(DEMO_ADMIN).singleResult();
    if (demoAdmin != null
        && !DEMO_ADMIN.equals(adminId)
        && demoEmail(DEMO_ADMIN).equals(demoAdmin.getEmail())) {
      identityService.deleteUser(DEMO_ADMIN);
      LOG.warn(
          "demo administrator {} deleted: no demo accounts without petition.demo-data", DEMO_ADMIN);
    }
    User admin =
        adminId.isEmpty() ? null : identityService.createUserQuery().userId(adminId).singleResult();
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
    // the webapps show "first last": a Chinese name reads right as the first name, the unit after
    // it
    user.setFirstName(g.demoUserName());
    user.setLastName("（" + g.name() + "）");
    user.setEmail(demoEmail(g.demoUser()));
    user.setPassword(DEMO_PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(g.demoUser(), g.id());
    LOG.info("demo user {} ({}) created", g.demoUser(), g.name());
  }
}
