package cn.xinfang.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * The public API and /engine-rest over real HTTP, as the petitioner (no user) or a demo user
 * (password demo) would call them, each call checking the status it expects.
 */
public class Http {

  private final HttpClient client = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  public JsonNode get(String url, String user) throws Exception {
    HttpResponse<String> response =
        client.send(request(url, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  public JsonNode post(String url, String user, Object body, int expectedStatus) throws Exception {
    return send("POST", url, user, body, expectedStatus);
  }

  public JsonNode put(String url, String user, Object body, int expectedStatus) throws Exception {
    return send("PUT", url, user, body, expectedStatus);
  }

  private JsonNode send(String method, String url, String user, Object body, int expectedStatus)
      throws Exception {
    HttpRequest request =
        request(url, user)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as("%s %s: %s", method, url, response.body())
        .isEqualTo(expectedStatus);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }

  /** The one task of that key of the case, as that user sees it. */
  public JsonNode task(String base, String key, String caseNumber, String user) throws Exception {
    JsonNode found = tasks(base, key, caseNumber, user);
    assertThat(found).as("%s of %s for %s", key, caseNumber, user).hasSize(1);
    return found.get(0);
  }

  public JsonNode tasks(String base, String key, String caseNumber, String user) throws Exception {
    return get(
        base
            + "/engine-rest/task?taskDefinitionKey="
            + key
            + "&processInstanceBusinessKey="
            + caseNumber,
        user);
  }

  public void complete(String base, JsonNode task, String user, Map<String, Object> values)
      throws Exception {
    post(
        base + "/engine-rest/task/" + task.path("id").asText() + "/complete",
        user,
        Map.of("variables", variables(values)),
        204);
  }

  /** The status of the case in the petitioner's view. */
  public String status(String view) throws Exception {
    return get(view, null).path("status").asText();
  }

  /** Plain values as /engine-rest's typed variables: {"name": {"value": …}}. */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> vars = new HashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return vars;
  }

  private static HttpRequest.Builder request(String url, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
    if (user != null) {
      builder.header("Authorization", Apps.basic(user, "demo"));
    }
    return builder;
  }
}
