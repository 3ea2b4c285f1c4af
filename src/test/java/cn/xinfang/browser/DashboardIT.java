package cn.xinfang.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * 态势分析 (/dashboard/) in headless Chromium ({@code src/test/browser/dashboard.mjs}, see {@link
 * BrowserScript}): leader1 is sent through the Welcome login and back, reads the charts and the
 * ranking tables in Chinese, prints; Welcome links the page; leader1 still cannot log in to
 * Cockpit; clerk1 reads 无权查看. The application's clock is pinned to Fri 2026-11-20, and three
 * letters received on 2026-10-26 wait at triage, overdue since 2026-11-10, in two districts.
 */
@ApplicationIT
class DashboardIT {

  private static final List<String> SCREENSHOTS =
      List.of(
          "dashboard-1-leader.png",
          "dashboard-2-print.png",
          "dashboard-3-welcome.png",
          "dashboard-4-cockpit-refused.png",
          "dashboard-5-clerk-refused.png");

  @LocalServerPort int port;

  @Autowired TestRestTemplate http;
  @Autowired TestClock clock;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void aLeaderReadsTheDashboardThroughTheWebappLoginAndAClerkIsRefused() throws Exception {
    // Given petitions in Futian and Nanshan, overdue at triage
    clock.pin("2026-11-20T10:00");
    register("FUTIAN", "HOUSING");
    register("FUTIAN", "LABOUR");
    register("NANSHAN", "HOUSING");

    // When leader1 and clerk1 open the dashboard
    List<String> stale = new ArrayList<>(SCREENSHOTS);
    stale.add("dashboard-failure.png");
    JsonNode result =
        BrowserScript.named("dashboard").run(port, Map.of(), stale).assertSucceeded().result();

    // Then leader1 went through the Welcome login and came back to the dashboard
    assertThat(result.path("loginUrl").asText())
        .contains("/camunda/app/welcome/default/")
        .contains("returnTo=%2Fdashboard%2F");
    assertThat(result.path("title").asText()).isEqualTo("信访工作态势分析");
    // and the charts are drawn: the monthly trend, the overdue tasks, the heat map
    assertThat(result.path("charts").path("trend").asInt()).isPositive();
    assertThat(result.path("charts").path("overdue").asInt()).isPositive();
    assertThat(result.path("charts").path("heatmap").asInt()).isPositive();
    // every section found its figures
    assertThat(texts(result.path("errors"))).noneMatch(e -> e.contains("暂无数据"));
    // the ranking tables in Chinese, sortable
    assertThat(texts(result.path("unitHeaders")))
        .contains("承办单位", "登记量", "及时分流率", "及时受理率", "按期办结率", "参评率", "满意率", "重复信访率", "一次性化解率");
    assertThat(texts(result.path("districtHeaders"))).contains("地区", "登记量", "满意率");
    assertThat(texts(result.path("warningHeaders"))).contains("类型", "案件编号", "预警时间", "说明");
    assertThat(result.path("sortedBy").asText()).isEqualTo("onTimeCompletionRate");

    // And printed, the page has no navigation and its charts fit an A4 page's width
    assertThat(result.path("print").path("navigation").asText()).isEqualTo("none");
    assertThat(result.path("print").path("range").asText()).isEqualTo("none");
    assertThat(result.path("print").path("widestChart").asDouble()).isLessThanOrEqualTo(700);
    assertThat(result.path("print").path("widestSvg").asDouble()).isLessThanOrEqualTo(700);

    // And Welcome links the page, while Cockpit still refuses leader1's login
    assertThat(result.path("welcomeLink").asText()).contains("态势分析");
    assertThat(result.path("cockpitStatus").asInt()).isEqualTo(403);
    assertThat(result.path("stillLogin").asBoolean()).isTrue();
    // and an administrator reaches the dashboard from Cockpit's navigation bar
    assertThat(result.path("fromCockpit").asText()).isEqualTo("/dashboard/");

    // And clerk1, logged in the same way, is refused in Chinese
    assertThat(result.path("refusal").asText()).contains("无权查看");
    assertThat(result.path("refusedStatus").asInt()).isEqualTo(403);

    assertThat(SCREENSHOTS)
        .allSatisfy(
            name ->
                assertThat(BrowserScript.SCREENSHOTS.resolve(name))
                    .isRegularFile()
                    .isNotEmptyFile());
  }

  private void register(String district, String category) {
    Map<String, Object> body = Petitions.with("receivedAt", "2026-10-26");
    body.put("district", district);
    body.put("category", category);
    body.put("channel", "LETTER");
    ResponseEntity<Map<String, Object>> response =
        http.exchange(
            "/api/petitions",
            HttpMethod.POST,
            new HttpEntity<>(body),
            new ParameterizedTypeReference<>() {});
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  private static List<String> texts(JsonNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1)
        .map(i -> array.get(i).asText())
        .toList();
  }
}
