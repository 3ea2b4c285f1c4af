package cn.xinfang.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The display names of staff users (the first name in Camunda Admin holds the person's name, see
 * the demo accounts): how approvers are named to the next level and in the staff case file. Called
 * from listeners and the staff API inside an authenticated request, so the lookup runs as the
 * system: a unit member may not list users, but reads who decided on the draft in front of them.
 */
@Component
public class UserNames {

  private final IdentityService identityService;

  public UserNames(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user's name, or the id when the user has none or no longer exists; null for null. */
  public String name(String userId) {
    if (userId == null) {
      return null;
    }
    User[] found = {null};
    AsSystem.run(
        identityService,
        () -> found[0] = identityService.createUserQuery().userId(userId).singleResult());
    User user = found[0];
    return user == null || user.getFirstName() == null || user.getFirstName().isBlank()
        ? userId
        : user.getFirstName().strip();
  }
}
