package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * Tasklist fit for a Chinese clerk, in headless Chromium ({@code
 * src/test/browser/tasklist-fit.mjs}): no end-of-life banner on the login page and the list, no
 * 新建任务, the filter's sorting in the header, an overdue task marked in the list and the detail,
 * Chinese required-field messages and date picker in the start form, Esc in the date picker keeping
 * the start form; see {@link BrowserScript} for what it needs.
 */
@ApplicationIT
class TasklistFitIT {

  @LocalServerPort int port;

  @Autowired TestRestTemplate http;

  @Autowired RuntimeService runtimeService;

  @Autowired TaskService taskService;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void tasklistIsFitForAChineseClerk() throws Exception {
    String caseNumber = register();
    Task triage =
        taskService
            .createTaskQuery()
            .processVariableValueEquals(PetitionProcess.Var.CASE_NUMBER, caseNumber)
            .taskDefinitionKey(PetitionProcess.TASK_TRIAGE)
            .singleResult();
    assertThat(triage).as("triage task of %s", caseNumber).isNotNull();
    // overdue in the browser's time (real time, not the application's test clock)
    taskService.setDueDate(triage.getId(), Date.from(Instant.now().minus(Duration.ofDays(2))));
    long instances =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .count();

    BrowserScript.named("tasklist-fit")
        .run(
            port,
            caseNumber,
            List.of(
                "fit-login.png",
                "fit-list.png",
                "fit-date-picker.png",
                "fit-start-form.png",
                "fit-admin-profile.png",
                "fit-failure.png"))
        .assertSucceeded();

    // the start form was tried empty and left with Esc: nothing registered
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                .count())
        .isEqualTo(instances);
    for (String screenshot :
        List.of(
            "fit-login.png",
            "fit-list.png",
            "fit-date-picker.png",
            "fit-start-form.png",
            "fit-admin-profile.png")) {
      assertThat(BrowserScript.SCREENSHOTS.resolve(screenshot)).isRegularFile().isNotEmptyFile();
    }
  }

  private String register() {
    ResponseEntity<Map<String, Object>> response =
        http.exchange(
            "/api/petitions",
            HttpMethod.POST,
            new HttpEntity<>(Petitions.with("title", "overdue triage")),
            new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("caseNumber");
  }
}
