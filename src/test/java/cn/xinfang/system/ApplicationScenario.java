package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.XinfangApplication;
import cn.xinfang.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One case from registration to acceptance, driven only through the public API and /engine-rest as
 * a bureau clerk and a unit clerk would; then a restart on the same database. Run against H2 and
 * PostgreSQL by the subclasses.
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
    // as command-line arguments, which outrank application.yaml
    String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    return new SpringApplicationBuilder(XinfangApplication.class).run(args);
  }

  void registerTriageAcceptAndRestart() throws Exception {
    String caseNumber;
    String queryCode;
    long definitions;
    try (ConfigurableApplicationContext app = start()) {
      String base = base(app);
      assertThat(get(base + "/actuator/health", null).path("status").asText()).isEqualTo("UP");

      JsonNode created = post(base + "/api/petitions", null, Petitions.valid(), 201);
      caseNumber = created.path("caseNumber").asText();
      queryCode = created.path("queryCode").asText();
      assertThat(created.path("status").asText()).isEqualTo("REGISTERED");

      JsonNode triage = get(base + "/engine-rest/task?taskDefinitionKey=triagePetition&processInstanceBusinessKey="
          + caseNumber, "clerk1").get(0);
      assertThat(triage.path("due").asText()).startsWith("2026-10-08T15:59:59");
      post(base + "/engine-rest/task/" + triage.path("id").asText() + "/complete", "clerk1",
          Map.of("variables", variables(Petitions.triage("CLAIM", "NONE", false, false, false, true))), 204);
      assertThat(get(base + "/api/petitions/" + queryCode, null).path("status").asText()).isEqualTo("TRANSFERRED");

      JsonNode accept = get(base + "/engine-rest/task?taskDefinitionKey=acceptPetition&processInstanceBusinessKey="
          + caseNumber, "housing1").get(0);
      post(base + "/engine-rest/task/" + accept.path("id").asText() + "/complete", "housing1",
          Map.of("variables", variables(Map.of("acceptance", "ACCEPT"))), 204);
      JsonNode view = get(base + "/api/petitions/" + queryCode, null);
      assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
      assertThat(view.path("notices").findValuesAsText("type")).contains("TRANSFER_NOTICE", "ACCEPTANCE_NOTICE");
      definitions = get(base + "/engine-rest/process-definition/count?key=petition", "demo").path("count").asLong();
    }

    try (ConfigurableApplicationContext app = start()) {
      String base = base(app);
      JsonNode view = get(base + "/api/petitions/" + queryCode, null);
      assertThat(view.path("caseNumber").asText()).isEqualTo(caseNumber);
      assertThat(view.path("status").asText()).isEqualTo("ACCEPTED");
      assertThat(get(base + "/engine-rest/process-definition/count?key=petition", "demo").path("count").asLong())
          .as("unchanged models make no new version").isEqualTo(definitions);
    }
  }

  private static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new HashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return vars;
  }

  private static String base(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
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
      String credentials = user + ":demo";
      builder.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }
}
