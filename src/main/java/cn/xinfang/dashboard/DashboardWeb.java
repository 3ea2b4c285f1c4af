package cn.xinfang.dashboard;

import cn.xinfang.security.StaffSessionAuthenticationProvider;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The leaders' dashboard (态势分析): the static page under {@code static/dashboard/} behind the
 * webapps' login ({@link DashboardPageGate}), and its own figures under /api/dashboard, which take
 * the webapps' session or HTTP Basic like the staff API (the page reads /api/metrics and
 * /api/warnings the same way). Only GET is mapped here, so no CSRF token is needed.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWeb implements WebMvcConfigurer {

  static final String PAGES = "/dashboard/*";
  static final String API = "/api/dashboard/*";

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/dashboard", "/dashboard/");
    registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
  }

  @Bean
  FilterRegistrationBean<DashboardPageGate> dashboardPageGate(ProcessEngine engine) {
    FilterRegistrationBean<DashboardPageGate> registration =
        new FilterRegistrationBean<>(new DashboardPageGate(engine));
    registration.setName("dashboard-page-gate");
    registration.addUrlPatterns(PAGES);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> dashboardApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("dashboard-api-authentication");
    registration.addInitParameter(
        "authentication-provider", StaffSessionAuthenticationProvider.class.getName());
    registration.addUrlPatterns(API);
    return registration;
  }
}
