package cn.xinfang.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link ModelSetCompletion} in front of the engine's commands, after the staff policy.
 */
@Configuration(proxyBeanMethods = false)
class ModelDeploymentConfiguration {

  @Bean
  static ProcessEnginePlugin modelSetCompletionPlugin(ApplicationContext context) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors =
            configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new ModelSetCompletion(configuration, context::containsBean));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
    };
  }
}
