package cn.xinfang.browser;

import static cn.xinfang.support.CaseDriver.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.PublicApi.Answer;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A citizen uses the portal 网上信访 ({@code /portal/}) in headless Chromium, driven by {@code
 * src/test/browser/portal.mjs}; see {@link BrowserScript} for what it needs. Titles, contents and
 * reasons carry markup and script: the portal must store and show them as the text they are, never
 * run them.
 */
@ApplicationIT
class PortalIT {

  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(2)>";
  private static final String SVG = "\"><svg onload=alert(3)>";

  @LocalServerPort int port;

  @Autowired CaseDriver cases;
  @Autowired PublicApi api;
  @Autowired PetitionStore store;
  @Autowired OpinionStore opinions;
  @Autowired RuntimeService runtimeService;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void citizenSubmitsFollowsRatesAndAsksForReviewWhileMarkupStaysText() throws Exception {
    // Given the portal on 2026-10-08
    clock.pin("2026-10-08T09:00");
    long before = petitionCount();

    // When a citizen submits a petition whose title and content carry markup, with a double click,
    // and follows it
    JsonNode submitted =
        portal(
            "submit",
            Map.of(),
            "portal-1-form.png",
            "portal-2-confirmation.png",
            "portal-3-registered.png",
            "portal-3-attachment.png");

    // Then one case holds exactly the text typed, under the form's one requestId, and the portal
    // showed it as text
    String caseNumber = submitted.path("caseNumber").asText();
    String queryCode = submitted.path("queryCode").asText();
    String title = submitted.path("title").asText();
    assertThat(title).contains(SCRIPT, IMG, SVG);
    assertThat(submitted.path("content").asText())
        .contains("<iframe src=\"javascript:alert(4)\"></iframe>");
    PetitionRecord stored = store.get(caseNumber);
    assertThat(stored.title()).isEqualTo(title);
    assertThat(stored.content()).isEqualTo(submitted.path("content").asText());
    assertThat(stored.queryCode()).isEqualTo(queryCode);
    assertThat(stored.channel()).isEqualTo(Channel.ONLINE);
    assertThat(stored.district()).isEqualTo("FUTIAN");
    assertThat(store.findByRequestId(submitted.path("requestId").asText()))
        .hasValueSatisfying(p -> assertThat(p.caseNumber()).isEqualTo(caseNumber));
    assertThat(petitionCount()).isEqualTo(before + 1);
    assertThat(submitted.path("titleShown").asText()).isEqualTo(title);
    // and added one scan: a page calling itself a PDF was refused in Chinese beside the field
    assertThat(submitted.path("attachmentRefusal").asText()).containsPattern("\\p{IsHan}");
    assertThat(submitted.path("attachmentShown").asText())
        .contains("scan.pdf")
        .doesNotContain("evidence");
    assertThat(
            jdbc.sql(
                    "select count(*) from attachment a join petition p on p.id = a.petition_id"
                        + " where p.case_number = ?")
                .param(caseNumber)
                .query(Long.class)
                .single())
        .isEqualTo(1L);

    // When the bureau transfers it on 2026-10-20, the housing bureau accepts it and delivers its
    // opinion
    clock.pin("2026-10-20T10:00");
    Case c =
        cases.replied(
            cases.accepted(cases.transferred(cases.existing(caseNumber), "CLAIM", false)),
            "SUPPORTED");

    // and on 2026-11-02 the citizen reads it in the portal, rates the opinion and asks for review
    clock.pin("2026-11-02T09:00");
    JsonNode appealed =
        portal(
            "appeal",
            Map.of("QUERY_CODE", queryCode),
            "portal-5-replied.png",
            "portal-6-in-review.png",
            "portal-7-phone.png");

    // Then the title and the notices quoting it (transfer, acceptance, opinion) showed the markup
    // as text,
    // the opinion kept its line breaks, and the dates were Beijing's in a browser in Auckland
    assertThat(appealed.path("titleShown").asText()).isEqualTo(title);
    assertThat(appealed.path("noticesQuotingTitle").asInt()).isEqualTo(3);
    assertThat(appealed.path("opinionLines").asInt()).isGreaterThanOrEqualTo(8);
    assertThat(appealed.path("evaluationUntil").asText()).isEqualTo("2026年11月19日");
    assertThat(appealed.path("reviewUntil").asText()).isEqualTo("2026年11月19日");
    assertThat(appealed.path("deadlineReplied").asText()).isEqualTo("请求复查期限：2026年11月19日");
    assertThat(appealed.path("deadlineInReview").asText()).isEqualTo("复查期限：2026年12月2日");

    // and the case store holds the evaluation and the review request, word for word
    long opinion = opinions.latest(c.id(), OpinionKind.HANDLING).orElseThrow().id();
    assertThat(opinions.evaluation(opinion))
        .hasValueSatisfying(
            e -> {
              assertThat(e.result()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
              assertThat(e.comment()).isEqualTo(appealed.path("comment").asText()).contains("<b>");
            });
    assertThat(opinions.hasAppealRequest(opinion)).isTrue();
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.IN_REVIEW);
    cases.assertWaitingAt(c, REVIEW);
    assertThat(runtimeService.getVariable(c.pi().getId(), PetitionProcess.Var.REVIEW_REASON))
        .isEqualTo(appealed.path("reason").asText());
    JsonNode view = api.view(queryCode).body();
    assertThat(view.path("opinions").path(0).path("evaluation").asText())
        .isEqualTo("BASICALLY_SATISFIED");
    assertThat(view.path("actions").path("evaluation").path("allowed").asBoolean()).isFalse();
    assertThat(view.path("actions").path("reviewRequest").path("allowed").asBoolean()).isFalse();
  }

