package cn.xinfang.engine;

import org.camunda.bpm.engine.IdentityService;

/**
 * Runs engine calls that are the platform's own housekeeping, not the current user's act (starting
 * a notice delivery, deleting historic personal data): without the user's authentication, so that
 * the user needs no permission for them, and with it restored afterwards.
 */
public final class AsSystem {

  private AsSystem() {}

  public static void run(IdentityService identity, Runnable work) {
    var user = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      work.run();
    } finally {
      if (user != null) {
        identity.setAuthentication(user);
      }
    }
  }
}
