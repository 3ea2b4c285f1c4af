package cn.xinfang.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * /engine-rest is open by default; here it requires HTTP Basic against the engine's users (Camunda
 * Modeler deploys with the same credentials). Authorizations then apply to every call, and the
 * staff policy ({@link StaffCommandPolicy}) before them. The staff API (/api/staff, /api/audit)
 * authenticates the same way, /api/staff also with the webapps' login ({@link
 * StaffSessionAuthenticationProvider}), and so do the metrics (/api/metrics) and the early warnings
 * (/api/warnings). In front of the authentication: cross-site browser requests are refused ({@link
 * CrossSiteGuard}) and failed logins are slowed per client address ({@link LoginThrottle}, also for
 * the webapps' login form).
 */
@Configuration
class EngineRestSecurity {

  static final String[] BASIC_AUTHENTICATED = {
    "/engine-rest/*",
    "/api/staff/*",
    "/api/audit/*",
    "/api/metrics",
    "/api/metrics/*",
    "/api/warnings/*"
  };

  /** Basic only; the staff API also takes the webapps' session (case-file tab in Tasklist). */
  static final String[] BASIC_ONLY = {"/engine-rest/*", "/api/audit/*"};

  /** Basic or the webapps' session: the case file, and the warnings (the leaders' dashboard). */
  static final String[] STAFF_API = {"/api/staff/*", "/api/warnings/*"};

  /**
   * Addresses with their own authentication that also take passwords: the dashboard's figures
   * (cn.xinfang.dashboard) and the operators' addresses (cn.xinfang.operations).
   */
  static final String[] OTHER_LOGINS = {
    "/api/dashboard/*", "/actuator/prometheus", "/v3/*", "/swagger-ui/*", "/swagger-ui.html"
  };

  /** 网上判 (cn.xinfang.metrics): read by the leaders' dashboard with the webapps' session. */
  static final String[] METRICS_API = {"/api/metrics", "/api/metrics/*"};

  @Bean
  FilterRegistrationBean<CrossSiteGuard> crossSiteGuard(
      SecurityProperties properties, ObjectMapper json) {
    FilterRegistrationBean<CrossSiteGuard> registration =
        new FilterRegistrationBean<>(new CrossSiteGuard(properties, json));
    registration.setName("engine-rest-cross-site-guard");
    registration.addUrlPatterns(BASIC_AUTHENTICATED);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginThrottle> loginThrottle(
      SecurityProperties properties, Clock clock, ObjectMapper json) {
    FilterRegistrationBean<LoginThrottle> registration =
        new FilterRegistrationBean<>(new LoginThrottle(properties, clock, json));
    registration.setName("login-throttle");
    registration.addUrlPatterns(BASIC_AUTHENTICATED);
    registration.addUrlPatterns(LoginThrottle.WEBAPP_LOGIN + "*");
    registration.addUrlPatterns(OTHER_LOGINS);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-authentication");
    registration.addInitParameter(
        "authentication-provider",
        "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
    // the audit trail uses the same accounts (cn.xinfang.staff)
    registration.addUrlPatterns(BASIC_ONLY);
    return registration;
  }

  /**
   * The staff case file: the same accounts by HTTP Basic, or the webapps' session with its CSRF
   * token ({@link StaffSessionAuthenticationProvider}), for Tasklist's case-file tab.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> staffApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("staff-api-authentication");
    registration.addInitParameter(
        "authentication-provider", StaffSessionAuthenticationProvider.class.getName());
    registration.addUrlPatterns(STAFF_API);
    registration.addUrlPatterns(METRICS_API);
    return registration;
  }
}
