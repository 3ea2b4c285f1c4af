package cn.xinfang.dashboard;

import cn.xinfang.engine.CurrentUser;
import cn.xinfang.security.StaffSessionAuthenticationProvider;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's pages (/dashboard/) behind the webapps' login, the same as Tasklist and Cockpit:
 * a visitor without that session is sent to the Welcome login, which sends them back here
 * afterwards (welcome/scripts/xinfang/return.js, only to a /dashboard/ address); a logged-in user
 * outside the readers of 网上判 ({@link CurrentUser#readsSituation()}) gets a Chinese 403 page. The
 * user's groups are read from the engine at every page load, so a membership an administrator
 * removed counts at once, and a session of a deleted user counts no more. The pages get a strict
 * policy of their own (scripts and styles of this application only, nothing framed, no referrer).
 */
final class DashboardPageGate extends OncePerRequestFilter {

  static final String LOGIN = "/camunda/app/welcome/default/";

  static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final ProcessEngine engine;

  DashboardPageGate(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", POLICY);
    response.setHeader("Cache-Control", "no-store");
    String user = StaffSessionAuthenticationProvider.sessionUser(request, engine);
    if (user == null) {
      // back to the dashboard's start page after the login: a fixed address, never one from the
      // request
      response.sendRedirect(request.getContextPath() + LOGIN + "?returnTo=%2Fdashboard%2F#!/login");
      return;
    }
    boolean reader =
        CurrentUser.readsSituation(
            engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList());
    if (!reader) {
      refuse(response);
      return;
    }
    chain.doFilter(request, response);
  }

  static void refuse(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    response.setContentType("text/html;charset=UTF-8");
    byte[] page =
        ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>无权查看 - 态势分析</title></head><body style=\"font-family:sans-serif;"
                + "margin:3em\"><h1>无权查看</h1><p>"
                // the refusal without its heading
                + DashboardController.REFUSAL.substring(
                    DashboardController.REFUSAL.indexOf('：') + 1)
                + "。</p><p><a href=\"/camunda/app/welcome/default/\">返回首页</a></p></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    response.setContentLength(page.length);
    response.getOutputStream().write(page);
  }
}
