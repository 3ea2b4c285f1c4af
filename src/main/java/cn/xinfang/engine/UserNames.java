package cn.xinfang.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The display names of staff users (姓 and 名 as Camunda Admin's last and first name): how approvers
 * are named to the next level and in the staff case file. Called from listeners and the staff API
 * inside an authenticated request, so the lookup runs as the system: a unit member may not list
 * users, but reads who decided on the draft in front of them.
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
    if (user == null) {
      return userId;
    }
    String name = fullName(user.getLastName(), user.getFirstName());
    return name.isEmpty() ? userId : name;
  }

  /**
   * 姓 then 名 without a space, as a Chinese name is written (郑 + 国华 = 郑国华); other names as "first
   * last". Either part may be missing.
   */
  static String fullName(String surname, String givenName) {
    String last = surname == null ? "" : surname.strip();
    String first = givenName == null ? "" : givenName.strip();
    if (last.isEmpty() || first.isEmpty()) {
      return last + first;
    }
    return chinese(last) && chinese(first) ? last + first : first + " " + last;
  }

  private static boolean chinese(String text) {
    return text.codePoints()
        .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
