package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.database.PostgresTuning;
import cn.xinfang.database.StaffReadPlans;
import cn.xinfang.support.PostgresDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production database: a fresh PostgreSQL database on the local server, created and dropped by
 * the test (see {@link PostgresDatabase}: skipped without a server on a developer machine, failed
 * in CI).
 */
class PostgresApplicationIT extends ApplicationScenario {

  @RegisterExtension final PostgresDatabase database = new PostgresDatabase();

  @Override
  Map<String, Object> database() {
    return database.properties();
  }

  /**
   * The PostgreSQL tuning of BENCHMARKS.md is in place: no JIT in the pool's sessions, the staff's
   * reads planned each time, planner statistics.
   */
  @Override
  void checkDatabase(ConfigurableApplicationContext app) throws Exception {
    JdbcClient jdbc = JdbcClient.create(app.getBean(DataSource.class));
    assertThat(jdbc.sql("show jit").query(String.class).single()).isEqualTo("off");
    assertThat(jdbc.sql("show random_page_cost").query(String.class).single()).isEqualTo("1.1");
    // reads are planned for their parameters while they hold a connection, and give it back as it
    // was
    DataSource pool = app.getBean(DataSource.class);
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    assertThat(
            StaffReadPlans.reading(
                () ->
                    JdbcClient.create(pool)
                        .sql("show plan_cache_mode")
                        .query(String.class)
                        .single()))
        .isEqualTo("force_custom_plan");
    assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
    assertThat(
            jdbc.sql("select count(*) from pg_statistic_ext where stxname = ?")
                .param(PostgresTuning.STATISTICS)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // on the grantee columns and the resource type together with the permission expressions
    assertThat(
            jdbc.sql(
                    "select count(*) from pg_statistic_ext s join pg_attribute a on a.attrelid = s.stxrelid"
                        + " and a.attnum = any(s.stxkeys) where s.stxname = ? and a.attname in ('group_id_', 'user_id_', 'resource_type_')")
                .param(PostgresTuning.STATISTICS)
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void aCaseLivesFromRegistrationToTerminationAndSurvivesARestartOnPostgres() throws Exception {
    runTheWholeLifecycleAndRestart();
  }
}
