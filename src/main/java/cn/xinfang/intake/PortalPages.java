package cn.xinfang.intake;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The citizen portal (网上信访) is static, under {@code static/portal/}. Spring Boot resolves a welcome
 * page only for "/" (which Camunda redirects to its webapps), so the portal's own address needs
 * these two: "/portal" gains its slash (the pages link to each other relatively) and "/portal/"
 * shows index.html.
 */
@Configuration(proxyBeanMethods = false)
class PortalPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/portal", "/portal/");
    registry.addViewController("/portal/").setViewName("forward:/portal/index.html");
  }
}
