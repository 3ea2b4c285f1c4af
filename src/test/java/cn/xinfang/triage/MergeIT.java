package cn.xinfang.triage;

import static cn.xinfang.support.CaseDriver.ACCEPT;
import static cn.xinfang.support.CaseDriver.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.Attachment;
import cn.xinfang.casestore.AttachmentSource;
import cn.xinfang.casestore.AttachmentStore;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.intake.IntakeService;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.intake.RegistrationRequest;
import cn.xinfang.intake.RegistrationValidator;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.SampleFiles;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 相似及重复信访 and 并单 on the running application (H2: the portable title comparison; the PostgreSQL path
 * is SimilarCasesPostgresIT): what the bureau sees at triage, what a merge does to both cases, and
 * every refusal, which changes nothing. Each test registers its own petitioners in 龙岗区 with titles
 * no other test uses.
 */
@ApplicationIT
class MergeIT {

  static final String DISTRICT = "LONGGANG";

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired PublicApi petitioner;
  @Autowired IntakeService intake;
  @Autowired RegistrationValidator validator;
  @Autowired PetitionStore store;
  @Autowired AttachmentStore attachments;
  @Autowired JdbcClient jdbc;

  /** A petitioner without an ID number, so that name and phone are who they are. */
  static PersonRequest someone(String name) {
    String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    return new PersonRequest(name, null, phone, "深圳市龙岗区龙城街道 1 号");
  }

