package cn.xinfang.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * /engine-rest is open by default; here it requires HTTP Basic against the engine's users (Camunda
 * Modeler deploys with the same credentials). Authorizations then apply to every call. The staff API
 * (/api/staff, /api/audit) authenticates the same way.
 */
@Configuration
class EngineRestSecurity {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-basic-authentication");
    registration.addInitParameter("authentication-provider",
        "org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider");
    // the staff case file and the audit trail use the same accounts (cn.xinfang.staff)
    registration.addUrlPatterns("/engine-rest/*", "/api/staff/*", "/api/audit/*");
    return registration;
  }
}
