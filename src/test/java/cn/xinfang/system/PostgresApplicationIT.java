package cn.xinfang.system;

import cn.xinfang.support.PostgresDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production database: a fresh PostgreSQL database on the local server, created and dropped by the
 * test (see {@link PostgresDatabase}: skipped without a server on a developer machine, failed in CI).
 */
class PostgresApplicationIT extends ApplicationScenario {

  @RegisterExtension
  final PostgresDatabase database = new PostgresDatabase();

  @Override
  Map<String, Object> database() {
    return database.properties();
  }

  @Test
  void aCaseLivesFromRegistrationToTerminationAndSurvivesARestartOnPostgres() throws Exception {
    runTheWholeLifecycleAndRestart();
  }
}
