package cn.xinfang.browser;

import static cn.xinfang.support.CaseDriver.TRIAGE;
import static cn.xinfang.support.CaseDriver.endOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.supervision.SupervisionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * 网上督 in Camunda Tasklist with headless Chromium: a supervisor sends a letter about a case overdue
 * at triage from the moment it was registered ({@code src/test/browser/tasklist-supervision.mjs}),
 * and the bureau supervises a case by hand from the 督办 form of the 案卷 tab ({@code
 * src/test/browser/tasklist-casefile-supervision.mjs}); see {@link BrowserScript} for what they
 * need. The application's clock is pinned to Fri 2026-11-20 (November 2026 has no public holiday),
 * as in {@code cn.xinfang.supervision.SupervisionIT}.
 */
@ApplicationIT
class TasklistSupervisionIT {

  private static final List<String> LETTER_SCREENSHOTS =
      List.of("supervision-1-form.png", "supervision-2-overdue.png", "supervision-3-casefile.png");
  private static final List<String> MANUAL_SCREENSHOTS =
      List.of("casefile-supervision-1-refused.png", "casefile-supervision-2-recorded.png");

  @LocalServerPort int port;

  @Autowired TestRestTemplate http;
  @Autowired TestClock clock;
  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired TaskService taskService;
  @Autowired SupervisionStore supervisions;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void aSupervisorSendsALetterAboutATriageOverdueAtRegistrationAndTheBureauSeesItOverdue()
      throws Exception {
    // Given a letter received 25 days ago, registered today: triage was due Tue 2026-11-10
    clock.pin("2026-11-20T10:00");
    Case c = cases.existing(register("2026-10-26"));
    assertThat(cases.task(c, TRIAGE).getPriority()).isEqualTo(100);
    assertThat(supervisionTasks(c, SupervisionProcess.TASK_SUPERVISE)).hasSize(1);

    // When supervisor1 sends a letter from 督办中 with 3 working days, and clerk1 opens 已超期
    BrowserScript.Outcome outcome =
        BrowserScript.named("tasklist-supervision")
            .run(port, c.number(), withFailure(LETTER_SCREENSHOTS, "supervision-failure.png"))
            .assertSucceeded();

    // Then the form showed the case, the late step, the bureau and how late it is, in Chinese
    JsonNode form = outcome.result().path("form");
    assertThat(form.path("caseNumber").asText()).isEqualTo(c.number());
    assertThat(form.path("lateTask").asText()).isEqualTo("信访事项分流");
    assertThat(form.path("lateGroups").asText()).isEqualTo("市信访局");
    assertThat(form.path("lateDue").asText()).isEqualTo("2026年11月10日");
    assertThat(form.path("daysLate").asText()).isEqualTo("已超期 10 日");
    assertThat(form.path("defaultDays").asText()).isEqualTo("5");

    // And the bureau answers the letter by Wed 2026-11-25 (Fri 11-20 + 3 working days)
    String comment = outcome.result().path("comment").asText();
    assertThat(supervisionTasks(c, SupervisionProcess.TASK_SUPERVISE)).isEmpty();
    List<Task> answer = supervisionTasks(c, SupervisionProcess.TASK_ANSWER);
    assertThat(answer).hasSize(1);
    assertThat(answer.get(0).getDueDate()).isEqualTo(endOf("2026-11-25"));
    assertThat(cases.candidateGroup(answer.get(0))).isEqualTo(PetitionProcess.Group.BUREAU);
    Supervision letter = only(c);
    assertThat(letter.action()).isEqualTo("LETTER");
    assertThat(letter.replyDays()).isEqualTo(3);
    assertThat(letter.actionComment()).isEqualTo(comment);
    assertThat(letter.decidedBy()).isEqualTo("supervisor1");

    // And the case file lists it for the bureau, which handles the case at triage
    JsonNode listed = staff.get("clerk1", "/api/staff/cases/" + c.number()).path("supervisions");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("originLabel").asText()).isEqualTo("超期督办");
    assertThat(listed.get(0).path("actionLabel").asText()).isEqualTo("督办函");
    assertThat(listed.get(0).path("decidedByName").asText()).isEqualTo("高洁");
    assertThat(listed.get(0).path("taskGroups").asText()).isEqualTo("市信访局");
    assertThat(outcome.result().path("record").asText()).contains("督办函", "高洁", comment);

    assertScreenshots(LETTER_SCREENSHOTS);
  }

  @Test
  void theBureauRemindsFromTheCaseFileTabAfterTheTabAndTheServerRefusedWhatWasIncomplete()
      throws Exception {
    // Given a case received yesterday, waiting at triage for the bureau, never supervised
    clock.pin("2026-11-20T10:00");
    Case c = cases.existing(register("2026-11-19"));
    assertThat(supervisions.ofCase(c.id())).isEmpty();

    // When clerk1 submits 催办 without a comment, 领导包案 naming a clerk, then a valid 催办
    BrowserScript.Outcome outcome =
        BrowserScript.named("tasklist-casefile-supervision")
            .run(
                port,
                c.number(),
                withFailure(MANUAL_SCREENSHOTS, "casefile-supervision-failure.png"))
            .assertSucceeded();

    // Then the tab refused the first itself, showed the server's refusal of the second
    JsonNode result = outcome.result();
    assertThat(result.path("empty").asText()).isEqualTo("请填写督办意见");
    assertThat(result.path("server").asText()).isEqualTo("包案领导（leaderOwner）应为分管领导组的成员：clerk1 不是");
    assertThat(result.path("posts")).hasSize(2);
    assertThat(result.path("daysHidden").asBoolean()).isTrue();

    // And only the valid reminder is recorded, on the triage task, by clerk1
    String comment = result.path("comment").asText();
    Supervision reminder = only(c);
    assertThat(reminder.origin()).isEqualTo("MANUAL");
    assertThat(reminder.action()).isEqualTo("REMIND");
    assertThat(reminder.actionComment()).isEqualTo(comment);
    assertThat(reminder.decidedBy()).isEqualTo("clerk1");
    assertThat(reminder.taskKey()).isEqualTo(TRIAGE);
    assertThat(result.path("done").asText()).startsWith("已催办");
    assertThat(result.path("record").asText()).contains("人工督办", "催办", comment);
    assertThat(taskService.getTaskComments(cases.task(c, TRIAGE).getId()))
        .anyMatch(m -> m.getFullMessage().contains(comment));

    assertScreenshots(MANUAL_SCREENSHOTS);
  }

  private String register(String receivedAt) {
    ResponseEntity<Map<String, Object>> response =
        http.exchange(
            "/api/petitions",
            HttpMethod.POST,
            new HttpEntity<>(Petitions.with("receivedAt", receivedAt)),
            new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("caseNumber");
  }

  private List<Task> supervisionTasks(Case c, String key) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(SupervisionProcess.PROCESS_KEY)
        .processInstanceBusinessKey(c.number())
        .taskDefinitionKey(key)
        .list();
  }

  private Supervision only(Case c) {
    List<Supervision> all = supervisions.ofCase(c.id());
    assertThat(all).hasSize(1);
    return all.get(0);
  }

  private static List<String> withFailure(List<String> screenshots, String failure) {
    return Stream.concat(screenshots.stream(), Stream.of(failure)).toList();
  }

  private static void assertScreenshots(List<String> names) {
    assertThat(names)
        .allSatisfy(
            name ->
                assertThat(BrowserScript.SCREENSHOTS.resolve(name))
                    .isRegularFile()
                    .isNotEmptyFile());
  }
}
