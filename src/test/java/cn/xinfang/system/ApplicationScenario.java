package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.Apps;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One case through its whole legal life, driven only through the public API and /engine-rest as the
 * clerks of the bureau, the unit, the leader and the review levels and the petitioner would, and a
 * late one through supervision (网上督); then a restart on the same database. Run against H2 and
 * PostgreSQL by the subclasses.
 */
abstract class ApplicationScenario {

  private final Http http = new Http();

  /** Datasource properties of the database under test. */
  abstract Map<String, Object> database();

  /** What a database needs of its own, checked once the application is up. */
  void checkDatabase(ConfigurableApplicationContext app) throws Exception {}

  ConfigurableApplicationContext start() {
    Map<String, Object> props = new HashMap<>(database());
    props.put("server.port", 0);
    props.put("petition.demo-data", true);
    return Apps.start(props);
  }

  /**
   * Registration → triage → acceptance → handling → the approval chain → delivery → evaluation →
   * review → re-review (TERMINATED), each step by the user of the group that owns it; a restart
   * while the windows' timers wait, and one at the end.
   */
  void runTheWholeLifecycleAndRestart() throws Exception {
    String caseNumber;
    String queryCode;
    long definitions;
    Map<String, String> timers;
    try (ConfigurableApplicationContext app = start()) {
      String base = Apps.base(app);
      assertThat(http.get(base + "/actuator/health", null).path("status").asText()).isEqualTo("UP");
      checkDatabase(app);

      JsonNode created = http.post(base + "/api/petitions", null, Petitions.valid(), 201);
      caseNumber = created.path("caseNumber").asText();
      queryCode = created.path("queryCode").asText();
      assertThat(created.path("status").asText()).isEqualTo("REGISTERED");
      String view = base + "/api/petitions/" + queryCode;

      JsonNode triage = http.task(base, PetitionProcess.TASK_TRIAGE, caseNumber, "clerk1");
      assertThat(triage.path("due").asText()).startsWith("2026-10-08T15:59:59");
      http.complete(
          base, triage, "clerk1", Petitions.triage("CLAIM", "NONE", false, false, false, true));
      assertThat(http.status(view)).isEqualTo("TRANSFERRED");
      // the unit's name comes from its group, looked up while clerk1 completes triage
      assertThat(http.get(view, null).path("handlingUnit").asText()).isEqualTo("市住房和建设局");

      http.complete(
          base,
          http.task(base, PetitionProcess.TASK_ACCEPT, caseNumber, "housing1"),
          "housing1",
          Map.of(Var.ACCEPTANCE, "ACCEPT"));
      assertThat(http.status(view)).isEqualTo("ACCEPTED");
      assertThat(http.get(view, null).path("notices").findValuesAsText("type"))
          .contains("TRANSFER_NOTICE", "ACCEPTANCE_NOTICE");

      http.complete(
          base,
          http.task(base, PetitionProcess.TASK_HANDLE, caseNumber, "housing1"),
          "housing1",
          Map.of(
              Var.HANDLING_OUTCOME,
              "PARTIALLY_SUPPORTED",
              Var.OPINION_TEXT,
              "经核实，责成物业公司维修管道，赔偿请求不予支持。"));
      // 三审: the unit's head, then the leader; neither sees the other's task before it is theirs
      assertThat(http.tasks(base, PetitionProcess.TASK_APPROVE_REPLY, caseNumber, "leader1"))
          .isEmpty();
      http.complete(
          base,
          http.task(base, PetitionProcess.TASK_APPROVE_REPLY, caseNumber, "housinghead1"),
          "housinghead1",
          Map.of(Var.REPLY_APPROVED, true));
      http.complete(
          base,
          http.task(base, PetitionProcess.TASK_APPROVE_REPLY, caseNumber, "leader1"),
          "leader1",
          Map.of(Var.REPLY_APPROVED, true));
      JsonNode replied = http.get(view, null);
      assertThat(replied.path("status").asText()).isEqualTo("REPLIED");
      assertThat(replied.path("notices").findValuesAsText("type")).contains("HANDLING_OPINION");
      assertThat(replied.path("notices").findValuesAsText("body"))
          .anySatisfy(body -> assertThat(body).contains("向市人民政府（复查）书面请求复查").contains("部分支持"));
      assertThat(replied.path("actions").path("reviewRequest").path("allowed").asBoolean())
          .isTrue();
      timers = timers(base, caseNumber);
      assertThat(timers).as("review and evaluation windows").hasSize(2);

      superviseALateCase(base, app.getBean(StatutoryCalendar.class));
    }

    // the windows' timers survive a restart, due when they were
    try (ConfigurableApplicationContext app = start()) {
      String base = Apps.base(app);
      String view = base + "/api/petitions/" + queryCode;
      assertThat(timers(base, caseNumber)).isEqualTo(timers);

      http.post(
          view + "/evaluation",
          null,
          Map.of("satisfaction", "DISSATISFIED", "comment", "赔偿未获支持"),
          201);
      http.post(view + "/evaluation", null, Map.of("satisfaction", "SATISFIED"), 409);

      http.post(view + "/review-requests", null, Map.of("reason", "赔偿请求应予支持"), 201);
      assertThat(http.status(view)).isEqualTo("IN_REVIEW");
      assertThat(http.tasks(base, PetitionProcess.TASK_REVIEW, caseNumber, "housing1"))
          .as("the unit cannot see the review")
          .isEmpty();
      http.complete(
          base,
          http.task(base, PetitionProcess.TASK_REVIEW, caseNumber, "review1"),
          "review1",
          Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "原处理意见认定事实清楚，予以维持。"));
      assertThat(http.status(view)).isEqualTo("REVIEWED");

      http.post(view + "/re-review-requests", null, Map.of("reason", "仍不服"), 201);
      assertThat(http.status(view)).isEqualTo("IN_RE_REVIEW");
      http.complete(
          base,
          http.task(base, PetitionProcess.TASK_RE_REVIEW, caseNumber, "rereview1"),
          "rereview1",
          Map.of(
              Var.RE_REVIEW_OUTCOME,
              "UPHOLD",
              Var.OPINION_TEXT,
              "复查意见正确，予以维持。",
              Var.PUBLISH_OPINION,
              false));
      JsonNode terminated = http.get(view, null);
      assertThat(terminated.path("status").asText()).isEqualTo("TERMINATED");
      assertThat(terminated.path("notices").findValuesAsText("type"))
          .contains("HANDLING_OPINION", "REVIEW_OPINION", "RE_REVIEW_OPINION");
      http.post(view + "/review-requests", null, Map.of("reason", "再次请求"), 409);
      definitions =
          http.get(base + "/engine-rest/process-definition/count?key=petition", "demo")
              .path("count")
              .asLong();
    }

