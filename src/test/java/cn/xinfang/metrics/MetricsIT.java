package cn.xinfang.metrics;

import static cn.xinfang.support.CaseDriver.ACCEPT;
import static cn.xinfang.support.CaseDriver.HANDLE;
import static cn.xinfang.support.CaseDriver.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.appeal.AppealService;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.evaluation.EvaluationService;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * 网上判 on the running application (docs/metrics.md): nine petitions received in April and May 2026,
 * driven through the real process with the clock moved from step to step, and the exact rates the
 * API answers for them on Mon 2026-07-20 10:00 (Beijing), per city, unit, district and month. No
 * other test receives a petition in April–June 2026, and every fixture petitioner is its own, so
 * the cohort is these cases alone. The expected numbers are worked out by hand below; deadlines
 * follow docs/domain.md ("Time limits"): 2026-04-25 is a Saturday, 5/1–5/5 and 6/19–6/21 are
 * holidays.
 *
 * <pre>
 * case district category→unit  triage (due)          acceptance (due)       handling (due)              evaluation            other
 * A    FUTIAN   HOUSING→housing 04-10 in time (04-23) 04-13 in time          05-20 in time (06-12)       SATISFIED 05-25       repeated by F
 * B    FUTIAN   HOUSING→housing 04-28 LATE (04-23)    05-20 LATE (05-13)     open, due 07-20: not yet    —
 * C    LUOHU    HOUSING→housing 04-10 in time         04-13 in time          extended to 07-13; 07-01 in time  DISSATISFIED 07-02  review requested
 * D    LUOHU    LABOUR→hrss     04-10 in time         04-13 in time          06-15 LATE (06-12)          window ended 07-15 unanswered
 * E    NANSHAN  HOUSING→housing 04-13 in time         never: OVERDUE (04-28)
 * F    FUTIAN   (A's petitioner, 05-06) never triaged: OVERDUE (05-21)                                                     repeat of A
 * G    NANSHAN  REFER_OUT at triage 05-12 in time: closed by the bureau
 * H    BAOAN    HOUSING→housing, objection agreed, re-triaged LAND→planning; accepted 04-17 in time; due 06-16: OVERDUE
 * I    NANSHAN  (G's petitioner, 05-20) merged at triage into E, open: counts nowhere, and G is no longer "repeated"
 * </pre>
 */
@ApplicationIT
class MetricsIT {

  private static final String COHORT = "/api/metrics?from=2026-04-01&to=2026-06-30&by=";
  private static final String NOW = "2026-07-20T10:00";

  private static boolean built;

  @Autowired CaseDriver cases;
  @Autowired TestClock clock;
  @Autowired StaffRest staff;
  @Autowired EvaluationService evaluations;
  @Autowired AppealService appeals;

  private static PersonRequest petitioner(int n) {
    return new PersonRequest(
        "测试" + n, null, "1390077" + String.format("%04d", n), "深圳市福田区测试路 " + n + " 号");
  }

  private Case register(int petitioner, String district, String category, String day) {
    clock.pin(day + "T09:00");
    return cases.register(petitioner(petitioner), 1, district, category, day);
  }

  private void triage(Case c, String day) {
    clock.pin(day + "T10:00");
    cases.complete(c, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
  }

  private void accept(Case c, String day) {
    clock.pin(day + "T10:00");
    cases.accepted(c);
  }

  private void reply(Case c, String day) {
    clock.pin(day + "T10:00");
    cases.replied(c, "SUPPORTED");
  }

  @BeforeEach
  void buildTheCohortOnce() {
    if (built) {
      return;
    }
    // A: everything in time, satisfied; later repeated by its petitioner (F)
    Case a = register(1, "FUTIAN", "HOUSING", "2026-04-08");
    triage(a, "2026-04-10");
    accept(a, "2026-04-13");
    reply(a, "2026-05-20");
    clock.pin("2026-05-25T10:00");
    evaluations.evaluate(a.queryCode(), Satisfaction.SATISFIED, "满意");

    // B: triaged late, accepted late, still in handling and not yet due
    Case b = register(2, "FUTIAN", "HOUSING", "2026-04-08");
    triage(b, "2026-04-28");
    accept(b, "2026-05-20");

    // C: extended by 30 days, concluded after the first deadline but within the extension;
    // dissatisfied, and the petitioner asks for review
    Case c = register(3, "LUOHU", "HOUSING", "2026-04-09");
    triage(c, "2026-04-10");
    accept(c, "2026-04-13");
    clock.pin("2026-06-01T10:00");
    cases.complete(
        c,
        HANDLE,
        Map.of(
            Var.HANDLING_ACTION, "EXTEND",
            Var.EXTENSION_DAYS, 30L,
            Var.EXTENSION_REASON, "需要委托第三方机构进行房屋安全鉴定"));
    cases.complete(
        c,
        PetitionProcess.TASK_APPROVE_EXTENSION,
        Map.of(Var.EXTENSION_APPROVED, true, Var.EXTENSION_COMMENT, "同意延期"));
    reply(c, "2026-07-01");
    clock.pin("2026-07-02T10:00");
    evaluations.evaluate(c.queryCode(), Satisfaction.DISSATISFIED, "不满意");
    clock.pin("2026-07-03T10:00");
    appeals.requestReview(c.queryCode(), "处理意见认定事实不清，请求复查。");

    // D: concluded late; its evaluation window passes unanswered
    Case d = register(4, "LUOHU", "LABOUR", "2026-04-09");
    triage(d, "2026-04-10");
    accept(d, "2026-04-13");
    reply(d, "2026-06-15");

    // E: transferred, never accepted
    Case e = register(5, "NANSHAN", "HOUSING", "2026-04-10");
    triage(e, "2026-04-13");

    // F: A's petitioner again: a repeat, never triaged
    register(1, "FUTIAN", "HOUSING", "2026-05-06");

    // G: not within this government's jurisdiction: referred out at triage, closed by the bureau
    Case g = register(6, "NANSHAN", "OTHER", "2026-05-11");
    clock.pin("2026-05-12T10:00");
    cases.complete(g, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, false));

    // H: the housing bureau objects, the bureau agrees and re-triages it to planning, which accepts
    Case h = register(7, "BAOAN", "HOUSING", "2026-04-10");
    triage(h, "2026-04-13");
    clock.pin("2026-04-14T10:00");
    cases.complete(h, ACCEPT, Map.of(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责"));
    clock.pin("2026-04-15T10:00");
    cases.complete(
        h,
        PetitionProcess.TASK_VERIFY_OBJECTION,
        Map.of(Var.OBJECTION_AGREED, true, Var.VERIFICATION_COMMENT, "经核实，同意异议"));
    clock.pin("2026-04-16T10:00");
    Map<String, Object> retriage = Petitions.triage("CLAIM", "NONE", false, false, false, true);
    retriage.put(Var.CATEGORY, "LAND");
    cases.complete(h, TRIAGE, retriage);
    accept(h, "2026-04-17");

    // I: G's petitioner again, on E's matter: the bureau merges it into E, still open (并单); it
    // counts nowhere, and G, closed, is not "repeated" by a petition that was merged
    Case i = register(6, "NANSHAN", "OTHER", "2026-05-20");
    clock.pin("2026-05-21T10:00");
    cases.completeAs("clerk1", i, TRIAGE, Map.of(Var.MERGE_INTO, e.number()));
    assertThat(cases.stored(i).status()).isEqualTo(PetitionStatus.CLOSED);

    built = true;
  }

  private JsonNode report(String by) {
    clock.pin(NOW);
    return staff.get("leader1", COHORT + by);
  }

  /** The expected values of one row, as field, value pairs; a rate null when nothing is due. */
  private static void assertRow(JsonNode row, Object... expected) {
    for (int n = 0; n < expected.length; n += 2) {
      String field = (String) expected[n];
      Object value = expected[n + 1];
      JsonNode actual = row.get(field);
      assertThat(actual).as("%s of %s", field, row.get("key")).isNotNull();
      if (value == null) {
        assertThat(actual.isNull()).as("%s of %s is null", field, row.get("key")).isTrue();
      } else if (value instanceof Double d) {
        assertThat(actual.isNumber()).as("%s of %s", field, row.get("key")).isTrue();
        assertThat(actual.asDouble()).as("%s of %s", field, row.get("key")).isEqualTo(d);
      } else if (value instanceof Integer i) {
        assertThat(actual.asLong()).as("%s of %s", field, row.get("key")).isEqualTo(i.longValue());
      } else {
        assertThat(actual.asText()).as("%s of %s", field, row.get("key")).isEqualTo(value);
      }
    }
  }

  private static List<String> keys(JsonNode report) {
    List<String> keys = new ArrayList<>();
    report.get("rows").forEach(r -> keys.add(r.get("key").asText()));
    return keys;
  }

  @Test
  void theCityRowCountsEveryCaseOfTheCohortOnce() {
    JsonNode report = report("city");
    assertThat(report.get("from").asText()).isEqualTo("2026-04-01");
    assertThat(report.get("to").asText()).isEqualTo("2026-06-30");
    assertThat(report.get("by").asText()).isEqualTo("city");
    assertThat(report.get("rows")).hasSize(1);
    assertRow(
        report.get("rows").get(0),
        "key",
        "city",
        "label",
        "全市",
        // A B C D E F G H; I merged into E
        "registered",
        8,
        // late: B; overdue: F
        "triagedOnTime",
        6,
        "triagedLate",
        1,
        "triageOverdue",
        1,
        "triageDue",
        8,
        "timelyTriageRate",
        0.75,
        // A C D H in time, B late, E overdue; F and G never went to a unit
        "acceptedOnTime",
        4,
        "acceptedLate",
        1,
        "acceptanceOverdue",
        1,
        "acceptanceDue",
        6,
        "timelyAcceptanceRate",
        4 / 6.0,
        // A and C (extended) in time, D late, H overdue; B not due yet
        "concludedOnTime",
        2,
        "concludedLate",
        1,
        "completionOverdue",
        1,
        "completionDue",
        4,
        "onTimeCompletionRate",
        0.5,
        // A and C evaluated, D's window passed
        "evaluated",
        2,
        "evaluationExpired",
        1,
        "evaluationDue",
        3,
        "participationRate",
        2 / 3.0,
        "satisfied",
        1,
        "satisfactionRate",
        0.5,
        // F repeats A
        "repeatPetitions",
        1,
        "repeatPetitionRate",
        0.125,
        // initial and closed: A (repeated), C (review requested), D, G
        "initialClosed",
        4,
        "resolvedFirstTime",
        2,
        "firstTimeResolutionRate",
        0.5);
  }

  @Test
  void eachUnitIsMeasuredOnTheCasesItHolds() {
    JsonNode report = report("unit");
    // the bureau holds what it never transferred (F, G); planning holds H after the objection
    assertThat(keys(report))
        .containsExactly("bureau", "unit-housing", "unit-hrss", "unit-planning");
    JsonNode rows = report.get("rows");
    assertRow(
        rows.get(0),
        "label",
        "市信访局",
        "registered",
        2,
        "timelyTriageRate",
        0.5,
        "acceptanceDue",
        0,
        "timelyAcceptanceRate",
        null,
        "onTimeCompletionRate",
        null,
        "participationRate",
        null,
        "satisfactionRate",
        null,
        "repeatPetitionRate",
        0.5,
        "firstTimeResolutionRate",
        1.0);
    assertRow(
        rows.get(1),
        "label",
        "市住房和建设局",
        // A B C E: H left it with the agreed objection
        "registered",
        4,
        "timelyTriageRate",
        0.75,
        "acceptedOnTime",
        2,
        "acceptedLate",
        1,
        "acceptanceOverdue",
        1,
        "timelyAcceptanceRate",
        0.5,
        "completionDue",
        2,
        "onTimeCompletionRate",
        1.0,
        "participationRate",
        1.0,
        "satisfactionRate",
        0.5,
        "repeatPetitionRate",
        0.0,
        "initialClosed",
        2,
        "firstTimeResolutionRate",
        0.0);
    assertRow(
        rows.get(2),
        "label",
        "市人力资源和社会保障局",
        "registered",
        1,
        "timelyTriageRate",
        1.0,
        "timelyAcceptanceRate",
        1.0,
        "concludedLate",
        1,
        "onTimeCompletionRate",
        0.0,
        "evaluationExpired",
        1,
        "participationRate",
        0.0,
        "satisfactionRate",
        null,
        "firstTimeResolutionRate",
        1.0);
    assertRow(
        rows.get(3),
        "label",
        "市规划和自然资源局",
        "registered",
        1,
        "timelyTriageRate",
        1.0,
        "acceptedOnTime",
        1,
        "timelyAcceptanceRate",
        1.0,
        "completionOverdue",
        1,
        "onTimeCompletionRate",
        0.0,
        "participationRate",
        null,
        "initialClosed",
        0,
        "firstTimeResolutionRate",
        null);
  }

  @Test
  void eachDistrictAndEachMonthOfReceipt() {
    JsonNode districts = report("district");
    assertThat(keys(districts)).containsExactly("BAOAN", "FUTIAN", "LUOHU", "NANSHAN");
    JsonNode rows = districts.get("rows");
    assertRow(
        rows.get(0),
        "label",
        "宝安区",
        "registered",
        1,
        "onTimeCompletionRate",
        0.0,
        "firstTimeResolutionRate",
        null);
    assertRow(
        rows.get(1),
        "label",
        "福田区",
        "registered",
        3,
        "timelyTriageRate",
        1 / 3.0,
        "timelyAcceptanceRate",
        0.5,
        "onTimeCompletionRate",
        1.0,
        "participationRate",
        1.0,
        "satisfactionRate",
        1.0,
        "repeatPetitionRate",
        1 / 3.0,
        "firstTimeResolutionRate",
        0.0);
    assertRow(
        rows.get(2),
        "registered",
        2,
        "timelyTriageRate",
        1.0,
        "timelyAcceptanceRate",
        1.0,
        "onTimeCompletionRate",
        0.5,
        "participationRate",
        0.5,
        "satisfactionRate",
        0.0,
        "repeatPetitionRate",
        0.0,
        "firstTimeResolutionRate",
        0.5);
    assertRow(
        rows.get(3),
        "registered",
        2,
        "timelyTriageRate",
        1.0,
        "timelyAcceptanceRate",
        0.0,
        "onTimeCompletionRate",
        null,
        "repeatPetitionRate",
        0.0,
        "firstTimeResolutionRate",
        1.0);

    JsonNode months = report("month");
    assertThat(keys(months)).containsExactly("2026-04", "2026-05");
    assertRow(
        months.get("rows").get(0),
        "label",
        "2026年4月",
        "registered",
        6,
        "timelyTriageRate",
        5 / 6.0,
        "timelyAcceptanceRate",
        4 / 6.0,
        "onTimeCompletionRate",
        0.5,
        "participationRate",
        2 / 3.0,
        "satisfactionRate",
        0.5,
        "repeatPetitionRate",
        0.0,
        "firstTimeResolutionRate",
        1 / 3.0);
    assertRow(
        months.get("rows").get(1),
        "label",
        "2026年5月",
        "registered",
        2,
        "timelyTriageRate",
        0.5,
        "timelyAcceptanceRate",
        null,
        "repeatPetitionRate",
        0.5,
        "firstTimeResolutionRate",
        1.0);
  }

  @Test
  void whatIsDueDependsOnNow() {
    // a day later B's handling deadline (Mon 2026-07-20, end of day) has passed unconcluded
    clock.pin("2026-07-21T10:00");
    JsonNode row = staff.get("supervisor1", COHORT + "city").get("rows").get(0);
    assertRow(
        row,
        "concludedOnTime",
        2,
        "concludedLate",
        1,
        "completionOverdue",
        2,
        "completionDue",
        5,
        "onTimeCompletionRate",
        0.4,
        // nothing else moved
        "timelyTriageRate",
        0.75,
        "timelyAcceptanceRate",
        4 / 6.0,
        "participationRate",
        2 / 3.0);
  }

  @Test
  void administratorsAndSupervisorsReadTheSame() {
    clock.pin(NOW);
    JsonNode leader = staff.get("leader1", COHORT + "unit");
    assertThat(staff.get("demo", COHORT + "unit")).isEqualTo(leader);
    assertThat(staff.get("supervisor1", COHORT + "unit")).isEqualTo(leader);
  }

  @Test
  void withoutParametersTheLastTwelveMonthsOfTheCity() {
    clock.pin(NOW);
    JsonNode report = staff.get("leader1", "/api/metrics");
    assertThat(report.get("from").asText()).isEqualTo("2025-08-01");
    assertThat(report.get("to").asText()).isEqualTo("2026-07-20");
    assertThat(report.get("by").asText()).isEqualTo("city");
    assertThat(report.get("rows")).hasSize(1);
    // an empty cohort has its row, with nothing due
    JsonNode empty = staff.get("leader1", "/api/metrics?from=2020-01-01&to=2020-12-31");
    assertRow(
        empty.get("rows").get(0),
        "registered",
        0,
        "timelyTriageRate",
        null,
        "repeatPetitionRate",
        null,
        "firstTimeResolutionRate",
        null);
    assertThat(
            staff.get("leader1", "/api/metrics?from=2020-01-01&to=2020-12-31&by=unit").get("rows"))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "from=2026-07-01&to=2026-06-30, from",
    "from=2021-07-20&to=2026-07-20, to",
    "from=2026-04-01&to=2026-06-30&by=year, by",
    "from=2026-04-01&to=2026-06-30&by=UNIT, by",
    "from=2026-02-30&to=2026-06-30, from",
    "from=2026-4-1&to=2026-06-30, from",
    "from=2026-04-01&to=20260630, to",
    "from=2026-04-01T00:00&to=2026-06-30, from",
  })
  void badParametersAreRefusedInChinese(String query, String field) {
    clock.pin(NOW);
    ResponseEntity<String> response =
        staff.exchange("leader1", HttpMethod.GET, "/api/metrics?" + query, null);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
    JsonNode body = StaffRest.json(response);
    assertThat(body.get("field").asText()).isEqualTo(field);
    assertThat(body.get("error").asText()).containsPattern("\\p{IsHan}");
  }

  @Test
  void exactlyFiveYearsIsAllowed() {
    clock.pin(NOW);
    assertThat(
            staff.get("leader1", "/api/metrics?from=2021-07-21&to=2026-07-20").get("from").asText())
        .isEqualTo("2021-07-21");
  }

  @ParameterizedTest
  @CsvSource({"housing1", "clerk1", "housinghead1", "review1", "discipline1"})
  void otherStaffAreRefused(String user) {
    ResponseEntity<String> response = staff.exchange(user, HttpMethod.GET, COHORT + "unit", null);
    assertThat(response.getStatusCode().value()).isEqualTo(403);
    assertThat(StaffRest.json(response).get("error").asText()).contains("仅限");
    assertThat(response.getBody()).doesNotContain("unit-housing", "registered");
  }

  @Test
  void withoutLoginNothing() {
    ResponseEntity<String> response = staff.exchange(null, HttpMethod.GET, COHORT + "unit", null);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(String.valueOf(response.getBody())).doesNotContain("registered", "unit-housing");
  }
}
