package cn.xinfang.appeal;

import static cn.xinfang.support.CaseDriver.REVIEW;
import static cn.xinfang.support.CaseDriver.RE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.PublicApi.Answer;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The petitioner's requests of docs/domain.md, "The contract" over HTTP: evaluation, review and
 * re-review, every case in which they are refused (409 with the reason, or 400 naming the field)
 * and stored nothing, and what the petitioner's view says about them.
 */
@ApplicationIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PetitionerRequestsApiIT {

  @Autowired TestClock clock;
  @Autowired CaseDriver cases;
  @Autowired PublicApi api;

  // ---------------------------------------------------------------------------------------------
  // Evaluation
  // ---------------------------------------------------------------------------------------------

  @Test
  void aDeliveredOpinionIsEvaluatedOnceAndTheViewShowsIt() {
    // Given a delivered opinion
    Case c = cases.replied();
    assertThat(
            api.view(c.queryCode())
                .body()
                .path("actions")
                .path("evaluation")
                .path("allowed")
                .asBoolean())
        .isTrue();

    // When the petitioner rates it
    Answer first =
        api.evaluate(
            c.queryCode(), Map.of("satisfaction", "BASICALLY_SATISFIED", "comment", "处理及时"));

    // Then it is recorded once; a second try is refused
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("satisfaction").asText()).isEqualTo("BASICALLY_SATISFIED");
    Answer second = api.evaluate(c.queryCode(), Map.of("satisfaction", "DISSATISFIED"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.error()).contains("只能评价一次");
    assertThat(cases.evaluations(c)).isEqualTo(1);

    // and the view shows the evaluation on the opinion, no longer open
    JsonNode view = api.view(c.queryCode()).body();
    assertThat(view.path("opinions").get(0).path("evaluation").asText())
        .isEqualTo("BASICALLY_SATISFIED");
    assertThat(view.path("actions").path("evaluation").path("allowed").asBoolean()).isFalse();
    assertThat(view.path("milestones").findValuesAsText("description")).contains("信访人评价：基本满意");
  }

  @Test
  void anEvaluationAfterItsWindowIsRefused() {
    // Given an opinion delivered on 2026-10-20: its window ends 2026-11-19
    clock.pin("2026-10-20T10:00");
    Case c = cases.replied();

    // When the petitioner rates it on 2026-11-20
    clock.pin("2026-11-20T08:00");
    Answer late = api.evaluate(c.queryCode(), Map.of("satisfaction", "SATISFIED"));

    // Then it is refused with the date the window ended
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.error()).contains("2026年11月19日");
    assertThat(cases.evaluations(c)).isZero();

    // and after the timer recorded NOT_EVALUATED it is still refused
    cases.fire(cases.timer(c, "Timer_EvaluationWindow"));
    clock.pin("2026-11-10T08:00");
    assertThat(api.evaluate(c.queryCode(), Map.of("satisfaction", "SATISFIED")).status())
        .isEqualTo(409);
  }

  static Stream<Arguments> invalidEvaluations() {
    Map<String, Object> tooLong =
        new HashMap<>(Map.of("satisfaction", "SATISFIED", "comment", "很".repeat(501)));
    return Stream.of(
        Arguments.of("no satisfaction", Map.of("comment", "好"), "satisfaction"),
        Arguments.of("unknown satisfaction", Map.of("satisfaction", "HAPPY"), "satisfaction"),
        Arguments.of(
            "NOT_EVALUATED is not an answer",
            Map.of("satisfaction", "NOT_EVALUATED"),
            "satisfaction"),
        Arguments.of("comment over 500 characters", tooLong, "comment"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidEvaluations")
  void anInvalidEvaluationIsRefusedNamingTheField(
      String name, Map<String, Object> body, String field) {
    Case c = cases.replied();

    Answer answer = api.evaluate(c.queryCode(), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("field").asText()).isEqualTo(field);
    assertThat(cases.evaluations(c)).isZero();
  }

  @Test
  void nothingCanBeEvaluatedBeforeAnOpinionIsDelivered() {
    Case c = cases.accepted();

    Answer answer = api.evaluate(c.queryCode(), Map.of("satisfaction", "SATISFIED"));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.error()).contains("尚未出具处理意见");
  }

  @Test
  void anUnknownQueryCodeIsNotFound() {
    assertThat(api.evaluate("NOSUCHCODE22", Map.of("satisfaction", "SATISFIED")).status())
        .isEqualTo(404);
    assertThat(api.requestReview("NOSUCHCODE22", "理由").status()).isEqualTo(404);
    assertThat(api.requestReReview("NOSUCHCODE22", "理由").status()).isEqualTo(404);
  }

  // ---------------------------------------------------------------------------------------------
  // Review and re-review: every refusal
  // ---------------------------------------------------------------------------------------------

  /** A case in some state, and what asking for review (or re-review) then answers. */
  record Refusal(String name, Supplier<Case> state, Function<Case, Answer> request, String reason) {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Instance method (PER_CLASS): the states are built by this test's drivers when each case runs.
   */
  Stream<Refusal> refusals() {
    Function<Case, Answer> review = c -> api.requestReview(c.queryCode(), "不服处理意见");
    Function<Case, Answer> reReview = c -> api.requestReReview(c.queryCode(), "不服复查意见");
    return Stream.of(
        new Refusal(
            "review while registered",
            () -> cases.register("FUTIAN", "HOUSING", "2026-09-20"),
            review,
            "尚未出具信访处理意见"),
        new Refusal("review while transferred", () -> cases.transferred(), review, "尚未出具信访处理意见"),
        new Refusal("review while in handling", () -> cases.accepted(), review, "尚未出具信访处理意见"),
        new Refusal("review of a suggestion's answer", this::answeredSuggestion, review, "不适用复查"),
        new Refusal("review after the window", this::repliedLongAgo, review, "期限已经届满"),
        new Refusal("review a second time", this::inReview, review, "已经请求复查"),
        new Refusal("review after the review opinion", this::reviewed, review, "可以请求复核"),
        new Refusal("review after termination", this::terminated, review, "复核终结"),
        new Refusal("re-review before review", () -> cases.replied(), reReview, "应先请求复查"),
        new Refusal("re-review while in review", this::inReview, reReview, "应先请求复查"),
        new Refusal("re-review after the window", this::reviewedLongAgo, reReview, "期限已经届满"),
        new Refusal("re-review a second time", this::inReReview, reReview, "已经请求复核"),
        new Refusal("re-review after termination", this::terminated, reReview, "复核终结"),
        new Refusal(
            "re-review of a suggestion's answer", this::answeredSuggestion, reReview, "不适用复核"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("refusals")
  void aRequestTheLawDoesNotAllowIsRefusedWithTheReasonAndStoresNothing(Refusal refusal) {
    // Given a case in that state
    Case c = refusal.state().get();
    clock.reset();
    String statusBefore = cases.stored(c).status().name();
    long requestsBefore = cases.appealRequests(c);

    // When the petitioner asks
    Answer answer = refusal.request().apply(c);

    // Then the answer is 409 with the reason, and nothing changed
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(409);
    assertThat(answer.error()).contains(refusal.reason());
    assertThat(cases.stored(c).status().name()).isEqualTo(statusBefore);
    assertThat(cases.appealRequests(c)).isEqualTo(requestsBefore);
  }

  @Test
  void aRequestNeedsAReason() {
    Case c = cases.replied();

    Answer blank = api.requestReview(c.queryCode(), "  ");
    Answer tooLong = api.requestReview(c.queryCode(), "理".repeat(2001));
    Answer noBody = api.post("/api/petitions/" + c.queryCode() + "/review-requests", Map.of());

    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body().path("field").asText()).isEqualTo("reason");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(noBody.body().path("field").asText()).isEqualTo("reason");
    assertThat(cases.appealRequests(c)).isZero();
    assertThat(cases.stored(c).status().name()).isEqualTo("REPLIED");
  }

  @Test
  void theViewTellsThePetitionerWhatTheyMayAskAndUntilWhen() {
    // Given an opinion delivered on 2026-10-20
    clock.pin("2026-10-20T10:00");
    Case c = cases.replied();

    // Then review may be asked until 2026-11-19, re-review not yet
    JsonNode view = api.view(c.queryCode()).body();
    assertThat(view.path("status").asText()).isEqualTo("REPLIED");
    assertThat(view.path("actions").path("reviewRequest").path("allowed").asBoolean()).isTrue();
    assertThat(view.path("actions").path("reviewRequest").path("until").asText())
        .startsWith("2026-11-19T23:59:59");
    assertThat(view.path("actions").path("reReviewRequest").path("allowed").asBoolean()).isFalse();
    assertThat(view.path("currentDeadlineName").asText()).isEqualTo("请求复查期限");
    JsonNode opinion = view.path("opinions").get(0);
    assertThat(opinion.path("kind").asText()).isEqualTo("HANDLING");
    assertThat(opinion.path("outcomeLabel").asText()).isEqualTo("支持");
    assertThat(opinion.path("issuer").asText()).isEqualTo("市住房和建设局");

    // When review is asked and decided, re-review opens
    clock.pin("2026-10-25T10:00");
    api.requestReview(c.queryCode(), "不服");
    assertThat(
            api.view(c.queryCode())
                .body()
                .path("actions")
                .path("reviewRequest")
                .path("allowed")
                .asBoolean())
        .isFalse();
    cases.complete(c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持原处理意见。"));
    JsonNode reviewed = api.view(c.queryCode()).body();
    assertThat(reviewed.path("actions").path("reReviewRequest").path("allowed").asBoolean())
        .isTrue();
    assertThat(reviewed.path("opinions").get(1).path("outcomeLabel").asText()).isEqualTo("维持原处理意见");

    // and nothing in the view names a member of staff or repeats an internal note
    String text = reviewed.toString();
    assertThat(text)
        .doesNotContain("housing1")
        .doesNotContain("leader1")
        .doesNotContain("review1")
        .doesNotContain("李建国")
        .doesNotContain("郭峰")
        .doesNotContain("朱红")
        .doesNotContain("unit-housing");
  }

  // ---------------------------------------------------------------------------------------------
  // states
  // ---------------------------------------------------------------------------------------------

  private Case answeredSuggestion() {
    Case c = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    cases.complete(
        c, CaseDriver.TRIAGE, Petitions.triage("SUGGESTION", "NONE", false, false, false, true));
    cases.complete(c, CaseDriver.ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));
    cases.conclude(c, "SUPPORTED");
    cases.approveAll(c);
    return c;
  }

  /** Delivered on 2026-10-01 (window ended 2026-11-02); the clock is back to now when asked. */
  private Case repliedLongAgo() {
    return cases.repliedOn("2026-10-01T10:00");
  }

  private Case inReview() {
    Case c = cases.replied();
    assertThat(api.requestReview(c.queryCode(), "不服").status()).isEqualTo(201);
    return c;
  }

  private Case reviewed() {
    Case c = inReview();
    cases.complete(c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持原处理意见。"));
    return c;
  }

  /** Review opinion delivered on 2026-10-01; asked for re-review now. */
  private Case reviewedLongAgo() {
    Case c = cases.repliedOn("2026-09-25T10:00");
    clock.pin("2026-09-28T10:00");
    assertThat(api.requestReview(c.queryCode(), "不服").status()).isEqualTo(201);
    clock.pin("2026-10-01T10:00");
    cases.complete(c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持原处理意见。"));
    return c;
  }

  private Case inReReview() {
    Case c = reviewed();
    assertThat(api.requestReReview(c.queryCode(), "不服").status()).isEqualTo(201);
    return c;
  }

  private Case terminated() {
    Case c = inReReview();
    cases.complete(c, RE_REVIEW, Map.of(Var.RE_REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持。"));
    return c;
  }
}
