package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import cn.xinfang.system.PetitionProcess;
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
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A bureau clerk triages a petition in Camunda Tasklist with headless Chromium, driven by
 * {@code src/test/browser/tasklist-triage.mjs} (playwright-core). Needs {@code npm install} and Debian's
 * {@code /usr/bin/chromium}: without them the test is skipped, except with {@code -Dci=true}, where it fails.
 */
@ApplicationIT
class TasklistTriageIT {

  private static final Path PROJECT_ROOT = Path.of("").toAbsolutePath();
  private static final Path SCRIPT = PROJECT_ROOT.resolve("src/test/browser/tasklist-triage.mjs");
  private static final Path PLAYWRIGHT = PROJECT_ROOT.resolve("node_modules/playwright-core");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SCREENSHOTS = PROJECT_ROOT.resolve("target/screenshots");
  /** The script stops itself after 150 s; this is the hard limit around it. */
  private static final Duration BROWSER_TIMEOUT = Duration.ofMinutes(3);

  @LocalServerPort
  int port;

  @Autowired
  TestRestTemplate http;

  @Autowired
  RuntimeService runtimeService;

  @Autowired
  TaskService taskService;

  /** Per test (not @BeforeAll), so that surefire reports a skip as skipped rather than as nothing run. */
  @BeforeEach
  void requireBrowserTooling() {
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

  @Test
  void clerkTriagesPetitionInTasklistWithChineseForm() throws Exception {
    Map<String, Object> registered = register();
    String caseNumber = (String) registered.get("caseNumber");
    String queryCode = (String) registered.get("queryCode");
    ProcessInstance instance = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(PetitionProcess.PROCESS_KEY)
        .variableValueEquals(PetitionProcess.Var.CASE_NUMBER, caseNumber)
        .singleResult();
    assertThat(instance).as("process instance of %s", caseNumber).isNotNull();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(taskService.createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey(PetitionProcess.TASK_TRIAGE)
        .taskCandidateGroup(PetitionProcess.Group.BUREAU).count()).isEqualTo(1));

    BrowserRun run = runBrowser(caseNumber);

    assertThat(run.exitCode())
        .as("tasklist-triage.mjs exit code; its output:%n%s", run.output())
        .isZero();
    assertThat(status(queryCode)).isEqualTo("TRANSFERRED");
    List<Task> acceptance = taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(acceptance).singleElement().satisfies(task -> {
      assertThat(task.getTaskDefinitionKey()).isEqualTo(PetitionProcess.TASK_ACCEPT);
      assertThat(taskService.getIdentityLinksForTask(task.getId()))
          .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("unit-housing"));
    });
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(PetitionProcess.TASK_ACCEPT).taskCandidateGroup("unit-housing").count()).isEqualTo(1);
    // what the clerk chose in the form reached the engine (the comment only after the textarea's blur)
    Map<String, Object> vars = runtimeService.getVariables(instance.getId());
    assertThat(vars).containsEntry(PetitionProcess.Var.NATURE, "CLAIM")
        .containsEntry(PetitionProcess.Var.STATUTORY_ROUTE, "NONE")
        .containsEntry(PetitionProcess.Var.WITHIN_JURISDICTION, true)
        .containsEntry(PetitionProcess.Var.CATEGORY, "HOUSING");
    assertThat((String) vars.get(PetitionProcess.Var.TRIAGE_COMMENT)).contains("转送市住房和建设局");

    assertThat(SCREENSHOTS.resolve("triage-form.png")).isRegularFile().isNotEmptyFile();
    assertThat(SCREENSHOTS.resolve("triage-done.png")).isRegularFile().isNotEmptyFile();
  }

  private Map<String, Object> register() {
    ResponseEntity<Map<String, Object>> response = http.exchange("/api/petitions", HttpMethod.POST,
        new HttpEntity<>(Petitions.valid()), new ParameterizedTypeReference<>() {
        });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsKeys("caseNumber", "queryCode");
    return response.getBody();
  }

  private String status(String queryCode) {
    ResponseEntity<Map<String, Object>> response = http.exchange("/api/petitions/" + queryCode, HttpMethod.GET,
        null, new ParameterizedTypeReference<>() {
        });
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (String) response.getBody().get("status");
  }

  private record BrowserRun(int exitCode, String output) {
  }

  private BrowserRun runBrowser(String caseNumber) throws IOException, InterruptedException {
    Files.createDirectories(SCREENSHOTS);
    for (String name : List.of("triage-form.png", "triage-done.png", "failure.png")) {
      Files.deleteIfExists(SCREENSHOTS.resolve(name));
    }
    ProcessBuilder builder = new ProcessBuilder("node", PROJECT_ROOT.relativize(SCRIPT).toString())
        .directory(PROJECT_ROOT.toFile())
        .redirectErrorStream(true);
    builder.environment().put("BASE_URL", "http://localhost:" + port);
    builder.environment().put("CASE_NUMBER", caseNumber);
    builder.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
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
    }, "tasklist-triage-output");
    pump.setDaemon(true);
    pump.start();
    if (!process.waitFor(BROWSER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      pump.join(5_000);
      fail("tasklist-triage.mjs did not finish within " + BROWSER_TIMEOUT + "; its output:"
          + System.lineSeparator() + output);
    }
    pump.join(5_000);
    synchronized (output) {
      return new BrowserRun(process.exitValue(), output.toString());
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
