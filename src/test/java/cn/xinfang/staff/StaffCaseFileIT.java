package cn.xinfang.staff;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The staff case file and the audit trail: the unit handling a case reads its personal data,
 * everyone else who may read the case reads it masked, others find nothing; every view and every
 * change is in the case's audit trail together with the engine's user operation log, which
 * administrators query.
 */
@ApplicationIT
class StaffCaseFileIT {

  private static final String ID_NUMBER = CaseDriver.PETITIONER.idNumber();
  private static final String PHONE = CaseDriver.PETITIONER.phone();

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired PublicApi petitioner;
  @Autowired TestClock clock;

  @Test
  void theHandlingUnitReadsThePersonalDataOthersReadItMaskedOrNotAtAll() {
    // Given a housing case transferred to the housing bureau
    Case c = cases.transferred();
    String file = "/api/staff/cases/" + c.number();

    // Then housing1, who handles it, reads the petitioner in full
    JsonNode handler = staff.get("housing1", file);
    assertThat(handler.path("personalData").asText()).isEqualTo("FULL");
    assertThat(handler.path("persons").get(0).path("idNumber").asText()).isEqualTo(ID_NUMBER);
    assertThat(handler.path("persons").get(0).path("phone").asText()).isEqualTo(PHONE);
    assertThat(handler.path("persons").get(0).path("address").asText())
        .isEqualTo(CaseDriver.PETITIONER.address());
    assertThat(handler.path("content").asText()).contains("楼上住户漏水");
    assertThat(handler.path("milestones")).isNotEmpty();

    // and the administrator, who reads every case but handles none, reads it masked
    JsonNode admin = staff.get("demo", file);
    assertThat(admin.path("personalData").asText()).isEqualTo("MASKED");
    JsonNode masked = admin.path("persons").get(0);
    assertThat(masked.path("idNumber").asText()).isEqualTo("110105********002X");
    assertThat(masked.path("phone").asText()).isEqualTo("138****8000");
    assertThat(masked.path("address").asText()).isEqualTo("深圳市福田区******");
    assertThat(admin.toString()).doesNotContain(ID_NUMBER, PHONE);

    // and another unit finds nothing, exactly as for a case that does not exist
    ResponseEntity<String> other = staff.exchange("hrss1", HttpMethod.GET, file, null);
    assertThat(other.getStatusCode().value()).isEqualTo(404);
    assertThat(StaffRest.json(other).path("error").asText()).contains("不存在或您无权查看");
    assertThat(other.getBody()).doesNotContain(ID_NUMBER, PHONE, "楼上住户漏水");
    assertThat(staff.status("hrss1", HttpMethod.GET, "/api/staff/cases/XF2026-99999999", null))
        .isEqualTo(404);
    assertThat(staff.status("hrss1", HttpMethod.GET, "/api/staff/cases/not-a-case", null))
        .isEqualTo(404);
    assertThat(staff.status(null, HttpMethod.GET, file, null)).isEqualTo(401);

    // When the opinion is delivered, the unit no longer handles the case: it reads it masked
    cases.complete(c, CaseDriver.ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));
    cases.replied(c, "SUPPORTED");
    JsonNode afterwards = staff.get("housing1", file);
    assertThat(afterwards.path("status").asText()).isEqualTo("REPLIED");
    assertThat(afterwards.path("personalData").asText()).isEqualTo("MASKED");
    assertThat(afterwards.path("persons").get(0).path("phone").asText()).isEqualTo("138****8000");
  }

  @Test
  void everyViewAndChangeIsInTheCasesAuditTrail() {
    // Given a petition registered online, triaged by clerk1 and accepted by housing1 in their task
    // lists
    PublicApi.Answer registered = petitioner.post("/api/petitions", Petitions.valid());
    assertThat(registered.status()).isEqualTo(201);
    String number = registered.body().path("caseNumber").asText();
    complete(
        "clerk1",
        CaseDriver.TRIAGE,
        number,
        Petitions.triage("CLAIM", "NONE", false, false, false, true));
    // a refused completion (an objection needs its reason) changes nothing and leaves no entry
    assertThat(
            staff.status(
                "housing1",
                HttpMethod.POST,
                completePath("housing1", CaseDriver.ACCEPT, number),
                Map.of("variables", Http.variables(Map.of(Var.ACCEPTANCE, "OBJECT")))))
        .isEqualTo(400);
    assertThat(entries(number))
        .noneSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("housing1"));
    complete("housing1", CaseDriver.ACCEPT, number, Map.of(Var.ACCEPTANCE, "ACCEPT"));

    // When housing1 opens the case file and hrss1 tries to
    staff.get("housing1", "/api/staff/cases/" + number);
    assertThat(staff.status("hrss1", HttpMethod.GET, "/api/staff/cases/" + number, null))
        .isEqualTo(404);

    // Then the administrator reads who did what, from the case store and from the engine
    List<JsonNode> trail = entries(number);
    assertThat(trail).anySatisfy(e -> assertEntry(e, "petitioner", "CASE_STORE", "REGISTER"));
    assertThat(trail)
        .anySatisfy(
            e -> {
              assertEntry(e, "clerk1", "CASE_STORE", "UPDATE");
              assertThat(e.path("detail").asText()).isEqualTo("status=TRANSFERRED");
            });
    assertThat(trail).anySatisfy(e -> assertEntry(e, "clerk1", "PROCESS", "Complete Task"));
    assertThat(trail).anySatisfy(e -> assertEntry(e, "housing1", "PROCESS", "Complete Task"));
    assertThat(trail)
        .anySatisfy(
            e -> {
              assertEntry(e, "housing1", "CASE_STORE", "UPDATE");
              assertThat(e.path("detail").asText()).isEqualTo("status=ACCEPTED");
            });
    assertThat(trail)
        .anySatisfy(
            e -> {
              assertEntry(e, "housing1", "CASE_STORE", "VIEW");
              assertThat(e.path("detail").asText()).isEqualTo("personal data in full");
            });
    assertThat(trail).anySatisfy(e -> assertEntry(e, "hrss1", "CASE_STORE", "VIEW_REFUSED"));
    assertThat(trail).extracting(e -> e.path("at").asText()).isSorted();
    // the audit holds no personal data
    assertThat(trail.toString()).doesNotContain(ID_NUMBER, PHONE);

    // and what one user did, latest first, with the audit reads themselves recorded
    JsonNode hrss = staff.get("demo", "/api/audit/users/hrss1");
    assertThat(hrss.path("entries").get(0).path("action").asText()).isEqualTo("VIEW_REFUSED");
    assertThat(hrss.path("entries").get(0).path("caseNumber").asText()).isEqualTo(number);
    assertThat(entries(number)).anySatisfy(e -> assertEntry(e, "demo", "CASE_STORE", "AUDIT_VIEW"));

    // and nobody but administrators reads an audit trail
    ResponseEntity<String> unit =
        staff.exchange("housing1", HttpMethod.GET, "/api/audit/cases/" + number, null);
    assertThat(unit.getStatusCode().value()).isEqualTo(403);
    assertThat(StaffRest.json(unit).path("error").asText()).isEqualTo("审计记录仅限系统管理员查看");
    assertThat(staff.status("clerk1", HttpMethod.GET, "/api/audit/users/hrss1", null))
        .isEqualTo(403);
  }

  @Test
  void theApprovalHistoryIsInTheCaseFileForThoseWhoReadItInFull() {
    // Given a draft by housing1, approved by the unit's head and returned by the bureau, redrafted
    Case c = cases.accepted();
    String file = "/api/staff/cases/" + c.number();
    Map<String, Object> draft =
        Map.of(Var.HANDLING_OUTCOME, "NOT_SUPPORTED", Var.OPINION_TEXT, "经核实，所反映问题不属实，不予支持。");
    complete("housing1", "handlePetition", c.number(), draft);
    complete(
        "housinghead1",
        "approveReply",
        c.number(),
        Map.of(Var.REPLY_APPROVED, "true", Var.APPROVAL_COMMENT, "同意"));
    complete(
        "clerk1",
        "approveReply",
        c.number(),
        Map.of(Var.REPLY_APPROVED, "false", Var.APPROVAL_COMMENT, "请补充法律依据"));
    complete("housing1", "handlePetition", c.number(), draft);

    // Then the unit's head, who reads the case in full, reads both decisions of the first round
    JsonNode head = staff.get("housinghead1", file);
    assertThat(head.path("personalData").asText()).isEqualTo("FULL");
    JsonNode approvals = head.path("approvals");
    assertThat(approvals).hasSize(2);
    assertThat(approvals.get(0).path("round").asInt()).isEqualTo(1);
    assertThat(approvals.get(0).path("level").asInt()).isEqualTo(1);
    assertThat(approvals.get(0).path("group").asText()).isEqualTo("unit-housing-head");
    assertThat(approvals.get(0).path("approver").asText()).isEqualTo("housinghead1");
    assertThat(approvals.get(0).path("approverName").asText()).isEqualTo("郑国华");
    assertThat(approvals.get(0).path("decisionLabel").asText()).isEqualTo("同意");
    assertThat(approvals.get(1).path("level").asInt()).isEqualTo(2);
    assertThat(approvals.get(1).path("groupName").asText()).isEqualTo("市信访局");
    assertThat(approvals.get(1).path("approverName").asText()).isEqualTo("王敏");
    assertThat(approvals.get(1).path("decision").asText()).isEqualTo("RETURNED");
    assertThat(approvals.get(1).path("decisionLabel").asText()).isEqualTo("退回");
    assertThat(approvals.get(1).path("comment").asText()).isEqualTo("请补充法律依据");
    assertThat(approvals.get(1).path("decidedAt").isNull()).isFalse();
    assertThat(staff.get("housing1", file).path("approvals")).hasSize(2);

    // and readers of the masked file (the bureau while the unit handles it) read none of it,
    // another
    // unit's head nothing at all
    assertThat(staff.get("clerk1", file).path("approvals")).isEmpty();
    assertThat(staff.status("hrsshead1", HttpMethod.GET, file, null)).isEqualTo(404);
  }

  @Test
  void theSupervisionsAreInTheCaseFileForItsHandlersTheBureauAndTheSupervisors() {
    // Given a case with the housing bureau, which supervisor1 sends a letter (3 working days from
    // Fri 2026-11-20: Wed 2026-11-25)
    clock.pin("2026-11-20T10:00");
    Case c = cases.transferred(cases.register("FUTIAN", "HOUSING", "2026-11-19"), "CLAIM", false);
    String file = "/api/staff/cases/" + c.number();
    assertThat(
            staff.status(
                "supervisor1",
                HttpMethod.POST,
                file + "/supervision",
                Map.of(
                    "supervisionAction", "LETTER",
                    "replyDays", 3,
                    "supervisionComment", "请说明受理进展")))
        .isEqualTo(201);

    // Then the unit, which handles the case, reads the supervision with its labels and names
    JsonNode unit = staff.get("housing1", file);
    assertThat(unit.path("canSupervise").asBoolean()).isFalse();
    JsonNode supervisions = unit.path("supervisions");
    assertThat(supervisions).hasSize(1);
    JsonNode s = supervisions.get(0);
    assertThat(s.path("origin").asText()).isEqualTo("MANUAL");
    assertThat(s.path("originLabel").asText()).isEqualTo("人工督办");
    assertThat(s.path("action").asText()).isEqualTo("LETTER");
    assertThat(s.path("actionLabel").asText()).isEqualTo("督办函");
    assertThat(s.path("comment").asText()).isEqualTo("请说明受理进展");
    assertThat(s.path("replyDays").asInt()).isEqualTo(3);
    assertThat(OffsetDateTime.parse(s.path("answerDue").asText()).toInstant())
        .isEqualTo(CaseDriver.endOf("2026-11-25").toInstant());
    assertThat(s.path("openedByName").asText()).isEqualTo("高洁");
    assertThat(s.path("decidedBy").asText()).isEqualTo("supervisor1");
    assertThat(s.path("decidedByName").asText()).isEqualTo("高洁");
    assertThat(s.path("task").asText()).isNotBlank();
    assertThat(s.path("taskGroups").asText()).isNotBlank().doesNotContain("unit-housing");
    assertThat(s.path("answer").isNull()).isTrue();

    // and the bureau and the supervisors, who read the case masked, supervise it and read its
    // supervisions; another unit reads nothing of the case
    JsonNode bureau = staff.get("clerk1", file);
    assertThat(bureau.path("personalData").asText()).isEqualTo("MASKED");
    assertThat(bureau.path("internalNotes").asBoolean()).isFalse();
    assertThat(bureau.path("canSupervise").asBoolean()).isTrue();
    assertThat(bureau.path("supervisions")).hasSize(1);
    JsonNode supervisor = staff.get("supervisor1", file);
    assertThat(supervisor.path("canSupervise").asBoolean()).isTrue();
    assertThat(supervisor.path("supervisions").get(0).path("comment").asText())
        .isEqualTo("请说明受理进展");
    assertThat(staff.status("hrss1", HttpMethod.GET, file, null)).isEqualTo(404);
  }

  private List<JsonNode> entries(String caseNumber) {
    List<JsonNode> list = new ArrayList<>();
    staff.get("demo", "/api/audit/cases/" + caseNumber).path("entries").forEach(list::add);
    return list;
  }

  private static void assertEntry(JsonNode e, String actor, String source, String action) {
    assertThat(e.path("actor").asText()).isEqualTo(actor);
    assertThat(e.path("source").asText()).isEqualTo(source);
    assertThat(e.path("action").asText()).isEqualTo(action);
  }

  private void complete(String user, String key, String caseNumber, Map<String, Object> values) {
    assertThat(
            staff.status(
                user,
                HttpMethod.POST,
                completePath(user, key, caseNumber),
                Map.of("variables", Http.variables(values))))
        .isEqualTo(204);
  }

  private String completePath(String user, String key, String caseNumber) {
    JsonNode tasks =
        staff.get(
            user,
            "/engine-rest/task?taskDefinitionKey="
                + key
                + "&processInstanceBusinessKey="
                + caseNumber);
    assertThat(tasks).as("%s of %s for %s", key, caseNumber, user).hasSize(1);
    return "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete";
  }
}
