package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.support.Apps;
import cn.xinfang.support.PostgresDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The production profile {@code prod}: the built jar refuses to start without an administrator from
 * the environment, or with a weak one, and exits non-zero with a message saying what to set;
 * started with one on a PostgreSQL database that once ran the demo, no demo account and no demo
 * password works any more.
 */
class ProductionProfileIT {

  private static final Path JAR = Path.of("target/xinfang-platform.jar");
  private static final String ADMIN = "ops-admin";
  private static final String ADMIN_PASSWORD = "Xf-2026-strong-pass";

  @TempDir Path dataDir;

  @RegisterExtension final PostgresDatabase database = new PostgresDatabase();
  private final HttpClient http = HttpClient.newHttpClient();

  record Exit(int code, String output) {}

  /** Runs the packaged jar with the production profile and only the given CAMUNDA_* variables. */
  private Exit runJar(Map<String, String> adminEnvironment)
      throws IOException, InterruptedException {
    assertThat(JAR).as("the jar is packaged before the integration tests (mvn verify)").exists();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--spring.profiles.active=prod",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:"
                    + dataDir.resolve("prod")
                    + ";WRITE_DELAY=0"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("CAMUNDA_"));
    builder.environment().putAll(adminEnvironment);
    Path log = dataDir.resolve("jar.log");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the production start neither failed nor stopped within 90 s:\n" + Files.readString(log));
    }
    return new Exit(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void withoutAnAdministratorFromTheEnvironmentTheJarRefusesToStart() throws Exception {
    Exit exit = runJar(Map.of());

    assertThat(exit.code()).as(exit.output()).isNotZero();
    assertThat(exit.output())
        .contains("APPLICATION FAILED TO START")
        .contains("CAMUNDA_BPM_ADMINUSER_ID")
        .contains("CAMUNDA_BPM_ADMINUSER_PASSWORD")
        .doesNotContain("Tomcat started");
  }

  @Test
  void theDemoPasswordOrAShortOneIsRefusedAsTheAdministratorsPassword() throws Exception {
    Exit demo =
        runJar(
            Map.of("CAMUNDA_BPM_ADMINUSER_ID", "admin", "CAMUNDA_BPM_ADMINUSER_PASSWORD", "demo"));
    Exit shortOne =
        runJar(
            Map.of(
                "CAMUNDA_BPM_ADMINUSER_ID", "admin", "CAMUNDA_BPM_ADMINUSER_PASSWORD", "abc12345"));

    assertThat(demo.code()).as(demo.output()).isNotZero();
    assertThat(demo.output()).contains("APPLICATION FAILED TO START").contains("演示密码");
    assertThat(shortOne.code()).as(shortOne.output()).isNotZero();
    assertThat(shortOne.output()).contains("至少 12 个字符");
  }

  @Test
  void noDemoAccountWorksInProductionEvenOnADatabaseThatRanTheDemo() throws Exception {
    // Given a PostgreSQL database on which the default profile created the demo users
    try (ConfigurableApplicationContext demo = Apps.start(properties(false))) {
      assertThat(status(Apps.base(demo), "clerk1", "demo")).isEqualTo(200);
      assertThat(status(Apps.base(demo), "demo", "demo")).isEqualTo(200);
      // a demo user edits their own profile (staff may), so that the address no longer marks it as
      // a demo one
      HttpResponse<String> edited =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(Apps.base(demo) + "/engine-rest/user/hrss1/profile"))
                  .header("Authorization", Apps.basic("hrss1", "demo"))
                  .header("Content-Type", "application/json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"id\":\"hrss1\",\"firstName\":\"张丽\",\"lastName\":\"人社\",\"email\":\"zhangli@hrss.gov.cn\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(edited.statusCode()).as(edited.body()).isEqualTo(204);
    }

    // When the production profile starts on it with an administrator from the environment
    try (ConfigurableApplicationContext prod = Apps.start(properties(true))) {
      String base = Apps.base(prod);

      // Then the demo users and the demo administrator are gone, and the administrator works
      assertThat(status(base, "clerk1", "demo")).isEqualTo(401);
      assertThat(status(base, "housing1", "demo")).isEqualTo(401);
      assertThat(status(base, "hrss1", "demo"))
          .as("the demo password still marks a demo user")
          .isEqualTo(401);
      assertThat(status(base, "demo", "demo")).isEqualTo(401);
      assertThat(status(base, ADMIN, ADMIN_PASSWORD)).isEqualTo(200);
      // and the staff groups are still there for real users
      assertThat(get(base + "/engine-rest/group?id=unit-housing", ADMIN, ADMIN_PASSWORD))
          .contains("市住房和建设局");
      assertThat(get(base + "/engine-rest/user?memberOfGroup=unit-housing", ADMIN, ADMIN_PASSWORD))
          .isEqualTo("[]");
    }

    // and a second production start with another password makes that one the administrator's
    Map<String, Object> rotated = properties(true);
    rotated.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD + "-rotated");
    try (ConfigurableApplicationContext prod = Apps.start(rotated)) {
      assertThat(status(Apps.base(prod), ADMIN, ADMIN_PASSWORD + "-rotated")).isEqualTo(200);
      // (last: a wrong password makes the engine hold the account back for a few seconds)
      assertThat(status(Apps.base(prod), ADMIN, ADMIN_PASSWORD)).isEqualTo(401);
    }
  }

  @Test
  void theGuardRefusesAnInProcessStartToo() {
    // the same check runs however the application is started, before any bean exists
    Map<String, Object> props = new HashMap<>(database.properties());
    props.put("server.port", 0);
    props.put("spring.profiles.active", "prod");
    props.put("camunda.bpm.admin-user.id", "");
    assertThatThrownBy(() -> Apps.start(props).close())
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_ID");
  }

  private Map<String, Object> properties(boolean production) {
    Map<String, Object> props = new HashMap<>(database.properties());
    props.put("server.port", 0);
    if (production) {
      props.put("spring.profiles.active", "prod");
      props.put("camunda.bpm.admin-user.id", ADMIN);
      props.put("camunda.bpm.admin-user.password", ADMIN_PASSWORD);
    }
    return props;
  }

  private int status(String base, String user, String password) throws Exception {
    return send(base + "/engine-rest/task/count", user, password).statusCode();
  }

  private String get(String url, String user, String password) throws Exception {
    HttpResponse<String> response = send(url, user, password);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(String url, String user, String password) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", Apps.basic(user, password))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
