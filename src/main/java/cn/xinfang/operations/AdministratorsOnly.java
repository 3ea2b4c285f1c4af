package cn.xinfang.operations;

import cn.xinfang.security.StaffSessionAuthenticationProvider;
import cn.xinfang.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operators' addresses (/actuator/prometheus, the OpenAPI description and Swagger UI) for
 * administrators (camunda-admin) only: HTTP Basic, as for /engine-rest, or the webapps' session of
 * an administrator logged in to Cockpit. Anyone else gets 401 (no or wrong credentials) or 403.
 * They answer GET only, so no CSRF token is involved. /actuator/health stays open to monitoring.
 */
final class AdministratorsOnly extends OncePerRequestFilter {

  static final String UNAUTHENTICATED = "请先以系统管理员身份登录";
  static final String REFUSED = "仅系统管理员可以查看运行指标和接口文档";

  private final ProcessEngine engine;
  private final ObjectMapper json;
  private final StaffSessionAuthenticationProvider authentication =
      new StaffSessionAuthenticationProvider();

  AdministratorsOnly(ProcessEngine engine, ObjectMapper json) {
    this.engine = engine;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    AuthenticationResult result = authentication.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) {
      authentication.augmentResponseByAuthenticationChallenge(response, engine);
      new ApiError(UNAUTHENTICATED, null)
          .write(response, HttpServletResponse.SC_UNAUTHORIZED, json);
      return;
    }
    boolean administrator =
        engine
                .getIdentityService()
                .createGroupQuery()
                .groupMember(result.getAuthenticatedUser())
                .groupId(Groups.CAMUNDA_ADMIN)
                .count()
            > 0;
    if (!administrator) {
      new ApiError(REFUSED, null).write(response, HttpServletResponse.SC_FORBIDDEN, json);
      return;
    }
    chain.doFilter(request, response);
  }
}