  Case register(PersonRequest who, String district, String title) {
    String received = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3).toString();
    RegistrationRequest request =
        new RegistrationRequest(
            null,
            "ONLINE",
            received,
            who,
            1,
            district,
            "HOUSING",
            title,
            title + "，多次反映未果，请求有关部门协调处理。",
            null);
    PetitionRecord record = intake.register(validator.validate(request, null)).petition();
    return cases.existing(record.caseNumber());
  }

  /** The similar cases of {@code c} as {@code user} reads them: case number → candidate. */
  List<JsonNode> similar(String user, Case c) {
    JsonNode answer = staff.get(user, "/api/staff/cases/" + c.number() + "/similar");
    return StreamSupport.stream(answer.path("candidates").spliterator(), false).toList();
  }

  static List<String> numbers(List<JsonNode> candidates) {
    return candidates.stream().map(n -> n.path("caseNumber").asText()).toList();
  }

  static JsonNode candidate(List<JsonNode> candidates, Case c) {
    return candidates.stream()
        .filter(n -> n.path("caseNumber").asText().equals(c.number()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(c.number() + " not listed in " + candidates));
  }

  /** Completes the case's triage over /engine-rest as clerk1 with mergeInto; the answer. */
  ResponseEntity<String> mergeInto(Case c, String into) {
    return staff.exchange(
        "clerk1",
        HttpMethod.POST,
        "/engine-rest/task/" + cases.task(c, TRIAGE).getId() + "/complete",
        Map.of("variables", Http.variables(Map.of(Var.MERGE_INTO, into))));
  }

  long audit(Case c, String action) {
    return jdbc.sql("select count(*) from case_audit where case_number = ? and action = ?")
        .params(c.number(), action)
        .query(Long.class)
        .single();
  }

  String metricMergedInto(Case c) {
    return jdbc.sql("select merged_into from case_metric where petition_id = ?")
        .param(c.id())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  Attachment attach(Case c, String name) throws Exception {
    byte[] pdf = SampleFiles.pdf(name);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
    return attachments.add(
        c.id(),
        new AttachmentStore.NewAttachment(
            name, "application/pdf", pdf, sha, AttachmentSource.PETITIONER, "petitioner", null));
  }

  /** A case of another petitioner on the same matter, transferred to its unit (open). */
  Case openCaseOnTheMatter(String title) {
    Case c = register(someone("王五"), DISTRICT, title);
    cases.completeAs(
        "clerk1", c, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    cases.assertWaitingAt(c, ACCEPT);
    return c;
  }

  @Test
  void theBureauSeesTheSamePetitionersAndSimilarCasesButNeitherUnrelatedNorConfidentialOnes() {
    // Given a petitioner's open case, another petitioner's case with a similar title, an unrelated
    // case and a confidential accusation (DISCIPLINE) with a similar title, all in 龙岗区
    PersonRequest lin = someone("林一");
    Case own = register(lin, DISTRICT, "龙城花园小区物业乱收停车费");
    Case similar = openCaseOnTheMatter("龙城花园小区电梯长期故障无人维修");
    Case unrelated = register(someone("赵六"), DISTRICT, "某公司拖欠三个月工资");
    Case accusation = register(someone("钱七"), DISTRICT, "举报龙城花园小区电梯维修资金被挪用故障无人维修");
    cases.completeAs(
        "clerk1",
        accusation,
        TRIAGE,
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    assertThat(cases.stored(accusation).route()).hasToString("DISCIPLINE");

    // When the same petitioner petitions again on the lift
    Case again = register(lin, DISTRICT, "龙城花园小区电梯故障长期无人维修");

    // Then the bureau's clerk sees the petitioner's own case and the similar one, why each matched
    List<JsonNode> found = similar("clerk1", again);
    assertThat(numbers(found)).contains(own.number(), similar.number());
    assertThat(candidate(found, own).path("reasons").toString()).contains("同一信访人");
    JsonNode lift = candidate(found, similar);
    assertThat(lift.path("reason").asText()).startsWith("标题相似 0.");
    assertThat(lift.path("statusLabel").asText()).isEqualTo(PetitionStatus.TRANSFERRED.label());
    assertThat(lift.path("districtLabel").asText()).isEqualTo("龙岗区");
    assertThat(lift.path("handlingUnitName").asText()).isNotBlank();
    assertThat(lift.path("mergeable").asBoolean()).isTrue();
    // the bureau does not handle the other case: its petitioner's phone is masked
    assertThat(lift.path("petitionerPhone").asText()).contains("****");
    assertThat(found.size()).isLessThanOrEqualTo(10);
    // the petitioner's own case comes first: same petitioner before title alone
    assertThat(found.get(0).path("caseNumber").asText()).isEqualTo(own.number());

    // and neither the unrelated case nor the accusation, whose title never shows
    assertThat(numbers(found)).doesNotContain(unrelated.number(), accusation.number());
    String body = staff.get("clerk1", "/api/staff/cases/" + again.number() + "/similar").toString();
    assertThat(body).doesNotContain("挪用", accusation.number());
    assertThat(
            staff
                .get("clerk1", "/api/staff/cases/" + again.number() + "/similar")
                .path("canMerge")
                .asBoolean())
        .isTrue();

    // and a unit, which cannot read the new case, gets 404 as for a case that does not exist
    ResponseEntity<String> unit =
        staff.exchange(
            "housing1", HttpMethod.GET, "/api/staff/cases/" + again.number() + "/similar", null);
    assertThat(unit.getStatusCode().value()).isEqualTo(404);
    assertThat(unit.getBody()).doesNotContain("龙城花园");
    assertThat(audit(again, "VIEW")).isPositive();
  }

  @Test
  void aMergeClosesTheNewCaseAndItsMaterialsAndPetitionerGoToTheOpenCase() throws Exception {
    // Given an open case on a lift, and a new petition on the same lift with a scan
    Case target = openCaseOnTheMatter("龙腾苑小区电梯频繁困人");
    Case petition = register(someone("孙八"), DISTRICT, "龙腾苑小区电梯经常困人");
    attach(petition, "困人照片.pdf");
    assertThat(numbers(similar("clerk1", petition))).contains(target.number());

    // When the clerk merges it at triage
    ResponseEntity<String> merged = mergeInto(petition, target.number());

    // Then the triage is done and the process ended without routing
    assertThat(merged.getStatusCode().value()).as(merged.getBody()).isEqualTo(204);
    PetitionRecord closed = cases.stored(petition);
    assertThat(closed.status()).isEqualTo(PetitionStatus.CLOSED);
    assertThat(closed.mergedInto()).isEqualTo(target.number());
    assertThat(closed.route()).isNull();
    assertThat(closed.currentDeadline()).isNull();
    assertThat(
            jdbc.sql("select count(*) from act_ru_execution where proc_inst_id_ = ?")
                .param(petition.pi().getId())
                .query(Long.class)
                .single())
        .isZero();

    // and the petitioner reads it with the query code: CLOSED, the case it joined, the notice
    PublicApi.Answer view = petitioner.view(petition.queryCode());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body().path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.body().path("milestones").toString())
        .contains("已并入 " + target.number() + " 号信访事项一并办理");
    assertThat(cases.notice(petition, "MERGED_NOTICE").body()).contains(target.number());

    // and the target case has the scan, noted as merged from the new case, and its milestone
    List<Attachment> moved = attachments.list(target.id());
    assertThat(moved)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.source()).isEqualTo(AttachmentSource.MERGED);
              assertThat(a.mergedFrom()).isEqualTo(petition.number());
              assertThat(a.fileName()).isEqualTo("困人照片.pdf");
              assertThat(a.addedBy()).isEqualTo("clerk1");
            });
    assertThat(store.milestones(target.id()))
        .filteredOn(m -> MilestoneType.MERGED_IN.equals(m.type()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.description()).contains("并入本件").contains(petition.number());
              assertThat(m.publicVisible()).isFalse();
            });
    // and the target's petitioner does not see another petitioner's materials
    assertThat(
            staff
                .exchange(
                    null,
                    HttpMethod.GET,
                    "/api/petitions/" + target.queryCode() + "/attachments",
                    null)
                .getBody())
        .doesNotContain("困人照片");
    // both audit trails, and the metric fact counts the petition once, as the target
    assertThat(audit(petition, "MERGE")).isEqualTo(1);
    assertThat(audit(target, "MERGE")).isEqualTo(1);
    assertThat(metricMergedInto(petition)).isEqualTo(target.number());
    // the target goes on as before
    cases.assertWaitingAt(target, ACCEPT);
    assertThat(cases.stored(target).status()).isEqualTo(PetitionStatus.TRANSFERRED);
    // and the merged case is listed as such to the next similar petition
    Case third = register(someone("周九"), DISTRICT, "龙腾苑小区电梯经常困人");
    JsonNode listed = candidate(similar("clerk1", third), petition);
    assertThat(listed.path("statusLabel").asText()).isEqualTo("已并入 " + target.number());
    assertThat(listed.path("mergeable").asBoolean()).isFalse();
  }

  @Test
  void aMergeIntoACaseThatCannotTakeItIsRefusedInChineseAndChangesNothing() throws Exception {
    Case petition = register(someone("吴十"), DISTRICT, "龙岗大道噪音扰民");
    attach(petition, "噪音记录.pdf");

    // a closed case: referred out (not within the bureau's jurisdiction)
    Case closed = register(someone("郑一"), DISTRICT, "龙岗大道夜间施工噪音");
    cases.completeAs(
        "clerk1", closed, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, false));
    assertThat(cases.stored(closed).status().isFinal()).isTrue();
    // a confidential accusation
    Case accusation = register(someone("钱二"), DISTRICT, "举报龙岗大道施工单位");
    cases.completeAs(
        "clerk1",
        accusation,
        TRIAGE,
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    // an open case of another district
    Case elsewhere = register(someone("冯三"), "FUTIAN", "福华路夜间施工噪音");
    // a case already merged into another
    Case target = openCaseOnTheMatter("龙岗大道工地夜间施工");
    Case alreadyMerged = register(someone("陈四"), DISTRICT, "龙岗大道工地夜间施工扰民");
    assertThat(mergeInto(alreadyMerged, target.number()).getStatusCode().value()).isEqualTo(204);

    String before = state(petition);
    Map<String, String> refusals =
        Map.of(
            closed.number(),
            "已办结",
            petition.number(),
            "不能将信访事项并入其自身",
            "XF2026-99999999",
            "不存在或您无权查看",
            accusation.number(),
            "不存在或您无权查看",
            elsewhere.number(),
            "事项发生地为福田区",
            alreadyMerged.number(),
            "已并入 " + target.number());
    refusals.forEach(
        (into, message) -> {
          ResponseEntity<String> refused = mergeInto(petition, into);
          assertThat(refused.getStatusCode().value()).as(into).isEqualTo(400);
          JsonNode error = StaffRest.json(refused);
          assertThat(error.path("error").asText()).as(into).contains(message);
          assertThat(error.path("field").asText()).isEqualTo(Var.MERGE_INTO);
          assertThat(refused.getBody()).doesNotContain("举报龙岗大道");
          assertThat(state(petition)).as(into).isEqualTo(before);
        });
    // and a malformed number is refused by the form's own rule
    ResponseEntity<String> malformed = mergeInto(petition, "XF2026-1");
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(StaffRest.json(malformed).path("error").asText()).contains("格式不正确");

    // nothing changed on the targets either
    assertThat(attachments.list(accusation.id())).isEmpty();
    assertThat(attachments.list(closed.id())).isEmpty();
    assertThat(audit(closed, "MERGE") + audit(accusation, "MERGE")).isZero();
    cases.assertWaitingAt(petition, TRIAGE);
  }

  @Test
  void anEmptiedMergeFieldRoutesThePetitionAsUsual() {
    // form-js submits "" for a field the clerk typed in and cleared
    Case c = register(someone("褚五"), DISTRICT, "龙岗中心城某路段路灯不亮");
    Map<String, Object> triage =
        new HashMap<>(Petitions.triage("CLAIM", "NONE", false, false, false, true));
    triage.put(Var.MERGE_INTO, "");
    ResponseEntity<String> done =
        staff.exchange(
            "clerk1",
            HttpMethod.POST,
            "/engine-rest/task/" + cases.task(c, TRIAGE).getId() + "/complete",
            Map.of("variables", Http.variables(triage)));
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    cases.assertWaitingAt(c, ACCEPT);
    assertThat(cases.stored(c).mergedInto()).isNull();
    assertThat(audit(c, "MERGE")).isZero();
  }

  /** What a refused merge must not change: status, merge, milestones, notices, audit, task. */
  String state(Case c) {
    PetitionRecord p = cases.stored(c);
    return p.status()
        + " "
        + p.mergedInto()
        + " "
        + store.milestones(c.id()).stream().map(Milestone::type).toList()
        + " "
        + store.notices(c.id()).size()
        + " "
        + audit(c, "MERGE")
        + " "
        + metricMergedInto(c)
        + " "
        + attachments.list(c.id()).size()
        + " "
        + cases.task(c, TRIAGE).getId();
  }
}
