package cn.xinfang.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Measured settings for PostgreSQL (BENCHMARKS.md); nothing happens on other databases.
 *
 * <ul>
 *   <li>Session options of every pooled connection ({@code petition.postgres.session-options},
 *       default {@code -c jit=off -c random_page_cost=1.1}; empty leaves the server's settings
 *       alone). The engine's queries are short, and PostgreSQL's JIT compiled the worklist query
 *       for 0.5 s to save milliseconds. With the default page cost of 4 (disks that seek) the
 *       planner priced the worklist's index probes of the grants above comparing every task with
 *       every grant, and chose the latter below a few thousand open tasks: 340 ms at 1,849 open
 *       tasks against 30 ms with 1.1, the cost for data in memory or on SSD (95 against 145 ms at
 *       100,328). (The staff's reads are also planned per execution: {@link StaffReadPlans}.)
 *   <li>Extended statistics on the authorization table, created (and analysed) once, when the
 *       engine's schema exists and they do not yet. The engine checks permissions with {@code
 *       PERMS_ & n = n} for a user or one of the user's groups; without statistics on those
 *       expressions together with the grantee columns and the resource type, the planner misjudges
 *       how many grants a group holds (all TASK grants of the bureau are the bureau's; most of its
 *       grants are on history) and compares every task of the worklist with every grant: a query
 *       growing with the square of the open tasks, 18 s at 11,000 open tasks, or 15 s at 12,000
 *       once 11,600 ended cases had added their grants.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class PostgresTuning {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresTuning.class);
  public static final String STATISTICS = "xf_act_ru_authorization_checks";

  /**
   * the statistics of the first version, without the grantee columns: replaced by {@link
   * #STATISTICS}
   */
  static final String OLD_STATISTICS = "xf_act_ru_authorization_perms";

  @Bean
  static BeanPostProcessor postgresSessionOptions(
      @Value("${petition.postgres.session-options:-c jit=off -c random_page_cost=1.1}")
          String options) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool
            && isPostgres(pool.getJdbcUrl())
            && !options.isBlank()
            && pool.getDataSourceProperties().getProperty("options") == null) {
          pool.addDataSourceProperty("options", options);
        }
        return bean;
      }
    };
  }

  @Bean
  ApplicationRunner authorizationStatistics(DataSource dataSource) {
    return (ApplicationArguments args) -> {
      try (Connection connection = dataSource.getConnection();
          Statement sql = connection.createStatement()) {
        var meta = connection.getMetaData();
        if (!"PostgreSQL".equals(meta.getDatabaseProductName())) {
          return;
        }
        if (meta.getDatabaseMajorVersion() < 14) {
          LOG.warn(
              "PostgreSQL {} has no statistics on expressions: the task worklist will be slow with many open tasks"
                  + " (PostgreSQL 14 or newer recommended)",
              meta.getDatabaseProductVersion());
          return;
        }
        try (var existing =
            sql.executeQuery(
                "select 1 from pg_statistic_ext where stxname = '" + STATISTICS + "'")) {
          if (existing.next()) {
            return; // kept up to date by autovacuum's analyze from then on
          }
        }
        sql.execute(
            "create statistics if not exists "
                + STATISTICS
                + " on group_id_, user_id_, resource_type_, (perms_ & 2), (perms_ & 64) from act_ru_authorization");
        sql.execute("drop statistics if exists " + OLD_STATISTICS);
        sql.execute("analyze act_ru_authorization");
      } catch (SQLException e) {
        LOG.warn(
            "could not create the planner statistics on act_ru_authorization: {}", e.getMessage());
      }
    };
  }

  static boolean isPostgres(String jdbcUrl) {
    return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
  }
}
