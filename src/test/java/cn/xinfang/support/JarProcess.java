package cn.xinfang.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/xinfang-platform.jar, built by mvn package before the
 * integration tests) in its own JVM, as it runs in production: so that a test can kill it with
 * SIGKILL and start it again on the same database, or run two of them side by side.
 */
public final class JarProcess implements AutoCloseable {

  public static final Path JAR = Path.of("target/xinfang-platform.jar");

  private final Process process;
  private final int port;

  private JarProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar with these properties on a free port and waits until it is healthy. */
  public static JarProcess start(Map<String, Object> properties, Path log) throws IOException {
    assertThat(JAR).as("the jar is packaged before the integration tests (mvn verify)").exists();
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                JAR.toString(),
                "--server.port=" + port));
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    JarProcess jar = new JarProcess(process, port);
    jar.awaitHealthy(Duration.ofSeconds(120));
    return jar;
  }

  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              assertThat(process.isAlive())
                  .as("the application exited with %s while starting", exitCode())
                  .isTrue();
              try {
                HttpResponse<String> health =
                    http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                        HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200 && health.body().contains("UP");
              } catch (IOException notListeningYet) {
                return false;
              }
            });
  }

  private String exitCode() {
    return process.isAlive() ? "none" : Integer.toString(process.exitValue());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
