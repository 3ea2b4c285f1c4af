package cn.xinfang.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the engine's authorization checks from reading the whole authorization table on every
 * request.
 *
 * <p>Before each check, Camunda 7 narrows the user's groups to those holding any grant, by reading
 * the ids of all groups that do: {@code select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION}, once
 * per command, so once per click in Tasklist and per call of /engine-rest. That table grows with
 * every case, since each case leaves per-case and per-task history grants (CaseAccess,
 * enable-historic-instance-permissions). At 1,000,000 ended cases it held 6.2 million rows, the
 * statement took 0.6 s on three PostgreSQL processes, and the bureau's worklist answered in 5.4 s
 * instead of 1.4 s (BENCHMARKS.md, "Growth").
 *
 * <p>The narrowing saves nothing for a user of a few groups (staff here belong to one or two): a
 * group without grants matches no row of a check, so the checks give the same answers with the
 * user's groups as they are. Users with at least {@code
 * petition.authorization.group-filter-threshold} groups (default 20) keep the engine's narrowing,
 * which then shortens long lists. Operaton and CIB seven offer the same as the engine setting
 * {@code authGroupFilterThreshold}; Camunda 7.24 has none, so this replaces the engine's
 * authorization manager through its session factories, internal API that a move to Operaton drops.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizedGroupsConfiguration {

  @Bean
  static ProcessEnginePlugin authorizedGroupsPlugin(
      @Value("${petition.authorization.group-filter-threshold:20}") int threshold) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories =
            configuration.getCustomSessionFactories() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(
            new SessionFactory() {
              @Override
              public Class<?> getSessionType() {
                return AuthorizationManager.class;
              }

              @Override
              public Session openSession() {
                return new GroupsAsTheyAre(threshold);
              }
            });
        configuration.setCustomSessionFactories(factories);
      }
    };
  }

  /** The engine's authorization manager, but for the narrowing of a short list of groups. */
  static class GroupsAsTheyAre extends AuthorizationManager {

    private final int threshold;

    GroupsAsTheyAre(int threshold) {
      this.threshold = threshold;
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.size() >= threshold) {
        return super.filterAuthenticatedGroupIds(authenticatedGroupIds);
      }
      return authenticatedGroupIds;
    }
  }
}
