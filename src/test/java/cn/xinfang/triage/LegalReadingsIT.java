package cn.xinfang.triage;

import static cn.xinfang.support.CaseDriver.ACCEPT;
import static cn.xinfang.support.CaseDriver.HANDLE;
import static cn.xinfang.support.CaseDriver.TRIAGE;
import static cn.xinfang.support.CaseDriver.endOf;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where the model follows the 信访工作条例 more closely than a plain workflow would (docs/domain.md §3,
 * §5): an objection the bureau verifies (Art. 23), the report an assigned unit files (交办, Art. 22),
 * a unit the clerk chooses instead of the decision table's, and the simple procedure turned
 * ordinary. Driven through /engine-rest as the clerks would, so that every refusal is the Chinese
 * 400 they would read.
 */
@ApplicationIT
class LegalReadingsIT {

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired TestClock clock;
  @Autowired FormService forms;
  @Autowired JdbcClient jdbc;

  // ---------------------------------------------------------------------------------------------
  // An objection is verified by the bureau (核实同意, Art. 23)
  // ---------------------------------------------------------------------------------------------

  @Test
  void anObjectionTheBureauRefusesLeavesTheCaseWithTheUnitWhichMustAccept() {
    // Given a case transferred on Mon 2026-10-12 and objected to on Tue 10-13
    clock.pin("2026-10-12T09:00");
    Case c = cases.transferred();
    clock.pin("2026-10-13T10:00");
    complete(
        "housing1",
        c,
        ACCEPT,
        Map.of("acceptance", "OBJECT", "objectionReason", "本事项属人社部门职责，不属本单位"));

    // Then the bureau verifies it within 5 working days (10-20), the unit keeps the case meanwhile
    Task verify = cases.task(c, PetitionProcess.TASK_VERIFY_OBJECTION);
    assertThat(cases.candidateGroup(verify)).isEqualTo("bureau");
    assertThat(verify.getDueDate()).isEqualTo(endOf("2026-10-20"));
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.TRANSFERRED);
    assertThat(forms.getTaskFormVariables(verify.getId()).getValue("objectionReason", String.class))
        .contains("人社部门");

    // When clerk1 gives no decision or no reason, it is refused in Chinese
    assertRefused(
        "clerk1",
        c,
        PetitionProcess.TASK_VERIFY_OBJECTION,
        Map.of("verificationComment", "经核实属住建职责"),
        "请选择核实意见");
    assertRefused(
        "clerk1",
        c,
        PetitionProcess.TASK_VERIFY_OBJECTION,
        Map.of("objectionAgreed", "false"),
        "请填写核实说明");

    // When clerk1 does not agree (the form's explicit choice, sent as text)
    complete(
        "clerk1",
        c,
        PetitionProcess.TASK_VERIFY_OBJECTION,
        Map.of("objectionAgreed", "false", "verificationComment", "漏水维修属住建部门监管职责"));

