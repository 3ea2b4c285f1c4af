package cn.xinfang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The history level full-without-details: the engine keeps everything the audit trail and Cockpit
 * read, the user operation log above all, but no copy of each variable value at each change; a
 * database created at full moves to it, one at another level does not.
 */
@ApplicationIT
class HistoryLevelIT {

  @Autowired CaseDriver cases;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @Test
  void aCaseLeavesItsAuditTrailAndLatestValuesButNoVariableDetails() {
    // Given a case registered and triaged by a clerk
    Case c = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    String triage = cases.task(c, CaseDriver.TRIAGE).getId();
    identityService.setAuthentication("clerk1", List.of("bureau"));
    try {
      taskService.complete(triage, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    } finally {
      identityService.clearAuthentication();
    }

    // Then the engine runs at the level, keeps the clerk's operation and each variable's latest
    // value
    assertThat(managementService.getHistoryLevel()).isEqualTo(HistoryLevelConfiguration.ID);
    assertThat(
            historyService
                .createUserOperationLogQuery()
                .processInstanceId(c.pi().getId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .userId("clerk1")
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(c.pi().getId())
                .variableName(Var.NATURE)
                .singleResult()
                .getValue())
        .isEqualTo("CLAIM");
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(c.pi().getId())
                .activityId(CaseDriver.TRIAGE)
                .finished()
                .count())
        .isEqualTo(1);
    // and no detail row for any of the variables set at registration and at triage
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(c.pi().getId()).count())
        .isZero();
  }

  @Test
  void aDatabaseCreatedAtFullMovesToTheLevelAndNoOtherDoes() throws SQLException {
    JdbcDataSource full = database("full", "3");
    JdbcDataSource audit = database("audit", "2");

    HistoryLevelConfiguration.moveFromFull(full, "");
    HistoryLevelConfiguration.moveFromFull(audit, "");

    assertThat(historyLevel(full)).isEqualTo(Integer.toString(HistoryLevelConfiguration.ID));
    assertThat(historyLevel(audit))
        .as("the engine refuses a database at a lower level, as before")
        .isEqualTo("2");
    // and a database the engine has not created yet is left to the engine
    JdbcDataSource empty = new JdbcDataSource();
    empty.setURL("jdbc:h2:mem:history-level-empty");
    HistoryLevelConfiguration.moveFromFull(empty, "");
  }

  private static JdbcDataSource database(String name, String level) throws SQLException {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:history-level-" + name + ";DB_CLOSE_DELAY=-1");
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute(
          "create table ACT_GE_PROPERTY (NAME_ varchar(64) primary key, VALUE_ varchar(300), REV_ integer)");
      sql.execute(
          "insert into ACT_GE_PROPERTY values ('historyLevel', '"
              + level
              + "', 1), ('next.dbid', '3', 1)");
    }
    return dataSource;
  }

  private static String historyLevel(JdbcDataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement();
        ResultSet row =
            sql.executeQuery("select VALUE_ from ACT_GE_PROPERTY where NAME_ = 'historyLevel'")) {
      row.next();
      return row.getString(1);
    }
  }
}
