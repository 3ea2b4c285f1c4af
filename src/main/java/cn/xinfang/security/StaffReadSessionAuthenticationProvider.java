package cn.xinfang.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * HTTP Basic, as everywhere behind {@link EngineRestSecurity}; in addition, for reading the staff
 * API ({@code GET /api/staff/...}: the clerk's registrations and a receipt), the user already
 * logged into Tasklist in the same browser. Tasklist's 登记回执 lists a clerk's registrations and opens
 * a receipt in a new tab, and a browser cannot send Basic credentials it never had.
 *
 * <p>Only reads: anything else still needs Basic (and passes {@link CrossSiteGuard}), so a page of
 * another site can at most make the clerk's own browser show the clerk a receipt it cannot read.
 * Not /engine-rest, whose reads the webapps reach through their own CSRF-protected API. The user
 * must still exist; the engine's authorizations and {@link StaffCommandPolicy} apply as with Basic,
 * and the filter looks the user's groups up again.
 */
public class StaffReadSessionAuthenticationProvider implements AuthenticationProvider {

  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static final String STAFF_API = "/api/staff/";

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    if (request.getHeader("Authorization") == null && sessionMayRead(request)) {
      String userId = sessionUser(request, engine);
      if (userId != null
          && engine.getIdentityService().createUserQuery().userId(userId).count() > 0) {
        return AuthenticationResult.successful(userId);
      }
    }
    return basic.extractAuthenticatedUser(request, engine);
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    basic.augmentResponseByAuthenticationChallenge(response, engine);
  }

  private static boolean sessionMayRead(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return READS.contains(request.getMethod()) && path.startsWith(STAFF_API);
  }

  private static String sessionUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return null;
    }
    Authentication user = authentications.getAuthenticationForProcessEngine(engine.getName());
    return user == null || user == Authentication.ANONYMOUS ? null : user.getIdentityId();
  }
}
