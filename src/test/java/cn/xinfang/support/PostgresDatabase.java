package cn.xinfang.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL database on the local server (PG_URL, default 127.0.0.1:5432 as user postgres),
 * created for one test and dropped after it. Without a server a developer machine skips the test; with
 * -Dci=true (set by .ci/run) a missing server fails it.
 */
public final class PostgresDatabase {

  static final String SERVER = System.getenv().getOrDefault("PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("PG_PASSWORD", "");

  private final String name = "xinfang_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  /** Creates the database, or skips the calling test when no server answers outside CI. */
  public static PostgresDatabase create() throws SQLException {
    PostgresDatabase db = new PostgresDatabase();
    try {
      db.execute("create database " + db.name);
    } catch (SQLException e) {
      assumeTrue(Boolean.getBoolean("ci"), "no PostgreSQL server at " + SERVER + ": " + e.getMessage());
      throw e;
    }
    return db;
  }

  public void drop() throws SQLException {
    execute("drop database if exists " + name + " with (force)");
  }

  /** The datasource properties of the application under test. */
  public Map<String, Object> properties() {
    return Map.of(
        "spring.datasource.url", SERVER + name,
        "spring.datasource.username", USER,
        "spring.datasource.password", PASSWORD);
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
