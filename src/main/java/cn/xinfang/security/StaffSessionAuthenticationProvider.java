package cn.xinfang.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The staff API's authentication: HTTP Basic, as for /engine-rest, or the session of a user logged
 * in to the webapps (Tasklist's case-file tab calls the staff API from the browser). The session
 * counts only as the webapps' own login for this engine, and a request that changes something
 * (anything but GET, HEAD, OPTIONS) must carry the webapps' CSRF token ({@code X-XSRF-TOKEN}, the
 * value Tasklist hands its plugins), which a page of another site cannot read; {@link
 * CrossSiteGuard} refuses such pages' requests by their Origin before this. The user's groups are
 * then read from the engine by the filter, as for Basic. A browser call ({@code X-Requested-With})
 * gets no Basic challenge, so an expired session does not open the browser's login dialog.
 */
public class StaffSessionAuthenticationProvider implements AuthenticationProvider {

  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
  private final ThreadLocal<Boolean> browser = ThreadLocal.withInitial(() -> false);

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    browser.set(request.getHeader("X-Requested-With") != null);
    if (request.getHeader("Authorization") != null) {
      return basic.extractAuthenticatedUser(request, engine);
    }
    String user = sessionUser(request, engine);
    if (user == null) {
      return AuthenticationResult.unsuccessful();
    }
    if (!SAFE.contains(request.getMethod())
        && !csrfTokenMatches(request, request.getSession(false))) {
      return AuthenticationResult.unsuccessful(user);
    }
    return AuthenticationResult.successful(user);
  }

  /**
   * The user the webapps' login (Tasklist, Cockpit, Welcome) put in the request's session, if that
   * user still exists; null otherwise. No CSRF check: for reading only.
   */
  public static String sessionUser(HttpServletRequest request, ProcessEngine engine) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Authentications all = AuthenticationUtil.getAuthsFromSession(session);
    Authentication user =
        all == null ? null : all.getAuthenticationForProcessEngine(engine.getName());
    if (user == null
        || user.getIdentityId() == null
        // a session outlives a user an administrator deleted meanwhile: it counts no more
        || engine.getIdentityService().createUserQuery().userId(user.getIdentityId()).count()
            == 0) {
      return null;
    }
    return user.getIdentityId();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(
      HttpServletResponse response, ProcessEngine engine) {
    if (!browser.get()) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
    }
  }

  private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
    Object expected = session.getAttribute(CSRF_SESSION_ATTRIBUTE);
    String sent = request.getHeader(CSRF_HEADER);
    return expected instanceof String token
        && sent != null
        && MessageDigest.isEqual(
            token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
