package cn.xinfang.warning;

import cn.xinfang.support.ApplicationTestConfiguration;
import cn.xinfang.support.PostgresDatabase;
import cn.xinfang.support.ResetClockExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The warning scenarios on a fresh PostgreSQL database (created and dropped by the test): the
 * savepoint of a raise, the SURGE count, the OVERDUE anti-join and the list's paging in
 * PostgreSQL's SQL.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "petition.demo-data=true",
      "camunda.bpm.job-execution.enabled=false",
      "petition.supervision.watch-interval=PT100000H",
      "petition.warnings.scan-interval=PT100000H",
      "petition.intake.lookup-misses-per-minute=10000"
    })
@Import(ApplicationTestConfiguration.class)
@ExtendWith(ResetClockExtension.class)
class WarningsPostgresIT extends WarningScenarios {

  @RegisterExtension static final PostgresDatabase DATABASE = PostgresDatabase.perClass();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    for (String key :
        new String[] {
          "spring.datasource.url", "spring.datasource.username", "spring.datasource.password"
        }) {
      registry.add(key, () -> DATABASE.properties().get(key));
    }
  }
}
