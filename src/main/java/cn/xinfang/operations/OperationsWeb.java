package cn.xinfang.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who reaches the operators' addresses: /actuator/prometheus (the platform's figures for
 * Prometheus), /v3/api-docs (the OpenAPI description, also .yaml) and Swagger UI, administrators
 * only ({@link AdministratorsOnly}); the login throttle covers them as /engine-rest
 * (security/EngineRestSecurity). /actuator/health and /actuator/info are not covered: monitoring
 * and load balancers read them without a password.
 */
@Configuration(proxyBeanMethods = false)
class OperationsWeb {

  static final String[] ADMINISTRATORS_ONLY = {
    "/actuator/prometheus", "/actuator/prometheus/*", "/v3/*", "/swagger-ui/*", "/swagger-ui.html"
  };

  @Bean
  FilterRegistrationBean<AdministratorsOnly> administratorsOnly(
      ProcessEngine engine, ObjectMapper json) {
    FilterRegistrationBean<AdministratorsOnly> registration =
        new FilterRegistrationBean<>(new AdministratorsOnly(engine, json));
    registration.setName("operations-administrators-only");
    registration.addUrlPatterns(ADMINISTRATORS_ONLY);
    return registration;
  }
}
