package cn.xinfang.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database on the local server (PG_URL, default 127.0.0.1:5432 as user postgres) for
 * each test, dropped after it: {@code @RegisterExtension final PostgresDatabase database = new
 * PostgresDatabase();}. Without a server a developer machine skips the test; with -Dci=true (set by
 * .ci/run) a missing server fails it.
 */
public final class PostgresDatabase implements BeforeEachCallback, AfterEachCallback {

  static final String SERVER = System.getenv().getOrDefault("PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("PG_PASSWORD", "");

  private String name;

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    name = "xinfang_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      execute("create database " + name);
    } catch (SQLException e) {
      name = null;
      assumeTrue(Boolean.getBoolean("ci"), "no PostgreSQL server at " + SERVER + ": " + e.getMessage());
      throw e;
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    if (name != null) {
      execute("drop database if exists " + name + " with (force)");
    }
  }

  /** The datasource properties of the application under test. */
  public Map<String, Object> properties() {
    return Map.of(
        "spring.datasource.url", SERVER + name,
        "spring.datasource.username", USER,
        "spring.datasource.password", PASSWORD);
  }

  /** A connection to the test's database, for checks behind the application's back. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(SERVER + name, USER, PASSWORD);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
