package cn.xinfang.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The petitioner's side of the public API over HTTP: status codes and JSON bodies. */
public class PublicApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestRestTemplate rest;

  public PublicApi(TestRestTemplate rest) {
    this.rest = rest;
  }

  public record Answer(int status, JsonNode body) {

    public String error() {
      return body.path("error").asText();
    }
  }

  public Answer view(String queryCode) {
    return answer(rest.getForEntity("/api/petitions/{code}", String.class, queryCode));
  }

  public Answer evaluate(String queryCode, Map<String, ?> body) {
    return post("/api/petitions/" + queryCode + "/evaluation", body);
  }

  public Answer requestReview(String queryCode, String reason) {
    return post("/api/petitions/" + queryCode + "/review-requests", Map.of("reason", reason));
  }

  public Answer requestReReview(String queryCode, String reason) {
    return post("/api/petitions/" + queryCode + "/re-review-requests", Map.of("reason", reason));
  }

  public Answer post(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return answer(
          rest.postForEntity(
              path, new HttpEntity<>(JSON.writeValueAsString(body), headers), String.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static Answer answer(ResponseEntity<String> response) {
    try {
      String body = response.getBody();
      return new Answer(
          response.getStatusCode().value(), body == null ? JSON.nullNode() : JSON.readTree(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("not JSON: " + response.getBody(), e);
    }
  }
}
