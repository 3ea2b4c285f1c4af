package cn.xinfang.security;

import cn.xinfang.web.ClientLimits;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows password guessing per client address: each login that fails (HTTP Basic on /engine-rest and
 * the staff API, the webapps' login form) costs the address a token; with none left, its logins
 * answer 429 without reaching the engine until the tokens refill
 * (petition.security.login-failures-per-address per login-failure-window). Per user the engine adds
 * its own delay after each wrong password, a few seconds growing to a minute, and never locks an
 * account for good (EngineHardening), so an attacker can neither guess quickly nor lock the
 * administrator out; and since the throttled attempts never reach the engine, they do not prolong
 * the user's delay either.
 */
final class LoginThrottle extends OncePerRequestFilter {

  static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
  static final String MESSAGE = "登录失败次数过多，请稍后再试";

  private final ClientLimits failures;
  private final ObjectMapper json;

  LoginThrottle(SecurityProperties properties, Clock clock, ObjectMapper json) {
    this.failures =
        new ClientLimits(
            properties.loginFailuresPerAddress(), properties.loginFailureWindow(), clock);
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isLogin(request)) {
      chain.doFilter(request, response);
      return;
    }
    Bucket bucket = failures.of(request.getRemoteAddr());
    if (!bucket.estimateAbilityToConsume(1).canBeConsumed()) {
      ClientLimits.refuse(response, json, MESSAGE, bucket);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      bucket.tryConsume(1);
    }
  }

  /** A request that presents a password: HTTP Basic credentials, or the webapps' login form. */
  private static boolean isLogin(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod())
        && path.startsWith(WEBAPP_LOGIN)
        && path.contains("/login/");
  }
}
