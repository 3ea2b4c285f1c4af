package cn.xinfang.system;

import cn.xinfang.support.PostgresDatabase;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production database: a fresh PostgreSQL database on the local server, created and dropped by the
 * test (see {@link PostgresDatabase}: skipped without a server on a developer machine, failed in CI).
 */
class PostgresApplicationIT extends ApplicationScenario {

  private PostgresDatabase database;

  @BeforeEach
  void createDatabase() throws SQLException {
    database = PostgresDatabase.create();
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    if (database != null) {
      database.drop();
    }
  }

  @Override
  Map<String, Object> database() {
    return database.properties();
  }

  @Test
  void aCaseLivesFromRegistrationToTerminationAndSurvivesARestartOnPostgres() throws Exception {
    runTheWholeLifecycleAndRestart();
  }
}
