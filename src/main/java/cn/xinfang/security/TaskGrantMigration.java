package cn.xinfang.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the task grants of a database written before {@link TaskGrants} to what it grants now,
 * once: the engine's READ and UPDATE on open tasks become READ, TASK_WORK and TASK_ASSIGN, and the
 * grants on finished tasks' history go. Two statements, not one call per grant, because a city's
 * database holds millions of them; the engine property {@value #PROPERTY} records that it ran.
 */
final class TaskGrantMigration {

  static final String PROPERTY = "xinfang.task-grants";
  static final String VERSION = "2";
  private static final Logger LOG = LoggerFactory.getLogger(TaskGrantMigration.class);

  private TaskGrantMigration() {}

  static void run(ManagementService management, DataSource dataSource, String tablePrefix) {
    if (VERSION.equals(management.getProperties().get(PROPERTY))) {
      return;
    }
    String table = (tablePrefix == null ? "" : tablePrefix) + "ACT_RU_AUTHORIZATION";
    int old = Permissions.READ.getValue() | Permissions.UPDATE.getValue();
    int now =
        Permissions.READ.getValue()
            | Permissions.TASK_WORK.getValue()
            | Permissions.TASK_ASSIGN.getValue();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement history =
            connection.prepareStatement(
                "delete from " + table + " where RESOURCE_TYPE_ = ? and TYPE_ = ?");
        PreparedStatement tasks =
            connection.prepareStatement(
                "update "
                    + table
                    + " set PERMS_ = ?, REV_ = REV_ + 1 where RESOURCE_TYPE_ = ? and TYPE_ = ? and PERMS_ = ?")) {
      history.setInt(1, Resources.HISTORIC_TASK.resourceType());
      history.setInt(2, Authorization.AUTH_TYPE_GRANT);
      int deleted = history.executeUpdate();
      tasks.setInt(1, now);
      tasks.setInt(2, Resources.TASK.resourceType());
      tasks.setInt(3, Authorization.AUTH_TYPE_GRANT);
      tasks.setInt(4, old);
      int updated = tasks.executeUpdate();
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
      LOG.info(
          "task grants: {} on open tasks narrowed to READ, TASK_WORK, TASK_ASSIGN; {} on task history removed",
          updated,
          deleted);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot migrate the task grants", e);
    }
    management.setProperty(PROPERTY, VERSION);
  }
}
