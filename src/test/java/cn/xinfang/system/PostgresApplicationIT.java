package cn.xinfang.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The production database: a fresh PostgreSQL database on the local server (PG_URL, default
 * 127.0.0.1:5432 as user postgres), created and dropped by the test. Skipped when no server answers
 * on a developer machine; with -Dci=true (set by .ci/run) a missing server fails the test.
 */
class PostgresApplicationIT extends ApplicationScenario {

  static final String SERVER = System.getenv().getOrDefault("PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
  static final String USER = System.getenv().getOrDefault("PG_USER", "postgres");
  static final String PASSWORD = System.getenv().getOrDefault("PG_PASSWORD", "");

  private final String database = "xinfang_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

  @BeforeEach
  void createDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("create database " + database);
    } catch (SQLException e) {
      assumeTrue(Boolean.getBoolean("ci"), "no PostgreSQL server at " + SERVER + ": " + e.getMessage());
      throw e;
    }
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
    }
  }

  @Override
  Map<String, Object> database() {
    return Map.of(
        "spring.datasource.url", SERVER + database,
        "spring.datasource.username", USER,
        "spring.datasource.password", PASSWORD);
  }

  @Test
  void aCaseLivesFromRegistrationToTerminationAndSurvivesARestartOnPostgres() throws Exception {
    runTheWholeLifecycleAndRestart();
  }
}
