package cn.xinfang.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Runs engine calls that are the platform's own housekeeping, not the current user's act (starting
 * a notice delivery, deleting historic personal data): without the user's authentication, so that
 * the user needs no permission for them, and with it restored afterwards.
 */
public final class AsSystem {

  private AsSystem() {}

  public static void run(IdentityService identity, Runnable work) {
    call(
        identity,
        () -> {
          work.run();
          return null;
        });
  }

  public static <T> T call(IdentityService identity, Supplier<T> work) {
    var user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
