package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.Apps;
import cn.xinfang.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One case through its whole legal life, driven only through the public API and /engine-rest as the
 * clerks of the bureau, the unit, the leader and the review levels and the petitioner would; then a
 * restart on the same database. Run against H2 and PostgreSQL by the subclasses.
 */
abstract class ApplicationScenario {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  /** Datasource properties of the database under test. */
  abstract Map<String, Object> database();

  ConfigurableApplicationContext start() {
    Map<String, Object> props = new HashMap<>(database());
    props.put("server.port", 0);
    props.put("petition.demo-data", true);
    return Apps.start(props);
  }

  /**
   * Registration → triage → acceptance → handling → the approval chain → delivery → evaluation →
   * review → re-review (TERMINATED), each step by the user of the group that owns it; then a restart.
   */
  void runTheWholeLifecycleAndRestart() throws Exception {
    String caseNumber;
    String queryCode;
    long definitions;
    try (ConfigurableApplicationContext app = start()) {
      String base = Apps.base(app);
      assertThat(get(base + "/actuator/health", null).path("status").asText()).isEqualTo("UP");

      JsonNode created = post(base + "/api/petitions", null, Petitions.valid(), 201);
      caseNumber = created.path("caseNumber").asText();
      queryCode = created.path("queryCode").asText();
      assertThat(created.path("status").asText()).isEqualTo("REGISTERED");
      String view = base + "/api/petitions/" + queryCode;

      JsonNode triage = task(base, "triagePetition", caseNumber, "clerk1");
      assertThat(triage.path("due").asText()).startsWith("2026-10-08T15:59:59");
      complete(base, triage, "clerk1", Petitions.triage("CLAIM", "NONE", false, false, false, true));
      assertThat(status(view)).isEqualTo("TRANSFERRED");
      // the unit's name comes from its group, looked up while clerk1 completes triage
      assertThat(get(view, null).path("handlingUnit").asText()).isEqualTo("市住房和建设局");

      complete(base, task(base, "acceptPetition", caseNumber, "housing1"), "housing1", Map.of("acceptance", "ACCEPT"));
      assertThat(status(view)).isEqualTo("ACCEPTED");
      assertThat(get(view, null).path("notices").findValuesAsText("type")).contains("TRANSFER_NOTICE", "ACCEPTANCE_NOTICE");

      complete(base, task(base, "handlePetition", caseNumber, "housing1"), "housing1", Map.of(
          "handlingOutcome", "PARTIALLY_SUPPORTED", "opinionText", "经核实，责成物业公司维修管道，赔偿请求不予支持。"));
      // 三审: the unit's head, then the leader; neither sees the other's task before it is theirs
      assertThat(tasks(base, "approveReply", caseNumber, "leader1")).isEmpty();
      complete(base, task(base, "approveReply", caseNumber, "housing1"), "housing1", Map.of("replyApproved", true));
      complete(base, task(base, "approveReply", caseNumber, "leader1"), "leader1", Map.of("replyApproved", true));
      JsonNode replied = get(view, null);
      assertThat(replied.path("status").asText()).isEqualTo("REPLIED");
      assertThat(replied.path("notices").findValuesAsText("type")).contains("HANDLING_OPINION");
      assertThat(replied.path("notices").findValuesAsText("body")).anySatisfy(body -> assertThat(body)
          .contains("向市人民政府（复查）书面请求复查").contains("部分支持"));
      assertThat(replied.path("actions").path("reviewRequest").path("allowed").asBoolean()).isTrue();

      post(view + "/evaluation", null, Map.of("satisfaction", "DISSATISFIED", "comment", "赔偿未获支持"), 201);
      post(view + "/evaluation", null, Map.of("satisfaction", "SATISFIED"), 409);

      post(view + "/review-requests", null, Map.of("reason", "赔偿请求应予支持"), 201);
      assertThat(status(view)).isEqualTo("IN_REVIEW");
      assertThat(tasks(base, "reviewPetition", caseNumber, "housing1")).as("the unit cannot see the review").isEmpty();
      complete(base, task(base, "reviewPetition", caseNumber, "review1"), "review1",
          Map.of("reviewOutcome", "UPHOLD", "opinionText", "原处理意见认定事实清楚，予以维持。"));
      assertThat(status(view)).isEqualTo("REVIEWED");

      post(view + "/re-review-requests", null, Map.of("reason", "仍不服"), 201);
      assertThat(status(view)).isEqualTo("IN_RE_REVIEW");
      complete(base, task(base, "reReviewPetition", caseNumber, "rereview1"), "rereview1",
          Map.of("reReviewOutcome", "UPHOLD", "opinionText", "复查意见正确，予以维持。", "publishOpinion", false));
      JsonNode terminated = get(view, null);
      assertThat(terminated.path("status").asText()).isEqualTo("TERMINATED");
      assertThat(terminated.path("notices").findValuesAsText("type"))
          .contains("HANDLING_OPINION", "REVIEW_OPINION", "RE_REVIEW_OPINION");
      post(view + "/review-requests", null, Map.of("reason", "再次请求"), 409);
      definitions = get(base + "/engine-rest/process-definition/count?key=petition", "demo").path("count").asLong();
    }

    try (ConfigurableApplicationContext app = start()) {
      String base = Apps.base(app);
      JsonNode view = get(base + "/api/petitions/" + queryCode, null);
      assertThat(view.path("caseNumber").asText()).isEqualTo(caseNumber);
      assertThat(view.path("status").asText()).isEqualTo("TERMINATED");
      assertThat(view.path("opinions").findValuesAsText("kind")).containsExactly("HANDLING", "REVIEW", "RE_REVIEW");
      assertThat(view.path("opinions").get(0).path("evaluation").asText()).isEqualTo("DISSATISFIED");
      assertThat(get(base + "/engine-rest/process-definition/count?key=petition", "demo").path("count").asLong())
          .as("unchanged models make no new version").isEqualTo(definitions);
    }
  }

  private JsonNode task(String base, String key, String caseNumber, String user) throws Exception {
    JsonNode found = tasks(base, key, caseNumber, user);
    assertThat(found).as("%s of %s for %s", key, caseNumber, user).hasSize(1);
    return found.get(0);
  }

  private JsonNode tasks(String base, String key, String caseNumber, String user) throws Exception {
    return get(base + "/engine-rest/task?taskDefinitionKey=" + key + "&processInstanceBusinessKey=" + caseNumber, user);
  }

  private void complete(String base, JsonNode task, String user, Map<String, Object> values) throws Exception {
    post(base + "/engine-rest/task/" + task.path("id").asText() + "/complete", user,
        Map.of("variables", variables(values)), 204);
  }

  private String status(String view) throws Exception {
    return get(view, null).path("status").asText();
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new HashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return vars;
  }

  private JsonNode get(String url, String user) throws Exception {
    HttpResponse<String> response = http.send(request(url, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private JsonNode post(String url, String user, Object body, int expectedStatus) throws Exception {
    HttpRequest request = request(url, user).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("POST %s: %s", url, response.body()).isEqualTo(expectedStatus);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  private static HttpRequest.Builder request(String url, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    if (user != null) {
      builder.header("Authorization", Apps.basic(user, "demo"));
    }
    return builder;
  }
}
