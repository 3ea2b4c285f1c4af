package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.Apps;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One case through its whole legal life, driven only through the public API and /engine-rest as the
 * clerks of the bureau, the unit, the leader and the review levels and the petitioner would; then a
 * restart on the same database. Run against H2 and PostgreSQL by the subclasses.
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

  /** The case's timer jobs as an administrator reads them: job id → due date. */
  private Map<String, String> timers(String base, String caseNumber) throws Exception {
    String instance =
        http.get(base + "/engine-rest/process-instance?businessKey=" + caseNumber, "demo")
            .get(0)
            .path("id")
            .asText();
    Map<String, String> due = new HashMap<>();
    http.get(base + "/engine-rest/job?timers=true&processInstanceId=" + instance, "demo")
        .forEach(job -> due.put(job.path("id").asText(), job.path("dueDate").asText()));
    return due;
  }
}
