package cn.xinfang.security;

import cn.xinfang.web.ApiError;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /engine-rest and the staff API authenticate with HTTP Basic, which a browser sends again by
 * itself once a user has typed it, also with a form or a script another site makes it submit. A
 * request that changes something (anything but GET, HEAD, OPTIONS) and comes from a browser page of
 * another site, as its {@code Origin} or {@code Sec-Fetch-Site} header says, is refused (403)
 * before it is authenticated. Clients that are not browsers (Camunda Modeler, scripts, other
 * systems) send neither header and are not affected; the webapps (Tasklist, Cockpit) use their own
 * API with a CSRF token.
 */
final class CrossSiteGuard extends OncePerRequestFilter {

  static final String MESSAGE = "拒绝跨站请求：其他网站的网页不能代您操作本系统";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final Set<String> allowedOrigins;
  private final ObjectMapper json;

  CrossSiteGuard(SecurityProperties properties, ObjectMapper json) {
    this.allowedOrigins = Set.copyOf(properties.allowedOrigins());
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && crossSite(request)) {
      new ApiError(MESSAGE, null).write(response, HttpServletResponse.SC_FORBIDDEN, json);
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean crossSite(HttpServletRequest request) {
    String origin = request.getHeader("Origin");
    if (origin != null) {
      String own = request.getScheme() + "://" + request.getHeader("Host");
      return !origin.equalsIgnoreCase(own) && !allowedOrigins.contains(origin);
    }
    String site = request.getHeader("Sec-Fetch-Site");
    return site != null && !"same-origin".equals(site) && !"none".equals(site);
  }
}
