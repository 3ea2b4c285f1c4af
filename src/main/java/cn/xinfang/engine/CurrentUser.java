package cn.xinfang.engine;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

/**
 * The staff user the current request authenticated as (Tasklist, /engine-rest, the staff API), as
 * the engine knows it; none for the public API, timers and jobs. The engine answers with a type of
 * its internal API, which stays in here.
 */
@Component
public class CurrentUser {

  private final IdentityService identity;

  public CurrentUser(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<String> id() {
    var user = identity.getCurrentAuthentication();
    return Optional.ofNullable(user == null ? null : user.getUserId());
  }

  /** The user's groups; empty without a user. */
  public Set<String> groups() {
    var user = identity.getCurrentAuthentication();
    List<String> groups = user == null ? null : user.getGroupIds();
    return groups == null ? Set.of() : Set.copyOf(groups);
  }

  public boolean isAdministrator() {
    return groups().contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * 网上判: the leaders ({@code leaders}), the supervisors ({@code supervision}) and administrators
   * read the metrics, the early warnings and the dashboard (docs/security.md); nobody else.
   */
  public boolean readsSituation() {
    return readsSituation(groups());
  }

  /** {@link #readsSituation()} for the groups of a user the engine is not authenticated as. */
  public static boolean readsSituation(Collection<String> groups) {
    return groups.contains(PetitionProcess.Group.LEADERS)
        || groups.contains(PetitionProcess.Group.SUPERVISION)
        || groups.contains(Groups.CAMUNDA_ADMIN);
  }
}
