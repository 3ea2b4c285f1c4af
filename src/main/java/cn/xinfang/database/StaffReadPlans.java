package cn.xinfang.database;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On PostgreSQL, the staff's reads are planned for their parameters every time; everything else
 * keeps PostgreSQL's plan cache.
 *
 * <p>The JDBC driver prepares a statement on the server from its fifth execution on a connection,
 * and PostgreSQL then plans it once for any parameters (a generic plan) when that looks no dearer.
 * For the engine's task query with its authorization join, the generic plan compares every task
 * with every grant: the tenth worklist on a pooled connection took 9.2 s instead of 0.2 s at 13,500
 * open cases, 25 s when executed alone (BENCHMARKS.md, "Plans of prepared statements"). Planning
 * every statement instead ({@code plan_cache_mode = force_custom_plan} for all sessions) cost
 * intake a third of its rate, so only reads are planned each time: requests of Tasklist, Cockpit,
 * /engine-rest and the staff API that ask (GET, and the POSTs of the REST API that are queries:
 * {@code …/list}, {@code …/count}, {@code /task}, {@code /process-instance}, {@code /history/…}).
 * Their connections get the setting when they are taken from the pool and lose it when they are
 * given back.
 */
@Configuration(proxyBeanMethods = false)
public class StaffReadPlans {

  static final String CUSTOM = "set plan_cache_mode = force_custom_plan";
  static final String RESET = "reset plan_cache_mode";
  private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();
  private static final Pattern QUERY_POST =
      Pattern.compile(".*/(list|count|task|process-instance)$|.*/history/.*");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffReads() {
    FilterRegistrationBean<OncePerRequestFilter> registration =
        new FilterRegistrationBean<>(
            new OncePerRequestFilter() {
              @Override
              protected void doFilterInternal(
                  HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                  throws ServletException, IOException {
                READING.set(isRead(request.getMethod(), request.getRequestURI()));
                try {
                  chain.doFilter(request, response);
                } finally {
                  READING.remove();
                }
              }
            });
    registration.setName("staff-read-plans");
    registration.addUrlPatterns(
        "/engine-rest/*", "/camunda/api/*", "/api/staff/*", "/api/audit/*", "/api/metrics");
    return registration;
  }

  static boolean isRead(String method, String path) {
    return "GET".equals(method) || "POST".equals(method) && QUERY_POST.matcher(path).matches();
  }

  /** Runs the work as a read in the sense above, as the filter does for a request. */
  public static <T> T reading(Callable<T> work) throws Exception {
    READING.set(true);
    try {
      return work.call();
    } finally {
      READING.remove();
    }
  }

  @Bean
  static BeanPostProcessor staffReadPlansDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && PostgresTuning.isPostgres(pool.getJdbcUrl())) {
          return new PlansPerRead(pool);
        }
        return bean;
      }
    };
  }

  /** The pool, but for connections taken during a read: planned per execution until given back. */
  static final class PlansPerRead extends DelegatingDataSource {

    PlansPerRead(DataSource pool) {
      super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
      Connection connection = super.getConnection();
      if (!Boolean.TRUE.equals(READING.get())) {
        return connection;
      }
      try (Statement sql = connection.createStatement()) {
        sql.execute(CUSTOM);
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
      return (Connection)
          Proxy.newProxyInstance(
              Connection.class.getClassLoader(),
              new Class<?>[] {Connection.class},
              (proxy, method, args) -> {
                if ("close".equals(method.getName()) && !connection.isClosed()) {
                  reset(connection);
                }
                try {
                  return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    /**
     * Back to the session's own setting; a connection that cannot be reset is not given back to the
     * pool.
     */
    private static void reset(Connection connection) throws SQLException {
      try {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        try (Statement sql = connection.createStatement()) {
          sql.execute(RESET);
        }
      } catch (SQLException e) {
        connection.abort(Runnable::run);
      }
    }
  }
}
