package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * A bureau clerk triages a petition in Camunda Tasklist with headless Chromium, driven by {@code
 * src/test/browser/tasklist-triage.mjs} (playwright-core), with markup in the petition's title; see
 * {@link BrowserScript} for what it needs.
 */
@ApplicationIT
class TasklistTriageIT {

  /** markup in the petition's title: the form shows it as text */
  private static final String TITLE =
      "<img src=x onerror=alert(1)><script>alert(2)</script> leaking pipe";

  @LocalServerPort int port;

  @Autowired TestRestTemplate http;

  @Autowired RuntimeService runtimeService;

  @Autowired TaskService taskService;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void clerkTriagesPetitionInTasklistWithChineseForm() throws Exception {
    // the same petitioner petitioned before: the case is a repeat petition, which the form shows
    register("此前反映的漏水问题");
    Map<String, Object> registered = register(TITLE);
    String caseNumber = (String) registered.get("caseNumber");
    String queryCode = (String) registered.get("queryCode");
    ProcessInstance instance =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .variableValueEquals(PetitionProcess.Var.CASE_NUMBER, caseNumber)
            .singleResult();
    assertThat(instance).as("process instance of %s", caseNumber).isNotNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        taskService
                            .createTaskQuery()
                            .processInstanceId(instance.getId())
                            .taskDefinitionKey(PetitionProcess.TASK_TRIAGE)
                            .taskCandidateGroup(PetitionProcess.Group.BUREAU)
                            .count())
                    .isEqualTo(1));

    String warnings =
        (String) runtimeService.getVariable(instance.getId(), PetitionProcess.Var.CASE_WARNINGS);
    assertThat(warnings).startsWith("重复信访：同一信访人12个月内再次信访");
    BrowserScript.named("tasklist-triage")
        .run(
            port,
            Map.of("CASE_NUMBER", caseNumber, "TITLE", TITLE, "WARNINGS", warnings),
            List.of("triage-form.png", "triage-done.png", "failure.png"))
        .assertSucceeded();

    assertThat(status(queryCode)).isEqualTo("TRANSFERRED");
    List<Task> acceptance =
        taskService.createTaskQuery().processInstanceId(instance.getId()).list();
    assertThat(acceptance)
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.getTaskDefinitionKey()).isEqualTo(PetitionProcess.TASK_ACCEPT);
              assertThat(taskService.getIdentityLinksForTask(task.getId()))
                  .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("unit-housing"));
            });
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(PetitionProcess.TASK_ACCEPT)
                .taskCandidateGroup("unit-housing")
                .count())
        .isEqualTo(1);
    // what the clerk chose in the form reached the engine (the comment only after the textarea's
    // blur)
    Map<String, Object> vars = runtimeService.getVariables(instance.getId());
    assertThat(vars)
        .containsEntry(PetitionProcess.Var.NATURE, "CLAIM")
        .containsEntry(PetitionProcess.Var.STATUTORY_ROUTE, "NONE")
        .containsEntry(PetitionProcess.Var.WITHIN_JURISDICTION, true)
        .containsEntry(PetitionProcess.Var.CATEGORY, "HOUSING");
    assertThat((String) vars.get(PetitionProcess.Var.TRIAGE_COMMENT)).contains("转送市住房和建设局");

    assertThat(BrowserScript.SCREENSHOTS.resolve("triage-form.png"))
        .isRegularFile()
        .isNotEmptyFile();
    assertThat(BrowserScript.SCREENSHOTS.resolve("triage-done.png"))
        .isRegularFile()
        .isNotEmptyFile();
  }

  private Map<String, Object> register(String title) {
    ResponseEntity<Map<String, Object>> response =
        http.exchange(
            "/api/petitions",
            HttpMethod.POST,
            new HttpEntity<>(Petitions.with("title", title)),
            new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(response.getBody()).containsKeys("caseNumber", "queryCode");
    return response.getBody();
  }

  private String status(String queryCode) {
    ResponseEntity<Map<String, Object>> response =
        http.exchange(
            "/api/petitions/" + queryCode,
            HttpMethod.GET,
            null,
            new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return (String) response.getBody().get("status");
  }
}
