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
    User existing = identityService.createUserQuery().userId(g.demoUser()).singleResult();
    if (existing != null) {
      renameFromUnitInSurname(existing, g);
      return;
    }
    User user = identityService.newUser(g.demoUser());
    name(user, g);
    user.setEmail(demoEmail(g.demoUser()));
    user.setPassword(DEMO_PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(g.demoUser(), g.id());
    LOG.info("demo user {} ({}) created", g.demoUser(), g.name());
  }

  /**
   * 姓 (last name) and 名 (first name) as Camunda's fields mean them; the unit is the user's group,
   * never part of the name. Every demo name has a one-character surname.
   */
  private static void name(User user, StaffGroups.StaffGroup g) {
    String fullName = g.demoUserName();
    int surnameEnd = fullName.offsetByCodePoints(0, 1);
    user.setLastName(fullName.substring(0, surnameEnd));
    user.setFirstName(fullName.substring(surnameEnd));
  }

  /**
   * Demo users created before held the whole name as first name and "（unit）" as last name; such a
   * user is renamed at start. A name someone changed since is left alone.
   */
  private void renameFromUnitInSurname(User user, StaffGroups.StaffGroup g) {
    if (("（" + g.name() + "）").equals(user.getLastName())
        && g.demoUserName().equals(user.getFirstName())) {
      name(user, g);
      identityService.saveUser(user);
      LOG.info("demo user {}: surname and given name instead of the unit", g.demoUser());
    }
  }
}
