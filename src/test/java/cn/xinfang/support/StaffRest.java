package cn.xinfang.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls of the application under test as a demo staff user (HTTP Basic, password demo). */
public final class StaffRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  public StaffRest(TestRestTemplate rest) {
    this.rest = rest;
  }

  /** GET as that user, which must answer 200; the JSON body. */
  public JsonNode get(String user, String path) {
    ResponseEntity<String> response = exchange(user, HttpMethod.GET, path, null);
    assertThat(response.getStatusCode().value())
        .as("GET %s as %s: %s", path, user, response.getBody())
        .isEqualTo(200);
    return json(response);
  }

  public int status(String user, HttpMethod method, String path, Object body) {
    return exchange(user, method, path, body).getStatusCode().value();
  }

  /**
   * The request as that user (no Authorization header when null); the path may hold {placeholders}.
   */
  public ResponseEntity<String> exchange(
      String user, HttpMethod method, String path, Object body, Object... uriVariables) {
    HttpHeaders headers = new HttpHeaders();
    if (user != null) {
      headers.set(HttpHeaders.AUTHORIZATION, Apps.basic(user, "demo"));
    }
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class, uriVariables);
  }

  public static JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
