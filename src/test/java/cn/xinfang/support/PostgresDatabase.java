package cn.xinfang.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database on the local server (PG_URL, default 127.0.0.1:5432 as user postgres)
 * for each test, dropped after it: {@code @RegisterExtension final PostgresDatabase database = new
 * PostgresDatabase();}, or for a whole test class: {@code @RegisterExtension static final
 * PostgresDatabase database = PostgresDatabase.perClass();}. Without a server a developer machine
 * skips the test; with -Dci=true (set by .ci/run) a missing server fails it.
 */
public final class PostgresDatabase
    implements BeforeEachCallback, AfterEachCallback, BeforeAllCallback, AfterAllCallback {

  static final String SERVER =
      System.getenv().getOrDefault("PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("PG_PASSWORD", "");

  private final boolean perClass;
  private String name;

  public PostgresDatabase() {
    this(false);
  }

  private PostgresDatabase(boolean perClass) {
    this.perClass = perClass;
  }

  /**
   * One database for all tests of the class, created before the first and dropped after the last.
   */
  public static PostgresDatabase perClass() {
    return new PostgresDatabase(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    if (perClass) {
      create();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    if (perClass) {
      drop();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    if (!perClass) {
      create();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    if (!perClass) {
      drop();
    }
  }

  private void create() throws SQLException {
    name = "xinfang_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try {
      execute("create database " + name);
    } catch (SQLException e) {
      name = null;
      assumeTrue(
          Boolean.getBoolean("ci"), "no PostgreSQL server at " + SERVER + ": " + e.getMessage());
      throw e;
    }
  }

  private void drop() throws SQLException {
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
