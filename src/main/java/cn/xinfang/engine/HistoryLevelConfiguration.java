package cn.xinfang.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's history level {@value #NAME} (camunda.bpm.history-level): everything of {@code full}
 * but the copy of every variable value at every change ({@code ACT_HI_DETAIL}, {@code
 * HistoricDetail}).
 *
 * <p>What the project reads from the history stays: the user operation log (the audit trail), the
 * historic process, activity, task, identity-link, incident, job and decision instances (Cockpit),
 * and each variable's latest value ({@code ACT_HI_VARINST}). The details were 15 of the about 64
 * rows a registration writes, read by nothing here, and copies of what clerks typed into start
 * forms; without them intake is measurably faster (BENCHMARKS.md, "History level"). Camunda has no
 * public API for a history level; this one is the documented extension point (custom history
 * level), as is the plugin.
 *
 * <p>A database remembers the level it was created with, and the engine refuses to start with
 * another. Since this level is {@code full} less one kind of record, a database created at {@code
 * full} is moved to it once, before the engine checks, so that existing installations and demo
 * databases keep starting. Moving back is the same update the other way.
 */
@Configuration(proxyBeanMethods = false)
public class HistoryLevelConfiguration {

  public static final String NAME = "full-without-details";
  public static final int ID = 30;
  private static final Logger LOG = LoggerFactory.getLogger(HistoryLevelConfiguration.class);

  static final HistoryLevel FULL_WITHOUT_DETAILS =
      new AbstractHistoryLevel() {
        @Override
        public int getId() {
          return ID;
        }

        @Override
        public String getName() {
          return NAME;
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
          return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL;
        }
      };

  @Bean
  static ProcessEnginePlugin historyLevelPlugin() {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> custom =
            configuration.getCustomHistoryLevels() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        custom.add(FULL_WITHOUT_DETAILS);
        configuration.setCustomHistoryLevels(custom);
      }

      @Override
      public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (NAME.equals(configuration.getHistory())) {
          moveFromFull(configuration.getDataSource(), configuration.getDatabaseTablePrefix());
        }
      }
    };
  }

  /**
   * A database created at {@code full} (id 3) is at this level from now on; a new one has no row
   * yet.
   */
  static void moveFromFull(DataSource dataSource, String tablePrefix) {
    String prefix = tablePrefix == null ? "" : tablePrefix;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "update "
                    + prefix
                    + "ACT_GE_PROPERTY set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
      update.setString(1, Integer.toString(ID));
      update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
      if (update.executeUpdate() > 0) {
        if (!connection.getAutoCommit()) {
          connection.commit();
        }
        LOG.info("history level of the database moved from full to {}", NAME);
      }
    } catch (SQLException e) {
      // no engine tables yet: the engine creates them with this level
      LOG.debug("history level not moved: {}", e.getMessage());
    }
  }
}
