package cn.xinfang.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.PublicApi.Answer;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Petitioners who write, come or call (docs/domain.md §5, docs/api.md "Staff"): the counter
 * registration's receipt with the query code, the delivery of opinions on paper that opens their
 * windows, the bureau's follow-up call that records their evaluation, and their review and
 * re-review requests entered by staff with the day they arrived. Every refusal is a Chinese message
 * and stores nothing.
 */
@ApplicationIT
class CounterPetitionersIT {

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired PublicApi petitioner;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;
  @Autowired OpinionStore opinions;

  // ---------------------------------------------------------------------------------------------
  // The counter: receipt and query code
  // ---------------------------------------------------------------------------------------------

  @Test
  void aCounterRegistrationGivesAReceiptWhoseQueryCodeOpensTheCase() {
    // Given clerk1 registers a visit with Tasklist's start form
    String caseNumber = registerAtTheCounter("<b>工地夜间施工</b>噪音");

    // Then the case file gives clerk1 the query code, and the case has a receipt notice
    JsonNode file = staff.get("clerk1", "/api/staff/cases/" + caseNumber);
    String code = file.path("queryCode").asText();
    assertThat(code).matches("[2-9A-HJKMNP-Z]{12}");
    assertThat(file.path("notices").findValuesAsText("type")).contains("REGISTRATION_RECEIPT");
    assertThat(file.path("milestones").findValuesAsText("description")).contains("信访部门已登记，出具登记回执");

    // and the printable receipt names the case, the code and how to follow it, escaped, with no
    // script and no caching
    ResponseEntity<String> receipt =
        staff.exchange(
            "clerk1", HttpMethod.GET, "/api/staff/cases/" + caseNumber + "/receipt", null);
    assertThat(receipt.getStatusCode().value()).isEqualTo(200);
    assertThat(receipt.getHeaders().getContentType().toString()).startsWith("text/html");
    assertThat(receipt.getHeaders().getCacheControl()).contains("no-store");
    assertThat(receipt.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(receipt.getBody())
        .contains("信访事项登记回执", caseNumber, ReceiptPage.grouped(code), "<svg", "/portal/case.html")
        .contains("&lt;b&gt;工地夜间施工&lt;/b&gt;噪音")
        .doesNotContain("<b>工地", "<script");

    // and the code opens the case in the portal
    Answer view = petitioner.view(code);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body().path("caseNumber").asText()).isEqualTo(caseNumber);

    // and the clerk finds it among their own registrations; another user's list does not have it
    JsonNode mine = staff.get("clerk1", "/api/staff/registrations");
    assertThat(mine.findValuesAsText("caseNumber")).contains(caseNumber);
    assertThat(mine.findValuesAsText("receipt"))
        .contains("/api/staff/cases/" + caseNumber + "/receipt");
    assertThat(staff.get("housing1", "/api/staff/registrations").findValuesAsText("caseNumber"))
        .doesNotContain(caseNumber);

    // and every print is in the audit trail
    assertThat(
            jdbc.sql("select count(*) from case_audit where case_number = ? and action = 'RECEIPT'")
                .param(caseNumber)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void onlyTheRegisteringClerkAndTheBureauReadTheQueryCode() {
    // Given a case transferred to the housing bureau
    Case c = cases.transferred();
    String file = "/api/staff/cases/" + c.number();

    // Then the unit handling it reads the case but not the code, nor prints the receipt
    assertThat(staff.get("housing1", file).path("queryCode").isNull()).isTrue();
    assertThat(staff.status("housing1", HttpMethod.GET, file + "/receipt", null)).isEqualTo(404);
    // the administrator neither
    assertThat(staff.get("demo", file).path("queryCode").isNull()).isTrue();
    // the bureau reads it (and the case, masked, although it no longer holds a task of it)
    JsonNode bureau = staff.get("clerk1", file);
    assertThat(bureau.path("queryCode").asText()).isEqualTo(c.queryCode());
    assertThat(bureau.path("personalData").asText()).isEqualTo("MASKED");
    assertThat(staff.status("clerk1", HttpMethod.GET, file + "/receipt", null)).isEqualTo(200);
  }

  // ---------------------------------------------------------------------------------------------
  // Delivery on paper opens the windows
  // ---------------------------------------------------------------------------------------------

  @Test
  void anOfflinePetitionersWindowsRunFromTheDayTheUnitDelivers() {
    // Given a letter petitioner's case whose handling opinion is issued on 2026-10-20
    clock.pin("2026-10-20T10:00");
    Case c = cases.acceptedVia("LETTER");
    cases.replied(c, "SUPPORTED");

    // Then the unit must confirm the delivery; until then no window is open
    cases.assertWaitingAt(c, CaseDriver.CONFIRM_DELIVERY);
    Task confirm = cases.task(c, CaseDriver.CONFIRM_DELIVERY);
    assertThat(cases.candidateGroup(confirm)).isEqualTo("unit-housing");
    JsonNode view = petitioner.view(c.queryCode()).body();
    assertThat(view.path("opinions").get(0).path("deliveredAt").isNull()).isTrue();
    assertThat(view.path("actions").path("evaluation").path("allowed").asBoolean()).isFalse();
    assertThat(view.path("actions").path("reviewRequest").path("allowed").asBoolean()).isFalse();
    assertThat(petitioner.evaluate(c.queryCode(), Map.of("satisfaction", "SATISFIED")).error())
        .contains("尚未送达");
    assertThat(petitioner.requestReview(c.queryCode(), "不服处理意见").error()).contains("尚未送达");
    assertThat(cases.notice(c, "HANDLING_OPINION").body())
        .contains("自收到本意见书之日起 30 日内向")
        .doesNotContain("截至");

    // When the unit enters a day in the future, before the issue, an online method, or another
    // variable, it is refused in Chinese and nothing changes
    String complete = "/engine-rest/task/" + confirm.getId() + "/complete";
    assertRefused(
        complete, Map.of("deliveredAt", "2026-10-25", "deliveryMethod", "POST"), "不能晚于今天");
    assertRefused(
        complete, Map.of("deliveredAt", "2026-10-19", "deliveryMethod", "POST"), "不能早于意见书的出具日期");
    assertRefused(
        complete,
        Map.of("deliveredAt", "2026-10-20", "deliveryMethod", "ONLINE"),
        "deliveryMethod");
    assertRefused(
        complete,
        Map.of("deliveredAt", "2026-10-20", "deliveryMethod", "POST", "handlingUnit", "unit-hrss"),
        "不接受变量 handlingUnit");
    cases.assertWaitingAt(c, CaseDriver.CONFIRM_DELIVERY);

    // When housing1 confirms on 2026-10-23 that the petitioner signed for it by post on 10-22
    clock.pin("2026-10-23T09:00");
    ResponseEntity<String> done =
        staff.exchange(
            "housing1",
            HttpMethod.POST,
            complete,
            variables(Map.of("deliveredAt", "2026-10-22", "deliveryMethod", "POST")));
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);

    // Then the windows run from 10-22: 30 days end Sat 11-21, moved to Mon 11-23 (start day not
    // counted, a rest day moves the end to the next working day)
    OffsetDateTime due = OffsetDateTime.parse("2026-11-23T23:59:59+08:00");
    var opinion = opinions.latest(c.id(), OpinionKind.HANDLING).orElseThrow();
    assertThat(opinion.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-10-22T00:00+08:00"));
    assertThat(opinion.deliveryMethod().name()).isEqualTo("POST");
    assertThat(opinion.appealDue()).isEqualTo(due);
    assertThat(opinion.evaluationDue()).isEqualTo(due);
    view = petitioner.view(c.queryCode()).body();
    assertThat(view.path("actions").path("reviewRequest").path("allowed").asBoolean()).isTrue();
    assertThat(OffsetDateTime.parse(view.path("currentDeadline").asText())).isEqualTo(due);
    assertThat(cases.publicMilestones(c))
        .contains("信访处理意见书已于2026年10月22日邮寄送达，可于2026年11月23日前请求复查，可于2026年11月23日前评价办理结果");
    // and the process waits for a request 5 working days longer, for letters that arrived in time
    Job window = cases.timer(c, "Timer_ReviewWindow");
    assertThat(window.getDuedate().toInstant())
        .isEqualTo(OffsetDateTime.parse("2026-11-30T23:59:59+08:00").toInstant());
  }

  // ---------------------------------------------------------------------------------------------
  // The bureau's follow-up call (回访)
  // ---------------------------------------------------------------------------------------------

  @Test
  void theBureauRecordsTheEvaluationOfAPetitionerItCalls() {
    // Given a visitor's opinion delivered in person
    Case c = delivered("VISIT", "2026-10-20T10:00", "2026-10-21");
    String evaluation = "/api/staff/cases/" + c.number() + "/evaluation";

    // Then the bureau, which owes the call, reads the phone number; the unit does not any more
    assertThat(staff.get("clerk1", "/api/staff/cases/" + c.number()).path("personalData").asText())
        .isEqualTo("FULL");

    // When others try, or the bureau sends what the contract does not allow, nothing is recorded
    assertThat(
            post("housing1", evaluation, Map.of("satisfaction", "SATISFIED", "channel", "PHONE"))
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            post("discipline1", evaluation, Map.of("satisfaction", "SATISFIED", "channel", "PHONE"))
                .getStatusCode()
                .value())
        .isEqualTo(404);
    assertField(
        post("clerk1", evaluation, Map.of("satisfaction", "SATISFIED", "channel", "ONLINE")),
        "channel");
    assertField(post("clerk1", evaluation, Map.of("satisfaction", "SATISFIED")), "channel");
    assertField(
        post("clerk1", evaluation, Map.of("satisfaction", "NOT_EVALUATED", "channel", "PHONE")),
        "satisfaction");
    assertThat(cases.evaluations(c)).isZero();

    // When clerk1 records the answer of a phone call
    clock.pin("2026-10-28T15:00");
    ResponseEntity<String> recorded =
        post(
            "clerk1",
            evaluation,
            Map.of("satisfaction", "BASICALLY_SATISFIED", "channel", "PHONE", "comment", "希望加快维修"));

    // Then it is the opinion's one evaluation, by phone, entered by clerk1, and public
    assertThat(recorded.getStatusCode().value()).as(recorded.getBody()).isEqualTo(201);
    assertThat(StaffRest.json(recorded).path("channel").asText()).isEqualTo("PHONE");
    assertThat(
            jdbc.sql(
                    "select channel || '/' || recorded_by from evaluation e join opinion o on o.id = e.opinion_id where o.petition_id = ?")
                .param(c.id())
                .query(String.class)
                .single())
        .isEqualTo("PHONE/clerk1");
    assertThat(cases.publicMilestones(c)).contains("信访人评价：基本满意（电话回访）");
    assertThat(
            petitioner
                .view(c.queryCode())
                .body()
                .path("opinions")
                .get(0)
                .path("evaluation")
                .asText())
        .isEqualTo("BASICALLY_SATISFIED");
    // once per opinion, also online; and the bureau's full reading ends with the call
    assertThat(
            post("clerk1", evaluation, Map.of("satisfaction", "SATISFIED", "channel", "VISIT"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
    assertThat(petitioner.evaluate(c.queryCode(), Map.of("satisfaction", "SATISFIED")).status())
        .isEqualTo(409);
    assertThat(staff.get("clerk1", "/api/staff/cases/" + c.number()).path("personalData").asText())
        .isEqualTo("MASKED");
  }

  // ---------------------------------------------------------------------------------------------
  // Review and re-review requests entered by staff
  // ---------------------------------------------------------------------------------------------

  @Test
  void aLetterThatArrivedInTimeIsAcceptedAlthoughEnteredAfterTheWindow() {
    // Given a letter petitioner who received the opinion on 10-22: the window ends 11-23
    Case c = delivered("LETTER", "2026-10-20T10:00", "2026-10-22");
    String requests = "/api/staff/cases/" + c.number() + "/review-requests";

    // When on 11-25 (after the window) the petitioner asks online, it is too late
    clock.pin("2026-11-25T10:00");
    assertThat(petitioner.requestReview(c.queryCode(), "不服").status()).isEqualTo(409);

    // and staff entries that the law does not allow are refused and store nothing
    assertThat(post("housing1", requests, request("2026-11-23")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("hrss1", requests, request("2026-11-23")).getStatusCode().value())
        .isEqualTo(404);
    ResponseEntity<String> late = post("clerk1", requests, request("2026-11-24"));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(StaffRest.json(late).path("error").asText()).contains("期限已经届满", "2026年11月23日");
    assertField(post("clerk1", requests, request("2026-11-26")), "receivedAt");
    assertField(post("clerk1", requests, request("2026-10-21")), "receivedAt");
    assertField(post("clerk1", requests, request("23.11.2026")), "receivedAt");
    assertField(post("clerk1", requests, Map.of("receivedAt", "2026-11-23")), "reason");
    assertField(
        post(
            "clerk1",
            requests,
            Map.of("reason", "不服", "receivedAt", "2026-11-23", "channel", "ONLINE")),
        "channel");
    assertThat(cases.appealRequests(c)).isZero();

    // When the review level enters the letter it received on 11-23, the last day
    ResponseEntity<String> entered =
        post(
            "review1",
            requests,
            Map.of("reason", "认为赔偿金额过低，请求复查", "receivedAt", "2026-11-23", "channel", "LETTER"));

    // Then the review starts, its 30 days counted from the letter's arrival (11-23 → 12-23)
    assertThat(entered.getStatusCode().value()).as(entered.getBody()).isEqualTo(201);
    JsonNode answer = StaffRest.json(entered);
    assertThat(answer.path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(OffsetDateTime.parse(answer.path("decisionDue").asText()))
        .isEqualTo(OffsetDateTime.parse("2026-12-23T23:59:59+08:00"));
    cases.assertWaitingAt(c, CaseDriver.REVIEW);
    Map<String, Object> stored =
        jdbc.sql(
                "select channel, recorded_by, requested_at from appeal_request r "
                    + "join opinion o on o.id = r.opinion_id where o.petition_id = ?")
            .param(c.id())
            .query()
            .singleRow();
    assertThat(stored.get("CHANNEL")).isEqualTo("LETTER");
    assertThat(stored.get("RECORDED_BY")).isEqualTo("review1");
    assertThat(
            jdbc.sql(
                    "select requested_at from appeal_request r join opinion o on o.id = r.opinion_id where o.petition_id = ?")
                .param(c.id())
                .query(OffsetDateTime.class)
                .single())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T00:00+08:00"));

    // When the review opinion (upheld) is delivered in person on 12-10, the re-review window runs
    // from then, and the bureau enters the re-review request it received
    cases.complete(
        c,
        CaseDriver.REVIEW,
        Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "经复查，原处理意见事实清楚，予以维持。"));
    cases.assertWaitingAt(c, CaseDriver.CONFIRM_DELIVERY);
    clock.pin("2026-12-11T09:00");
    assertThat(
            post(
                    "clerk1",
                    "/api/staff/cases/" + c.number() + "/re-review-requests",
                    request("2026-12-11"))
                .getStatusCode()
                .value())
        .as("before the review opinion reached the petitioner")
        .isEqualTo(409);
    cases.confirmDelivery(c, "2026-12-10", "DIRECT");
    assertThat(opinions.latest(c.id(), OpinionKind.REVIEW).orElseThrow().appealDue())
        .isEqualTo(OffsetDateTime.parse("2027-01-11T23:59:59+08:00"));
    ResponseEntity<String> reReview =
        post(
            "clerk1",
            "/api/staff/cases/" + c.number() + "/re-review-requests",
            request("2026-12-11"));
    assertThat(reReview.getStatusCode().value()).as(reReview.getBody()).isEqualTo(201);
    assertThat(StaffRest.json(reReview).path("status").asText()).isEqualTo("IN_RE_REVIEW");
    cases.assertWaitingAt(c, CaseDriver.RE_REVIEW);
  }

  @Test
  void aRequestEnteredAfterTheProcessClosedTheWindowIsRefused() {
    // Given a delivered opinion whose window and entry time have passed: the case is closed
    Case c = delivered("VISIT", "2026-10-20T10:00", "2026-10-21");
    clock.pin("2026-12-02T10:00");
    cases.fire(cases.timer(c, "Timer_ReviewWindow"));

    // When the bureau enters a letter that arrived in time, it is refused: the opinion took effect
    ResponseEntity<String> refused =
        post(
            "clerk1", "/api/staff/cases/" + c.number() + "/review-requests", request("2026-11-20"));
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(cases.appealRequests(c)).isZero();
  }

  // ---------------------------------------------------------------------------------------------

  /** A case of a petitioner who came by {@code channel}, replied on {@code at}, received on day. */
  private Case delivered(String channel, String at, String receivedOn) {
    clock.pin(at);
    Case c = cases.acceptedVia(channel);
    cases.replied(c, "PARTIALLY_SUPPORTED");
    clock.pin(receivedOn + "T18:00");
    cases.confirmDelivery(c, receivedOn, "LETTER".equals(channel) ? "POST" : "DIRECT");
    return c;
  }

  private String registerAtTheCounter(String title) {
    Map<String, Object> form = Petitions.startForm(title, "13912345678");
    ResponseEntity<String> started =
        staff.exchange(
            "clerk1",
            HttpMethod.POST,
            "/engine-rest/process-definition/key/petition/submit-form",
            variables(form));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    String instance = StaffRest.json(started).path("id").asText();
    return jdbc.sql("select case_number from petition where process_instance_id = ?")
        .param(instance)
        .query(String.class)
        .single();
  }

  private static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return Map.of("variables", variables);
  }

  private static Map<String, Object> request(String receivedAt) {
    return Map.of("reason", "不服处理意见，请求复查", "receivedAt", receivedAt);
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return staff.exchange(user, HttpMethod.POST, path, body);
  }

  private void assertRefused(String complete, Map<String, Object> values, String message) {
    ResponseEntity<String> refused =
        staff.exchange("housing1", HttpMethod.POST, complete, variables(values));
    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(StaffRest.json(refused).path("message").asText()).contains(message);
  }

  private static void assertField(ResponseEntity<String> answer, String field) {
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(StaffRest.json(answer).path("field").asText()).isEqualTo(field);
  }
}