    try (ConfigurableApplicationContext app = start()) {
      String base = Apps.base(app);
      JsonNode view = http.get(base + "/api/petitions/" + queryCode, null);
      assertThat(view.path("caseNumber").asText()).isEqualTo(caseNumber);
      assertThat(view.path("status").asText()).isEqualTo("TERMINATED");
      assertThat(view.path("opinions").findValuesAsText("kind"))
          .containsExactly("HANDLING", "REVIEW", "RE_REVIEW");
      assertThat(view.path("opinions").get(0).path("evaluation").asText())
          .isEqualTo("DISSATISFIED");
      assertThat(
              http.get(base + "/engine-rest/process-definition/count?key=petition", "demo")
                  .path("count")
                  .asLong())
          .as("unchanged models make no new version")
          .isEqualTo(definitions);
      // the case's audit trail survived the restart: its changes by each actor and the engine's
      // operations
      JsonNode audit = http.get(base + "/api/audit/cases/" + caseNumber, "demo").path("entries");
      assertThat(audit.findValuesAsText("actor"))
          .contains("petitioner", "clerk1", "housing1", "leader1", "review1", "rereview1");
      assertThat(audit.findValuesAsText("action"))
          .contains("REGISTER", "OPINION", "EVALUATION", "APPEAL_REQUEST", "Complete Task");
    }
  }

  /**
   * 网上督: a letter received 25 days ago is late at registration (triage: 15 days); the supervisors
   * find its superviseCase at once and send a supervision letter, which the bureau (whose triage is
   * late) answers within the 5 working days set; the bureau also supervises it by hand at any time.
   */
  private void superviseALateCase(String base, StatutoryCalendar calendar) throws Exception {
    LocalDate today = LocalDate.now(StatutoryCalendar.ZONE);
    // a letter received 14 days ago: its triage is due tomorrow, or on the first working day after
    // it, within the three working days of the reminder: 临期, and nobody supervises it
    Map<String, Object> nearDue = Petitions.with("receivedAt", today.minusDays(14).toString());
    nearDue.put("channel", "LETTER");
    String near =
        http.post(base + "/api/petitions", null, nearDue, 201).path("caseNumber").asText();
    assertThat(
            http.task(base, PetitionProcess.TASK_TRIAGE, near, "clerk1").path("priority").asInt())
        .as("near its due date")
        .isEqualTo(75);
    assertThat(http.tasks(base, "superviseCase", near, "supervisor1")).isEmpty();

    Map<String, Object> letter = Petitions.with("receivedAt", today.minusDays(25).toString());
    letter.put("channel", "LETTER");
    JsonNode created = http.post(base + "/api/petitions", null, letter, 201);
    String caseNumber = created.path("caseNumber").asText();
    String view = base + "/api/petitions/" + created.path("queryCode").asText();

    assertThat(
            http.task(base, PetitionProcess.TASK_TRIAGE, caseNumber, "clerk1")
                .path("priority")
                .asInt())
        .as("the late triage tops the bureau's worklist")
        .isEqualTo(100);
    assertThat(http.tasks(base, "superviseCase", caseNumber, "clerk1")).isEmpty();
    JsonNode supervise = http.task(base, "superviseCase", caseNumber, "supervisor1");
    String task = base + "/engine-rest/task/" + supervise.path("id").asText();
    assertThat(http.get(task + "/identity-links", "supervisor1").findValuesAsText("groupId"))
        .containsExactly("supervision");
    JsonNode shown = http.get(task + "/form-variables", "supervisor1");
    assertThat(shown.path("caseNumber").path("value").asText()).isEqualTo(caseNumber);
    assertThat(shown.path("lateTask").path("value").asText()).isEqualTo("信访事项分流");
    assertThat(shown.path("lateGroups").path("value").asText()).isEqualTo("市信访局");
    assertThat(shown.path("daysLate").path("value").asText()).startsWith("已超期");

    http.complete(
        base,
        supervise,
        "supervisor1",
        Map.of(
            "supervisionAction",
            "LETTER",
            "replyDays",
            5,
            "supervisionComment",
            "来信登记后逾期未分流，请说明原因并立即分流"));
    JsonNode answer = http.task(base, "answerSupervision", caseNumber, "clerk1");
    assertThat(due(answer.path("due").asText()))
        .as("five working days from today, to the end of the day in Beijing")
        .isEqualTo(endOfDay(calendar.plusWorkingDays(today, 5)));
    assertThat(http.tasks(base, "answerSupervision", caseNumber, "housing1")).isEmpty();
    assertThat(http.get(view, null).path("milestones").findValuesAsText("description"))
        .anySatisfy(m -> assertThat(m).contains("督办函"));
    http.complete(
        base, answer, "clerk1", Map.of("supervisionAnswer", "来信地址不详，核实后已于今日分流，今后登记后三日内分流"));
    assertThat(http.tasks(base, "answerSupervision", caseNumber, "clerk1")).isEmpty();

    // by hand: a letter on the task due first, answered within the days set
    JsonNode manual =
        http.post(
            base + "/api/staff/cases/" + caseNumber + "/supervision",
            "supervisor1",
            Map.of(
                "supervisionAction",
                "LETTER",
                "replyDays",
                2,
                "supervisionComment",
                "督办函答复后仍未分流，请今日内分流"),
            201);
    assertThat(manual.path("task").asText()).isEqualTo("信访事项分流");
    assertThat(OffsetDateTime.parse(manual.path("answerDue").asText()).toInstant())
        .isEqualTo(endOfDay(calendar.plusWorkingDays(today, 2)));
    assertThat(due(http.task(base, "answerSupervision", caseNumber, "clerk1").path("due").asText()))
        .isEqualTo(endOfDay(calendar.plusWorkingDays(today, 2)));
  }

  /** A due date as /engine-rest writes it (yyyy-MM-dd'T'HH:mm:ss.SSSZ). */
  private static Instant due(String text) {
    return OffsetDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
        .toInstant();
  }

  /** 23:59:59 in Beijing on that day: when a deadline ends. */
  private static Instant endOfDay(LocalDate day) {
    return day.atTime(23, 59, 59).atZone(StatutoryCalendar.ZONE).toInstant();
  }

  /** The case's timer jobs as an administrator reads them: job id → due date. */
  private Map<String, String> timers(String base, String caseNumber) throws Exception {
    String instance =
        http.get(
                base
                    + "/engine-rest/process-instance?processDefinitionKey=petition&businessKey="
                    + caseNumber,
                "demo")
            .get(0)
            .path("id")
            .asText();
    Map<String, String> due = new HashMap<>();
    http.get(base + "/engine-rest/job?timers=true&processInstanceId=" + instance, "demo")
        .forEach(job -> due.put(job.path("id").asText(), job.path("dueDate").asText()));
    return due;
  }
}
