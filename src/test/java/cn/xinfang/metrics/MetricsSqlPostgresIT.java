package cn.xinfang.metrics;

import cn.xinfang.support.PostgresDatabase;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@link MetricsSqlTest} on PostgreSQL: the same statements must mean the same on both. */
class MetricsSqlPostgresIT extends MetricsSqlTest {

  @RegisterExtension final PostgresDatabase postgres = new PostgresDatabase();

  @Override
  DataSource database() {
    Map<String, Object> p = postgres.properties();
    return new DriverManagerDataSource(
        (String) p.get("spring.datasource.url"),
        (String) p.get("spring.datasource.username"),
        (String) p.get("spring.datasource.password"));
  }
}
