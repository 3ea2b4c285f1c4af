package cn.xinfang.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.runtime.DeserializationTypeValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's own security switches, set in code so that no configuration file can loosen them:
 *
 * <ul>
 *   <li><b>Deserialization type validation</b> on, with an exact allow-list ({@link
 *       AllowedVariableTypes}): an Object variable naming any other class (a JDBC data source whose
 *       URL runs SQL, say) is refused when it is read, by Cockpit, /engine-rest or the engine
 *       itself. Java serialization stays off (the engine's default).
 *   <li><b>Task grants</b> without UPDATE and without history ({@link TaskGrants}); a database
 *       written before is brought to them once ({@link TaskGrantMigration}).
 *   <li><b>An unhandled BPMN error fails</b> instead of silently ending the case where no boundary
 *       event catches it.
 *   <li><b>No permanent lock-out</b>: the engine locks an account for a few seconds after each
 *       wrong password (login-delay-*, up to a minute) but never for good, so nobody can lock the
 *       administrator out by guessing; guessing itself is slowed per client address by {@link
 *       LoginThrottle}.
 *   <li><b>The staff surface</b>, one command interceptor in front of every engine command ({@link
 *       StaffCommandPolicy}).
 * </ul>
 *
 * A plugin is the engine's supported way to set these; the classes it touches are Camunda's
 * internal configuration API, which Operaton keeps under its own package names.
 */
@Configuration(proxyBeanMethods = false)
class EngineHardening {

  @Bean
  static ProcessEnginePlugin engineHardeningPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDeserializationTypeValidationEnabled(true);
        configuration.setDeserializationTypeValidator(new AllowedVariableTypes());
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setEnableExceptionsAfterUnhandledBpmnError(true);
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setResourceAuthorizationProvider(new TaskGrants());
        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        List<CommandInterceptor> interceptors =
            configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new StaffCommandPolicy(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }

      @Override
      public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
            (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        TaskGrantMigration.run(
            engine.getManagementService(),
            configuration.getDataSource(),
            configuration.getDatabaseTablePrefix());
      }
    };
  }

  /**
   * The classes an Object variable may be read back as: text, numbers, dates and the plain
   * collections the engine itself stores (a decision table's list result). Exact names, no package
   * wildcards: even {@code java.lang} holds classes that do things when built.
   */
  static final class AllowedVariableTypes implements DeserializationTypeValidator {

    static final Set<String> CLASSES =
        new HashSet<>(
            Arrays.asList(
                "java.lang.Object",
                "java.lang.String",
                "java.lang.Boolean",
                "java.lang.Character",
                "java.lang.Byte",
                "java.lang.Short",
                "java.lang.Integer",
                "java.lang.Long",
                "java.lang.Float",
                "java.lang.Double",
                "java.math.BigDecimal",
                "java.math.BigInteger",
                "java.util.Date",
                "java.util.ArrayList",
                "java.util.Arrays$ArrayList",
                "java.util.LinkedList",
                "java.util.HashMap",
                "java.util.LinkedHashMap",
                "java.util.TreeMap",
                "java.util.HashSet",
                "java.util.LinkedHashSet",
                "java.util.TreeSet"));

    @Override
    public boolean validate(String className) {
      return className == null || className.isBlank() || CLASSES.contains(className.strip());
    }
  }
}
