package cn.xinfang.intake;

import cn.xinfang.web.RequestPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers of what the public reaches, the portal and the public API: no MIME sniffing, no
 * referrer (a page's address never travels to another site), never framed by another site (the CSP
 * meta tag of the pages cannot say frame-ancestors), and the portal's files revalidated, so that
 * after an upgrade a browser never mixes old and new scripts.
 */
@Component
class PublicHeaders extends OncePerRequestFilter {

  /** the pages' own meta policy, and frame-ancestors, which only a header can say */
  static final String PORTAL_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
          + "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !(RequestPaths.under(request, "/portal")
        || RequestPaths.under(request, "/api/petitions"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    if (RequestPaths.under(request, "/portal")) {
      response.setHeader("Content-Security-Policy", PORTAL_POLICY);
      response.setHeader("Cache-Control", "no-cache");
    }
    chain.doFilter(request, response);
  }
}
