package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One playwright-core script of {@code src/test/browser} run with node against the application
 * under test, in headless Debian Chromium (the scripts share {@code browser.mjs}; the Tasklist ones
 * also {@code tasklist.mjs}). Needs {@code npm ci} and {@code /usr/bin/chromium}: without them
 * {@link #requireTooling} skips the test, except with {@code -Dci=true}, where it fails it.
 */
final class BrowserScript {

  private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath();
  private static final Path PLAYWRIGHT = PROJECT_ROOT.resolve("node_modules/playwright-core");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path SCREENSHOTS = PROJECT_ROOT.resolve("target/screenshots");

  /** The scripts stop themselves after 150 s; this is the hard limit around them. */
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  /** The last line of a script, written by browser.mjs: "[name] RESULT {json}". */
  private static final Pattern RESULT =
      Pattern.compile("^\\[[^\\]]+] RESULT (\\{.*})$", Pattern.MULTILINE);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;

  private BrowserScript(String name) {
    this.name = name;
  }

  /** The script {@code src/test/browser/<name>.mjs}. */
  static BrowserScript named(String name) {
    return new BrowserScript(name);
  }

  /**
   * Call per test (from {@code @BeforeEach}, not {@code @BeforeAll}), so that surefire reports a
   * skip as skipped rather than as nothing run.
   */
  static void requireTooling() {
    List<String> missing = new ArrayList<>();
    if (!Files.isDirectory(PLAYWRIGHT)) {
      missing.add(PLAYWRIGHT + " (run npm install)");
    }
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add(CHROMIUM + " (apt-get install -y chromium fonts-wqy-microhei)");
    }
    if (!nodeOnPath()) {
      missing.add("node on PATH");
    }
    if (missing.isEmpty()) {
      return;
    }
    String message = "browser test needs " + String.join(", ", missing);
    if ("true".equalsIgnoreCase(System.getProperty("ci"))) {
      fail(message + " — required in CI (-Dci=true)");
    }
    assumeTrue(false, message + " — skipped");
  }

  /**
   * What the script printed and the RESULT it ended with (absent if it died before writing one).
   */
  record Outcome(String script, int exitCode, String output, JsonNode result) {

    /** Fails with the script's whole output unless it exited 0 with an ok RESULT. */
    Outcome assertSucceeded() {
      assertThat(exitCode).as("%s exit code; its output:%n%s", script, output).isZero();
      assertThat(result.path("ok").asBoolean())
          .as("%s RESULT ok; its output:%n%s", script, output)
          .isTrue();
      return this;
    }
  }

  /** {@link #run(int, Map, List)} for one case: the Tasklist scripts read it as CASE_NUMBER. */
  Outcome run(int port, String caseNumber, List<String> staleScreenshots)
      throws IOException, InterruptedException {
    return run(port, Map.of("CASE_NUMBER", caseNumber), staleScreenshots);
  }

  /**
   * Runs the script against the application on that port with these environment variables (ASCII
   * only: a JVM under a non-UTF-8 locale would hand anything else to node garbled), after deleting
   * the named screenshots of an earlier run so that a stale file cannot pass for a new one.
   */
  Outcome run(int port, Map<String, String> environment, List<String> staleScreenshots)
      throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOTS);
    for (String screenshot : staleScreenshots) {
      Files.deleteIfExists(SCREENSHOTS.resolve(screenshot));
    }
    Path script = PROJECT_ROOT.resolve("src/test/browser/" + name + ".mjs");
    ProcessBuilder builder =
        new ProcessBuilder("node", PROJECT_ROOT.relativize(script).toString())
            .directory(PROJECT_ROOT.toFile())
            .redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().putAll(environment);
    builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread pump = new Thread(() -> pump(process, output), name + "-output");
    pump.setDaemon(true);
    pump.start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      pump.join(5_000);
      fail(
          name
              + ".mjs did not finish within "
              + TIMEOUT
              + "; its output:"
              + System.lineSeparator()
              + output);
    }
    pump.join(5_000);
    String text;
    synchronized (output) {
      text = output.toString();
    }
    return new Outcome(name + ".mjs", process.exitValue(), text, result(text));
  }

  /**
   * Echoes the script's lines into the test log as they come, and keeps them for the assertions.
   */
  private static void pump(Process process, StringBuilder output) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        System.out.println(line);
        synchronized (output) {
          output.append(line).append(System.lineSeparator());
        }
      }
    } catch (IOException e) {
      // the process was killed
    }
  }

  private static JsonNode result(String output) {
    Matcher matcher = RESULT.matcher(output.replace("\r", ""));
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    if (last == null) {
      return JSON.missingNode();
    }
    try {
      return JSON.readTree(last);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("RESULT is not JSON: " + last, e);
    }
  }

  private static boolean nodeOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "node"))) {
        return true;
      }
    }
    return false;
  }
}
