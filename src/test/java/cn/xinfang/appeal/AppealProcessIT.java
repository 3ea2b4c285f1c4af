package cn.xinfang.appeal;

import static cn.xinfang.support.CaseDriver.HANDLE;
import static cn.xinfang.support.CaseDriver.REVIEW;
import static cn.xinfang.support.CaseDriver.RE_REVIEW;
import static cn.xinfang.support.CaseDriver.TRIAGE;
import static cn.xinfang.support.CaseDriver.endOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.PublicApi.Answer;
import cn.xinfang.support.TestClock;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Review (复查, Art. 35) and re-review (复核, Art. 36): requested through the public API, decided by
 * the levels the review-level table names, each with its 30-day deadline (re-review: hearing time
 * not counted), ending TERMINATED, CLOSED when a window passes, or back in handling after REDO.
 */
@ApplicationIT
class AppealProcessIT {

  @Autowired RuntimeService runtimeService;
  @Autowired FormService formService;
  @Autowired OpinionStore opinions;
  @Autowired TestClock clock;
  @Autowired CaseDriver cases;
  @Autowired PublicApi api;

  @Test
  void reviewThenReReviewConcludeTheCase() {
    // Given an opinion delivered on 2026-10-20
    Case c = cases.repliedOn("2026-10-20T10:00");

    // When the petitioner asks for review on 2026-11-02
    clock.pin("2026-11-02T09:00");
    Answer requested = api.requestReview(c.queryCode(), "处理意见认定的赔偿数额过低");

    // Then the review level named by the table decides, due 30 days after receipt: Wed 2026-12-02
    assertThat(requested.status()).isEqualTo(201);
    assertThat(requested.body().path("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(c.pi())
        .hasPassed("Message_ReviewRequested", "Task_RecordReviewRequest")
        .isWaitingAt(REVIEW);
    Task review = cases.task(c, REVIEW);
    assertThat(review).hasCandidateGroup("review-municipal").hasDueDate(endOf("2026-12-02"));
    assertThat(
            formService.getTaskFormVariables(review.getId()).getValue("reviewReason", String.class))
        .isEqualTo("处理意见认定的赔偿数额过低");
    assertThat(cases.stored(c).deadlineName()).isEqualTo("复查期限");

    // When the review level changes the opinion on 2026-11-20
    clock.pin("2026-11-20T15:00");
    cases.complete(
        c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "CHANGE", Var.OPINION_TEXT, "赔偿数额调整为 5000 元。"));

    // Then the 复查意见书 is delivered and names the re-review level and the last day to ask: 12-21
    // (30 days end on Sun 2026-12-20)
    PetitionRecord reviewed = cases.stored(c);
    assertThat(reviewed.status()).isEqualTo(PetitionStatus.REVIEWED);
    assertThat(cases.notice(c, "REVIEW_OPINION").body())
        .contains("赔偿数额调整为 5000 元。")
        .contains("变更原处理意见")
        .contains("省信访局（复核）")
        .contains("截至2026年12月21日")
        .contains("市人民政府（复查）");
    assertThat(reviewed.currentDeadline().toInstant()).isEqualTo(endOf("2026-12-21").toInstant());
    // the engine waits 5 working days more for a request received in time by letter or in person
    assertThat(cases.timer(c, "Timer_ReReviewWindow").getDuedate()).isEqualTo(endOf("2026-12-28"));

    // When the petitioner asks for re-review on 2026-12-01
    clock.pin("2026-12-01T10:00");
    assertThat(api.requestReReview(c.queryCode(), "仍不服复查意见").status()).isEqualTo(201);

    // Then the re-review level decides by Thu 2026-12-31
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.IN_RE_REVIEW);
    Task reReview = cases.task(c, RE_REVIEW);
    assertThat(reReview).hasCandidateGroup("re-review-provincial").hasDueDate(endOf("2026-12-31"));

    // When it upholds the review opinion and wants to publish it without a hearing, it may not
    // (Art. 36: only an opinion that went through a hearing)
    assertThatThrownBy(
            () ->
                cases.complete(
                    c,
                    RE_REVIEW,
                    Map.of(
                        Var.RE_REVIEW_OUTCOME,
                        "UPHOLD",
                        Var.OPINION_TEXT,
                        "复查意见正确，予以维持。",
                        Var.PUBLISH_OPINION,
                        true)))
        .hasMessageContaining("只有经过听证的复核意见才可以依法向社会公开");
    cases.complete(
        c, RE_REVIEW, Map.of(Var.RE_REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "复查意见正确，予以维持。"));

    // Then the case is terminated: the 复核意见书 says so, no deadline remains
    assertThat(c.pi()).hasPassed("Task_DeliverReReviewOpinion", "End_Terminated");
    PetitionRecord terminated = cases.stored(c);
    assertThat(terminated.status()).isEqualTo(PetitionStatus.TERMINATED);
    assertThat(terminated.currentDeadline()).isNull();
    assertThat(cases.notice(c, "RE_REVIEW_OPINION").body()).contains("不再受理").contains("维持原处理意见");
    assertThat(opinions.latest(c.id(), OpinionKind.RE_REVIEW))
        .hasValueSatisfying(
            o -> {
              assertThat(o.published()).isFalse();
              assertThat(o.issuer()).isEqualTo("re-review-provincial");
            });

    // and neither review nor re-review can be asked any more
    Answer again = api.requestReview(c.queryCode(), "再次请求复查");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.error()).contains("复核终结");
    assertThat(api.requestReReview(c.queryCode(), "再次请求复核").status()).isEqualTo(409);
  }

  @Test
  void aReviewDeadlineOnAHolidayMovesToTheNextWorkingDay() {
    // Given a review requested on Sat 2026-09-05: 30 days end on Mon 10-05, inside 国庆
    Case c = cases.repliedOn("2026-09-01T10:00");
    clock.pin("2026-09-05T10:00");

    // When the request arrives
    assertThat(api.requestReview(c.queryCode(), "不服").status()).isEqualTo(201);

    // Then the review is due on the first working day after the holiday
    assertThat(cases.task(c, REVIEW)).hasDueDate(endOf("2026-10-08"));
  }

  @Test
  void aRedoSendsTheCaseBackToTheUnitWithAFreshSixtyDayClock() {
    // Given a case under review
    Case c = cases.repliedOn("2026-10-10T10:00");
    clock.pin("2026-10-12T10:00");
    api.requestReview(c.queryCode(), "调查不清");

    // When the review level orders it redone on Tue 2026-10-20
    clock.pin("2026-10-20T11:00");
    cases.complete(
        c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "REDO", Var.OPINION_TEXT, "原处理意见事实不清，撤销重办。"));

    // Then the unit handles it again: 60 days from the redo end on Sat 2026-12-19, so Mon 12-21
    assertThat(c.pi())
        .hasPassed("Gateway_ReviewOutcome", "Task_RestartHandling")
        .isWaitingAt(HANDLE);
    Task handle = cases.task(c, HANDLE);
    assertThat(handle).hasCandidateGroup("unit-housing").hasDueDate(endOf("2026-12-21"));
    PetitionRecord stored = cases.stored(c);
    assertThat(stored.status()).isEqualTo(PetitionStatus.ACCEPTED);
    assertThat(cases.notice(c, "REVIEW_REDO_OPINION").body()).contains("撤销原处理意见").contains("重新办理");
    assertThat(cases.publicMilestones(c)).contains("承办单位重新办理，办结期限至2026年12月21日");
    assertThat(runtimeService.getVariable(c.pi().getId(), "extended")).isEqualTo(false);
    assertThat(formService.getTaskFormVariables(handle.getId()).keySet())
        .doesNotContain(Var.OPINION_TEXT);

    // and a review request now waits for the new opinion
    assertThat(api.requestReview(c.queryCode(), "再请求").status()).isEqualTo(409);

    // When the unit delivers a new opinion
    clock.pin("2026-11-05T10:00");
    cases.conclude(c, "PARTIALLY_SUPPORTED");
    cases.approveAll(c);

    // Then the petitioner may ask for review of it
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.REPLIED);
    assertThat(opinions.opinions(c.id()))
        .extracting(o -> o.kind().name())
        .containsExactly("HANDLING", "REVIEW", "HANDLING");
    assertThat(api.requestReview(c.queryCode(), "对新的处理意见仍不服").status()).isEqualTo(201);
    assertThat(c.pi()).isWaitingAt(REVIEW);
  }

  @Test
  void hearingTimeIsNotCountedInTheReReview() {
    // Given a re-review requested on Mon 2026-11-02, due Wed 2026-12-02
    Case c = reviewedOn("2026-10-26T10:00");
    clock.pin("2026-11-02T10:00");
    api.requestReReview(c.queryCode(), "不服复查意见");
    assertThat(cases.task(c, RE_REVIEW)).hasDueDate(endOf("2026-12-02"));

    // When the level decides on 11-10 to hold a hearing, and records it on 11-15
    clock.pin("2026-11-10T10:00");
    cases.complete(c, RE_REVIEW, Map.of(Var.RE_REVIEW_ACTION, "HEARING"));
    assertThat(c.pi()).isWaitingAt(PetitionProcess.TASK_HOLD_RE_REVIEW_HEARING);
    assertThat(cases.task(c, PetitionProcess.TASK_HOLD_RE_REVIEW_HEARING))
        .hasCandidateGroup("re-review-provincial");
    clock.pin("2026-11-15T16:00");
    cases.complete(
        c,
        PetitionProcess.TASK_HOLD_RE_REVIEW_HEARING,
        Map.of(
            Var.HEARING_DATE,
            "2026-11-14",
            Var.HEARING_PARTICIPANTS,
            "听证员五人，信访人，承办单位",
            Var.HEARING_SUMMARY,
            "听取各方意见。"));

    // Then the 5 days of the hearing are added: due Mon 2026-12-07
    assertThat(c.pi()).hasPassed("Task_RecordReReviewHearing").isWaitingAt(RE_REVIEW);
    assertThat(cases.task(c, RE_REVIEW)).hasDueDate(endOf("2026-12-07"));
    assertThat(runtimeService.getVariable(c.pi().getId(), "reReviewPausedDays")).isEqualTo(5L);
    assertThat(cases.publicMilestones(c)).contains("听证所需 5 日不计入复核期限，复核期限至2026年12月7日");
    assertThat(opinions.hearings(c.id()))
        .singleElement()
        .satisfies(h -> assertThat(h.stage()).isEqualTo(OpinionKind.RE_REVIEW));

    // and a second hearing adds its own days: decided 11-20, recorded 11-23 -> 3 more, due 12-10
    clock.pin("2026-11-20T10:00");
    cases.complete(c, RE_REVIEW, Map.of(Var.RE_REVIEW_ACTION, "HEARING"));
    clock.pin("2026-11-23T10:00");
    cases.complete(
        c,
        PetitionProcess.TASK_HOLD_RE_REVIEW_HEARING,
        Map.of(
            Var.HEARING_DATE,
            "2026-11-23",
            Var.HEARING_PARTICIPANTS,
            "听证员五人",
            Var.HEARING_SUMMARY,
            "补充听证。"));
    assertThat(cases.task(c, RE_REVIEW)).hasDueDate(endOf("2026-12-10"));

    // and an opinion that went through a hearing may be published (Art. 36)
    cases.complete(
        c,
        RE_REVIEW,
        Map.of(
            Var.RE_REVIEW_ACTION,
            "DECIDE",
            Var.RE_REVIEW_OUTCOME,
            "UPHOLD",
            Var.OPINION_TEXT,
            "经听证，复查意见正确，予以维持。",
            Var.PUBLISH_OPINION,
            true));
    assertThat(opinions.latest(c.id(), OpinionKind.RE_REVIEW))
        .hasValueSatisfying(o -> assertThat(o.published()).isTrue());
    assertThat(cases.publicMilestones(c)).contains("复核意见已依法向社会公开");
  }

  @Test
  void aReReviewRedoAlsoSendsTheCaseBackToTheUnit() {
    Case c = reviewedOn("2026-10-26T10:00");
    clock.pin("2026-11-02T10:00");
    api.requestReReview(c.queryCode(), "不服复查意见");

    cases.complete(
        c, RE_REVIEW, Map.of(Var.RE_REVIEW_OUTCOME, "REDO", Var.OPINION_TEXT, "复查认定事实不清，撤销重办。"));

    assertThat(c.pi())
        .hasPassed("Gateway_ReReviewOutcome", "Task_RestartHandling")
        .isWaitingAt(HANDLE);
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.ACCEPTED);
    assertThat(cases.noticeTypes(c)).contains("RE_REVIEW_REDO_OPINION");
  }

  @Test
  void withoutAReReviewRequestTheCaseClosesWhenTheWindowEnds() {
    // Given a review opinion delivered
    Case c = reviewedOn("2026-10-26T10:00");

    // When the re-review window passes
    cases.fire(cases.timer(c, "Timer_ReReviewWindow"));

    // Then the review opinion stands and the case is closed; re-review is refused
    assertThat(c.pi()).hasPassed("Task_CloseAfterReview", "End_ReReviewWindowPassed");
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.CLOSED);
    assertThat(cases.publicMilestones(c)).contains("请求复核期限届满，复查意见生效，本事项办结");
    assertThat(api.requestReReview(c.queryCode(), "晚了").status()).isEqualTo(409);
  }

  @Test
  void aRequestArrivingAfterTheTimerClosedTheWindowIsRefused() {
    // Given a review window closed by its timer, while the clock still reads the last day
    Case c = cases.repliedOn("2026-10-20T10:00");
    Job window = cases.timer(c, "Timer_ReviewWindow");
    cases.fire(window);
    clock.pin("2026-11-19T23:00");

    // When the petitioner's request arrives
    Answer late = api.requestReview(c.queryCode(), "最后一天提出");

    // Then it is refused and nothing is stored
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.error()).contains("期限");
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.CLOSED);
    assertThat(
            opinions.hasAppealRequest(
                opinions.latest(c.id(), OpinionKind.HANDLING).orElseThrow().id()))
        .isFalse();
  }

  @Test
  void aTerminatedCaseIsShownWhenTheSamePetitionerPetitionsAgain() {
    // Given a case of 李明 concluded by re-review
    PersonRequest liMing = new PersonRequest("李明", "440304198001010017", "13900000001", "深圳市福田区");
    Case first = terminated(liMing);

    // When 李明 petitions again, and another person petitions too
    Case again = cases.register(liMing, 1, "FUTIAN", "HOUSING", "2026-12-01");
    Case other =
        cases.register(
            new PersonRequest("王五", null, "13900000002", "深圳市南山区"),
            1,
            "NANSHAN",
            "HOUSING",
            "2026-12-01");

    // Then the triage form shows 李明's terminated case to the clerk, and nothing for the other
    // person
    String shown =
        formService
            .getTaskFormVariables(cases.task(again, TRIAGE).getId())
            .getValue("terminatedCases", String.class);
    assertThat(shown).contains(first.number()).contains("小区楼上漏水").endsWith("复核终结");
    assertThat(
            formService
                .getTaskFormVariables(cases.task(other, TRIAGE).getId())
                .getValue("terminatedCases", String.class))
        .isNull();

    // and the clerk's answer reviewConcluded = true ends the new petition as 不再受理
    cases.complete(again, TRIAGE, Petitions.triage("CLAIM", "NONE", false, true, false, true));
    assertThat(again.pi()).hasPassed("Task_NotifyNotReaccepted").isEnded();
    assertThat(cases.stored(again).status()).isEqualTo(PetitionStatus.NOT_ACCEPTED);
  }

  @Test
  void withoutAnIdNumberThePetitionerIsRecognisedByNameAndPhone() {
    PersonRequest noId = new PersonRequest("赵六", null, "13900000003", "深圳市罗湖区");
    Case first = terminated(noId);

    Case again = cases.register(noId, 1, "LUOHU", "HOUSING", "2026-12-01");
    Case samePhoneOtherName =
        cases.register(
            new PersonRequest("钱七", null, "13900000003", "深圳市罗湖区"),
            1,
            "LUOHU",
            "HOUSING",
            "2026-12-01");

    assertThat(
            formService
                .getTaskFormVariables(cases.task(again, TRIAGE).getId())
                .getValue("terminatedCases", String.class))
        .contains(first.number());
    assertThat(
            formService
                .getTaskFormVariables(cases.task(samePhoneOtherName, TRIAGE).getId())
                .getValue("terminatedCases", String.class))
        .isNull();
  }

  // ---------------------------------------------------------------------------------------------

  /** Review requested a week before and upheld on that day: REVIEWED. */
  private Case reviewedOn(String beijingTime) {
    Case c = cases.repliedOn("2026-10-10T10:00");
    clock.pin("2026-10-19T10:00");
    assertThat(api.requestReview(c.queryCode(), "不服处理意见").status()).isEqualTo(201);
    clock.pin(beijingTime);
    cases.complete(
        c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "原处理意见正确，予以维持。"));
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.REVIEWED);
    return c;
  }

  private Case terminated(PersonRequest petitioner) {
    Case c = cases.register(petitioner, 1, "FUTIAN", "HOUSING", "2026-09-20");
    cases.complete(c, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    cases.complete(c, CaseDriver.ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));
    cases.conclude(c, "NOT_SUPPORTED");
    cases.approveAll(c);
    assertThat(api.requestReview(c.queryCode(), "不服").status()).isEqualTo(201);
    cases.complete(c, REVIEW, Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持。"));
    assertThat(api.requestReReview(c.queryCode(), "不服").status()).isEqualTo(201);
    cases.complete(c, RE_REVIEW, Map.of(Var.RE_REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "维持。"));
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.TERMINATED);
    return c;
  }
}