    // Then the same unit must accept: it may not object again
    cases.assertWaitingAt(c, ACCEPT);
    assertThat(cases.candidateGroup(cases.task(c, ACCEPT))).isEqualTo("unit-housing");
    assertThat(cases.publicMilestones(c)).contains("信访部门核实后不同意异议，由市住房和建设局受理办理");
    assertRefused(
        "housing1",
        c,
        ACCEPT,
        Map.of("acceptance", "OBJECT", "objectionReason", "仍然认为不属本单位职责"),
        "不能再次提出异议");
    complete("housing1", c, ACCEPT, Map.of("acceptance", "ACCEPT"));
    cases.assertWaitingAt(c, HANDLE);
  }

  @Test
  void anAgreedObjectionIsTriagedAgainWithinFiveWorkingDaysOfTheAgreement() {
    // Given a case received 2026-08-01, objected to on Tue 10-13
    clock.pin("2026-10-12T09:00");
    Case c = cases.transferred();
    clock.pin("2026-10-13T10:00");
    complete(
        "housing1",
        c,
        ACCEPT,
        Map.of("acceptance", "OBJECT", "objectionReason", "本事项属人社部门职责，不属本单位"));

    // When the bureau agrees on Wed 10-14 (the contract's Boolean)
    clock.pin("2026-10-14T10:00");
    complete(
        "clerk1",
        c,
        PetitionProcess.TASK_VERIFY_OBJECTION,
        Map.of("objectionAgreed", true, "verificationComment", "同意，属人社部门职责"));

    // Then triage is due 5 working days from the agreement (Wed 10-21), not 15 days from receipt
    // (long past), the unit no longer reads the case and the case is registered again
    Task triage = cases.task(c, TRIAGE);
    assertThat(triage.getDueDate()).isEqualTo(endOf("2026-10-21"));
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.REGISTERED);
    assertThat(cases.stored(c).handlingUnit()).isNull();
    assertThat(staff.status("housing1", HttpMethod.GET, "/api/staff/cases/" + c.number(), null))
        .isEqualTo(404);
    assertThat(cases.publicMilestones(c)).contains("承办单位认为不属其职责，信访部门核实同意，将于2026年10月21日前重新分流");
  }

  // ---------------------------------------------------------------------------------------------
  // 交办: the bureau sets the report's days, the unit files its report
  // ---------------------------------------------------------------------------------------------

  @Test
  void anAssignedUnitFilesItsReportByTheDayTheBureauSet() {
    // Given a case assigned on Mon 2026-10-12 with 30 days for the report (due Wed 11-11)
    clock.pin("2026-10-12T09:00");
    Case c = cases.register("FUTIAN", "HOUSING", CaseDriver.RECEIVED);
    Map<String, Object> assign = Petitions.triage("CLAIM", "NONE", false, false, false, true);
    assign.put("transferMode", "TRANSFER");
    assign.put("feedbackDays", 30L);
    assertRefused("clerk1", c, TRIAGE, assign, "只有交办的信访事项才设定办结报告期限");
    assign.put("transferMode", "ASSIGN");
    assign.put("feedbackDays", 91L);
    assertRefused("clerk1", c, TRIAGE, assign, "feedbackDays");
    assign.put("feedbackDays", 30L);
    complete("clerk1", c, TRIAGE, assign);

    // Then the timeline and the case store say so
    assertThat(cases.publicMilestones(c)).contains("已交办至：市住房和建设局，应于2026年11月11日前报送办结报告");
    assertThat(
            jdbc.sql("select assignment_due from petition where case_number = ?")
                .param(c.number())
                .query(OffsetDateTime.class)
                .single()
                .toInstant())
        .isEqualTo(endOf("2026-11-11").toInstant());

    // When the unit accepts, concludes and the opinion is delivered
    cases.accepted(c);
    cases.replied(c, "SUPPORTED");

    // Then it owes the bureau its report, due on the day set
    Task report = cases.task(c, PetitionProcess.TASK_REPORT_COMPLETION);
    assertThat(cases.candidateGroup(report)).isEqualTo("unit-housing");
    assertThat(report.getDueDate()).isEqualTo(endOf("2026-11-11"));
    assertRefused(
        "housing1",
        c,
        PetitionProcess.TASK_REPORT_COMPLETION,
        Map.of("completionReport", ""),
        "请填写办结报告");
    complete(
        "housing1",
        c,
        PetitionProcess.TASK_REPORT_COMPLETION,
        Map.of("completionReport", "已责成物业于 10 日内维修完毕，信访人表示满意。"));
    assertThat(internalNotes(c)).contains("已责成物业于 10 日内维修完毕，信访人表示满意。");
  }

  // ---------------------------------------------------------------------------------------------
  // The clerk chooses another unit than the decision table, with a reason
  // ---------------------------------------------------------------------------------------------

  @Test
  void theClerkMayChooseAnotherUnitWithAReasonThatIsRecorded() {
    Case c = cases.register("FUTIAN", "HOUSING", CaseDriver.RECEIVED);
    Task triage = cases.task(c, TRIAGE);
    // the form shows what the table proposes
    assertThat(
            forms.getTaskFormVariables(triage.getId()).getValue("proposedUnitName", String.class))
        .isEqualTo("市住房和建设局");

    Map<String, Object> override = Petitions.triage("CLAIM", "NONE", false, false, false, true);
    override.put("handlingUnitOverride", "unit-hrss");
    assertRefused("clerk1", c, TRIAGE, override, "请填写改选承办单位的理由");
    override.put("handlingUnitOverride", "discipline");
    override.put("overrideReason", "想直接交纪委");
    assertRefused("clerk1", c, TRIAGE, override, "handlingUnitOverride");
    Map<String, Object> accusation =
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true);
    accusation.put("handlingUnitOverride", "unit-hrss");
    accusation.put("overrideReason", "由人社局先行核查");
    assertRefused("clerk1", c, TRIAGE, accusation, "不能改选承办单位");

    override.put("handlingUnitOverride", "unit-hrss");
    override.put("overrideReason", "拖欠工程款引发，主要属劳动保障事项");
    complete("clerk1", c, TRIAGE, override);

    cases.assertWaitingAt(c, ACCEPT);
    assertThat(cases.candidateGroup(cases.task(c, ACCEPT))).isEqualTo("unit-hrss");
    assertThat(cases.stored(c).handlingUnit()).isEqualTo("unit-hrss");
    assertThat(internalNotes(c)).contains("拖欠工程款引发，主要属劳动保障事项");
    assertThat(
            jdbc.sql(
                    "select count(*) from case_audit where case_number = ? and action = 'MILESTONE' and detail like '%UNIT_OVERRIDDEN%'")
                .param(c.number())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  // ---------------------------------------------------------------------------------------------
  // The simple procedure turned ordinary
  // ---------------------------------------------------------------------------------------------

  @Test
  void aCaseThatDoesNotSuitTheSimpleProcedureGoesOnUnderTheOrdinaryOne() {
    // Given a case accepted under the simple procedure on Mon 2026-10-12 (due 10 working days)
    clock.pin("2026-10-12T09:00");
    Case c = cases.accepted("CLAIM", true);
    assertThat(cases.task(c, HANDLE).getDueDate()).isEqualTo(endOf("2026-10-26"));

    // When the unit converts it on 10-15, with a reason
    clock.pin("2026-10-15T09:00");
    assertRefused("housing1", c, HANDLE, Map.of("handlingAction", "ORDINARY"), "转为普通程序的理由");
    complete(
        "housing1",
        c,
        HANDLE,
        Map.of("handlingAction", "ORDINARY", "conversionReason", "涉及多户业主，需现场勘验"));

    // Then it is due 60 days from the acceptance (Fri 12-11) and the petitioner is told why
    assertThat(cases.task(c, HANDLE).getDueDate()).isEqualTo(endOf("2026-12-11"));
    assertThat(cases.notice(c, "PROCEDURE_CONVERTED_NOTICE").body())
        .contains("涉及多户业主，需现场勘验", "2026年12月11日");
    assertThat(cases.stored(c).handlingDue().toInstant())
        .isEqualTo(endOf("2026-12-11").toInstant());
    // and an ordinary case cannot be converted again
    assertRefused(
        "housing1",
        c,
        HANDLE,
        Map.of("handlingAction", "ORDINARY", "conversionReason", "再转一次普通程序"),
        "已按普通程序办理");
  }

  // ---------------------------------------------------------------------------------------------

  private void complete(String user, Case c, String key, Map<String, Object> values) {
    ResponseEntity<String> answer = exchange(user, c, key, values);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
  }

  private void assertRefused(
      String user, Case c, String key, Map<String, Object> values, String message) {
    ResponseEntity<String> answer = exchange(user, c, key, values);
    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains(message);
    cases.assertWaitingAt(c, key);
  }

  private ResponseEntity<String> exchange(
      String user, Case c, String key, Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return staff.exchange(
        user,
        HttpMethod.POST,
        "/engine-rest/task/" + cases.task(c, key).getId() + "/complete",
        Map.of("variables", variables));
  }

  private String internalNotes(Case c) {
    StringBuilder notes = new StringBuilder();
    for (Milestone m : cases.milestones(c)) {
      if (m.internalNote() != null) {
        notes.append(m.internalNote()).append('\n');
      }
    }
    return notes.toString();
  }
}