  @Test
  void theServersRefusalIsShownBesideItsFieldAndNothingIsStored() throws Exception {
    // Given the portal's form
    long before = petitionCount();

    // When a citizen submits it with an ID number whose check digit is wrong
    JsonNode refused = portal("invalid", Map.of(), "portal-4-invalid-id.png");

    // Then the server refused it, and the portal showed the server's own message beside the ID
    // field
    Map<String, Object> same =
        Petitions.with("petitioner.idNumber", refused.path("idNumber").asText());
    Answer server = api.post("/api/petitions", same);
    assertThat(server.status()).isEqualTo(400);
    assertThat(server.body().path("field").asText()).isEqualTo("petitioner.idNumber");
    assertThat(refused.path("status").asInt()).isEqualTo(400);
    assertThat(refused.path("field").asText()).isEqualTo("petitioner.idNumber");
    assertThat(refused.path("shownError").asText()).isEqualTo(server.error()).contains("身份证号码无效");
    // (the malformed number before it never left the page)
    assertThat(refused.path("registrations").asInt()).isEqualTo(1);

    // and nothing was stored
    assertThat(store.findByRequestId(refused.path("requestId").asText())).isEmpty();
    assertThat(petitionCount()).isEqualTo(before);
  }

  /**
   * Runs one scenario of portal.mjs and answers its RESULT, after checking its screenshots were
   * taken.
   */
  private JsonNode portal(String scenario, Map<String, String> environment, String... screenshots)
      throws Exception {
    Map<String, String> env = new HashMap<>(environment);
    env.put("SCENARIO", scenario);
    List<String> stale = new ArrayList<>(List.of(screenshots));
    stale.add("portal-failure.png");
    JsonNode result =
        BrowserScript.named("portal").run(port, env, stale).assertSucceeded().result();
    assertThat(List.of(screenshots))
        .allSatisfy(
            name ->
                assertThat(BrowserScript.SCREENSHOTS.resolve(name))
                    .isRegularFile()
                    .isNotEmptyFile());
    return result;
  }

  private long petitionCount() {
    return jdbc.sql("select count(*) from petition").query(Long.class).single();
  }
}
