package cn.xinfang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The operators' addresses: /actuator/prometheus with the platform's figures under their documented
 * names (docs/operations.md), and the OpenAPI description of the platform's own API, both for
 * administrators only; /actuator/health stays open.
 */
@ApplicationIT
class OperationsIT {

  @LocalServerPort int port;

  @Autowired TestRestTemplate http;
  @Autowired OperationsMetrics metrics;
  @Autowired TestClock clock;

  StaffRest staff() {
    return new StaffRest(http);
  }

  @Test
  void prometheusIsForAdministratorsWithTheDocumentedNames() {
    // Given a letter received 25 days ago, waiting at triage, overdue
    clock.pin("2026-11-20T10:00");
    metrics.count();
    double before = figure(scrape(), "xinfang_registrations_total\\{channel=\"LETTER\"}");
    register();
    metrics.count();

    // Then anonymous 401, staff 403 in Chinese, an administrator 200
    ResponseEntity<String> anonymous =
        staff().exchange(null, HttpMethod.GET, "/actuator/prometheus", null);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    for (String user : new String[] {"clerk1", "leader1", "supervisor1", "housing1"}) {
      ResponseEntity<String> refused =
          staff().exchange(user, HttpMethod.GET, "/actuator/prometheus", null);
      assertThat(refused.getStatusCode().value()).as(user).isEqualTo(403);
      assertThat(refused.getBody()).contains("仅系统管理员");
    }
    String text = scrape();
    assertThat(text)
        .contains("xinfang_cases_open{status=\"REGISTERED\"}")
        .contains("xinfang_cases_open{status=\"ACCEPTED\"}")
        .contains("xinfang_tasks_overdue{group=\"bureau\"}")
        .contains("xinfang_tasks_overdue{group=\"unit-housing\"}")
        .contains("xinfang_registrations_total{channel=\"ONLINE\"}")
        .contains("xinfang_jobs_executable")
        .contains("xinfang_jobs_failed")
        .contains("xinfang_incidents_open");
    assertThat(figure(text, "xinfang_cases_open\\{status=\"REGISTERED\"}")).isPositive();
    assertThat(figure(text, "xinfang_tasks_overdue\\{group=\"bureau\"}")).isPositive();
    assertThat(figure(text, "xinfang_registrations_total\\{channel=\"LETTER\"}"))
        .isEqualTo(before + 1);

    // And health stays open to monitoring
    assertThat(
            staff()
                .exchange(null, HttpMethod.GET, "/actuator/health", null)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void theOpenApiDescriptionIsForAdministratorsAndListsThePlatformsOwnApi() {
    for (String path :
        new String[] {"/v3/api-docs", "/v3/api-docs.yaml", "/swagger-ui/index.html"}) {
      assertThat(staff().exchange(null, HttpMethod.GET, path, null).getStatusCode().value())
          .as(path)
          .isEqualTo(401);
      for (String user : new String[] {"clerk1", "leader1"}) {
        assertThat(staff().exchange(user, HttpMethod.GET, path, null).getStatusCode().value())
            .as("%s as %s", path, user)
            .isEqualTo(403);
      }
    }
    JsonNode api = staff().get("demo", "/v3/api-docs");
    JsonNode paths = api.path("paths");
    assertThat(paths.has("/api/petitions")).isTrue();
    assertThat(paths.has("/api/staff/cases/{caseNumber}")).isTrue();
    assertThat(paths.has("/api/audit/cases/{caseNumber}")).isTrue();
    assertThat(paths.has("/api/dashboard/heatmap")).isTrue();
    assertThat(paths.has("/api/metrics")).as("/api/metrics described").isTrue();
    assertThat(paths.has("/api/warnings")).as("/api/warnings described").isTrue();
    assertThat(paths.fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/"));
    assertThat(paths.path("/api/petitions").path("post").path("summary").asText())
        .isEqualTo("登记信访事项（公开）");
    assertThat(api.path("info").path("title").asText()).isEqualTo("信访事项办理平台 API");
    assertThat(
            staff()
                .exchange("demo", HttpMethod.GET, "/swagger-ui/index.html", null)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void theExistingHeadersStayAsTheyWere() throws Exception {
    // the portal's policy and the webapps' own headers are not replaced by the new filters
    ResponseEntity<String> portal = staff().exchange(null, HttpMethod.GET, "/portal/", null);
    assertThat(portal.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    ResponseEntity<String> tasklist =
        staff().exchange(null, HttpMethod.GET, "/camunda/app/tasklist/default/", null);
    assertThat(tasklist.getHeaders().getFirst("Content-Security-Policy")).isNotBlank();
    // and the dashboard has its own strict one
    HttpResponse<String> dashboard =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dashboard/"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(dashboard.statusCode()).isEqualTo(302);
    assertThat(dashboard.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
  }

  private String scrape() {
    ResponseEntity<String> answer =
        staff().exchange("demo", HttpMethod.GET, "/actuator/prometheus", null);
    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    return answer.getBody();
  }

  private static double figure(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private void register() {
    var body = Petitions.with("receivedAt", "2026-10-26");
    body.put("channel", "LETTER");
    assertThat(staff().status(null, HttpMethod.POST, "/api/petitions", body)).isEqualTo(201);
  }
}
