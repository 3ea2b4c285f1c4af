package cn.xinfang.warning;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Warning;
import cn.xinfang.casestore.WarningStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.intake.IntakeService;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.intake.RegistrationRequest;
import cn.xinfang.intake.RegistrationValidator;
import cn.xinfang.supervision.OverdueWatch;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.StaffRest;
import cn.xinfang.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 预警 on the running application (docs/warnings.md), on H2 ({@link WarningsIT}) and PostgreSQL
 * ({@link WarningsPostgresIT}): REPEAT and GROUP at registration, SURGE and OVERDUE by the scan,
 * each once; the 预警提示函; the list, its readers and the acknowledgement. The application context (and
 * its database) is shared with the other application tests, whose cases are Futian housing matters
 * of 2026: the warnings here are looked for by their own cases, petitioners (name and phone, no ID
 * number), titles and districts (Bao'an, Longgang), which no other test uses.
 */
abstract class WarningScenarios {

  private static final AtomicInteger PHONES = new AtomicInteger(1000);

  @Autowired IntakeService intake;
  @Autowired RegistrationValidator validator;
  @Autowired PetitionStore petitions;
  @Autowired WarningStore warnings;
  @Autowired WarningScan scan;
  @Autowired OverdueWatch watch;
  @Autowired RuntimeService runtime;
  @Autowired AuditTrail audit;
  @Autowired TestClock clock;
  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired JdbcClient jdbc;

  /** A petitioner of this test alone: a name and a phone number nobody else uses, no ID number. */
  private static PersonRequest newPetitioner() {
    return new PersonRequest("预警测试", null, "1391234" + PHONES.incrementAndGet(), "深圳市龙岗区龙城大道 1 号");
  }

  private PetitionRecord register(
      PersonRequest petitioner,
      int persons,
      String district,
      String category,
      String title,
      String receivedAt) {
    RegistrationRequest request =
        new RegistrationRequest(
            null,
            "LETTER",
            receivedAt,
            petitioner,
            persons,
            district,
            category,
            title,
            "来信反映的问题，请有关部门依法处理。",
            null);
    return intake.register(validator.validate(request, null)).petition();
  }

  private PetitionRecord register(String district, String category, String receivedAt) {
    return register(newPetitioner(), 1, district, category, "一般事项" + PHONES.get(), receivedAt);
  }

  private List<Warning> of(PetitionRecord c, Warning.Type type) {
    return warnings.ofCase(c.id()).stream().filter(w -> w.type().equals(type.name())).toList();
  }

  private Object caseWarnings(PetitionRecord c) {
    return runtime.getVariable(instance(c), Var.CASE_WARNINGS);
  }

  private String instance(PetitionRecord c) {
    return petitions.get(c.caseNumber()).processInstanceId();
  }

  private List<Notice> letters(PetitionRecord c) {
    return petitions.notices(c.id()).stream()
        .filter(n -> n.type().equals(Warnings.LETTER))
        .toList();
  }

  private List<Warning> surges(String district, String category) {
    return warnings.list(false, Warning.Type.SURGE, 500, 0).stream()
        .filter(w -> district.equals(w.district()) && category.equals(w.category()))
        .toList();
  }

  @Test
  void aRepeatPetitionerRaisesRepeatOnRegistrationOnceWithALetterToTheBureau() {
    clock.pin("2026-11-20T10:00");
    PersonRequest petitioner = newPetitioner();
    PetitionRecord first =
        register(petitioner, 1, "BAOAN", "LABOUR", "拖欠工资" + PHONES.get(), "2026-06-01");
    PetitionRecord again =
        register(petitioner, 1, "BAOAN", "LABOUR", "再次反映拖欠工资" + PHONES.get(), "2026-11-19");

    assertThat(of(first, Warning.Type.REPEAT)).isEmpty();
    assertThat(caseWarnings(first)).isNull();
    List<Warning> repeat = of(again, Warning.Type.REPEAT);
    assertThat(repeat).hasSize(1);
    Warning w = repeat.get(0);
    assertThat(w.detail())
        .isEqualTo("重复信访：同一信访人12个月内再次信访（前次信访事项见案卷“相似及重复信访”）")
        .doesNotContain("拖欠工资")
        // never the earlier case: it may be an accusation that only 纪检监察 reads
        .doesNotContain(first.caseNumber());
    assertThat(w.dedupKey()).isEqualTo("REPEAT:" + again.caseNumber());
    assertThat(w.unit()).isEqualTo(PetitionProcess.Group.BUREAU);
    assertThat(w.district()).isEqualTo("BAOAN");
    assertThat(w.acknowledgedAt()).isNull();
    // the triage form shows it
    assertThat(caseWarnings(again)).isEqualTo(w.detail());

    // the 预警提示函: to the bureau, in the case file, never to the petitioner
    List<Notice> letters = letters(again);
    assertThat(letters).hasSize(1);
    Notice letter = letters.get(0);
    assertThat(letter.internal()).isTrue();
    assertThat(letter.title()).isEqualTo("信访工作预警提示函（重复信访预警）");
    assertThat(letter.body())
        .startsWith("市信访局：信访事项（编号 " + again.caseNumber())
        .contains("经预警发现：重复信访：")
        .doesNotContain(first.caseNumber());
    assertThat(
            jdbc.sql("select id from notice where petition_id = ? and type = ?")
                .params(again.id(), Warnings.LETTER)
                .query(Long.class)
                .single())
        .isEqualTo(w.noticeId());
    assertThat(audit.ofCase(again.caseNumber()))
        .anySatisfy(e -> assertThat(e.detail()).contains("warning " + w.id() + " raised (REPEAT"));
    JsonNode view =
        StaffRest.json(
            staff.exchange(null, HttpMethod.GET, "/api/petitions/" + again.queryCode(), null));
    assertThat(view.toString())
        .doesNotContain("提示函")
        .doesNotContain("重复信访")
        .doesNotContain(Warnings.LETTER);

    // the scan raises nothing of it again
    scan.run();
    assertThat(of(again, Warning.Type.REPEAT)).hasSize(1);
  }

  @Test
  void fivePersonsRaiseGroup() {
    clock.pin("2026-11-20T10:00");
    PetitionRecord four =
        register(newPetitioner(), 4, "BAOAN", "LAND", "征地补偿" + PHONES.get(), null);
    PetitionRecord five =
        register(newPetitioner(), 5, "BAOAN", "LAND", "征地补偿" + PHONES.get(), null);

    assertThat(of(four, Warning.Type.GROUP)).isEmpty();
    List<Warning> group = of(five, Warning.Type.GROUP);
    assertThat(group).hasSize(1);
    assertThat(group.get(0).detail()).isEqualTo("群体性信访：本件信访人数 5 人（5人以上）");
    assertThat(group.get(0).noticeId()).isNotNull();
    assertThat((String) caseWarnings(five)).contains("群体性信访：本件信访人数 5 人");
  }

  @Test
  void fivePetitionsOnOneMatterWithinSevenDaysRaiseGroupOnce() {
    clock.pin("2026-11-20T10:00");
    String title = "某小区违建占道" + PHONES.incrementAndGet();
    PetitionRecord older =
        register(newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", title, "2026-11-10");
    List<PetitionRecord> four =
        List.of(
            register(newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", title, "2026-11-14"),
            // spaces and punctuation do not make another matter
            register(
                newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", " " + title + "！", "2026-11-16"),
            register(newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", title, "2026-11-18"),
            // another district is another matter
            register(newPetitioner(), 1, "LONGGANG", "URBAN_MANAGEMENT", title, "2026-11-19"));
    PetitionRecord fourth =
        register(newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", title, "2026-11-19");
    assertThat(four).allSatisfy(c -> assertThat(of(c, Warning.Type.GROUP)).isEmpty());
    assertThat(of(older, Warning.Type.GROUP)).isEmpty();
    // 11-10 is more than 7 days before 11-19: four of the matter within 7 days
    assertThat(of(fourth, Warning.Type.GROUP)).isEmpty();
    assertThat(caseWarnings(fourth)).isNull();

    PetitionRecord fifth =
        register(newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", title, "2026-11-20");
    List<Warning> group = of(fifth, Warning.Type.GROUP);
    assertThat(group).hasSize(1);
    assertThat(group.get(0).detail())
        .isEqualTo("群体性信访：7日内宝安区“城市管理”类同一事项（标题相同）已收到 5 件信访")
        .doesNotContain(title);
    assertThat(group.get(0).dedupKey()).startsWith("GROUP:MATTER:").endsWith(":2026-11-20");

    // the sixth, the next day: the triage form shows it, no second warning within 7 days
    clock.pin("2026-11-21T10:00");
    PetitionRecord sixth =
        register(newPetitioner(), 1, "BAOAN", "URBAN_MANAGEMENT", title, "2026-11-21");
    assertThat(of(sixth, Warning.Type.GROUP)).isEmpty();
    assertThat((String) caseWarnings(sixth)).contains("已收到 6 件信访");
  }

  @Test
  void aSurgeRaisesSurgeOnceAndNoSurgeRaisesNothing() {
    clock.pin("2026-12-20T10:00");
    // Longgang health: 5 in the last 7 days, 10 in the 4 weeks before (2.5 a week): exactly twice
    for (int d = 1; d <= 5; d++) {
      register("LONGGANG", "HEALTH", LocalDate.of(2026, 12, 14 + d).toString());
    }
    for (int d = 0; d < 10; d++) {
      register("LONGGANG", "HEALTH", LocalDate.of(2026, 11, 16).plusDays(2 * d).toString());
    }
    // Bao'an health: 4 in the last 7 days and none before: fewer than 5
    for (int d = 1; d <= 4; d++) {
      register("BAOAN", "HEALTH", LocalDate.of(2026, 12, 14 + d).toString());
    }
    // Longgang education: 6 in the last 7 days, 16 before (4 a week): less than twice
    for (int d = 1; d <= 6; d++) {
      register("LONGGANG", "EDUCATION", LocalDate.of(2026, 12, 13 + d).toString());
    }
    for (int d = 0; d < 16; d++) {
      register("LONGGANG", "EDUCATION", LocalDate.of(2026, 11, 16).plusDays(d).toString());
    }

    scan.run();
    scan.run();

    List<Warning> surge = surges("LONGGANG", "HEALTH");
    assertThat(surge).hasSize(1);
    Warning w = surge.get(0);
    assertThat(w.caseNumber()).isNull();
    assertThat(w.detail()).isEqualTo("信访量激增：龙岗区“卫生健康”类近7日收到 5 件，前4周周均 2.5 件（达到周均2倍且不少于5件）");
    assertThat(w.dedupKey()).isEqualTo("SURGE:LONGGANG|HEALTH:2026-12-20");
    // no case: no letter; the district's general office is the unit concerned
    assertThat(w.noticeId()).isNull();
    assertThat(w.unit()).isEqualTo("office-longgang");
    assertThat(surges("BAOAN", "HEALTH")).isEmpty();
    assertThat(surges("LONGGANG", "EDUCATION")).isEmpty();

    // the next day it is still a surge: one warning a day
    clock.pin("2026-12-21T09:00");
    scan.run();
    assertThat(surges("LONGGANG", "HEALTH")).hasSize(2);
  }

  @Test
  void anOverdueTaskRaisesOverdueOnceHoweverOftenTheScanRuns() {
    // received 25 days before Fri 2026-11-20: triage was due Tue 2026-11-10
    clock.pin("2026-11-20T10:00");
    PetitionRecord late = register("BAOAN", "ENVIRONMENT", "2026-10-26");

    scan.run();
    scan.run();
    watch.run();
    scan.run();

    List<Warning> overdue = of(late, Warning.Type.OVERDUE);
    assertThat(overdue).hasSize(1);
    Warning w = overdue.get(0);
    assertThat(w.detail()).isEqualTo("逾期办理：“信访事项分流”环节（市信访局）应于2026年11月10日前办结，已超过期限");
    assertThat(w.unit()).isEqualTo(PetitionProcess.Group.BUREAU);
    assertThat(w.dedupKey()).startsWith("OVERDUE:");
    assertThat(letters(late)).hasSize(1);
    assertThat(letters(late).get(0).title()).contains("逾期办理预警");
    assertThat(letters(late).get(0).body()).contains("逾期办理：“信访事项分流”环节");
  }

  @Test
  void theLeadersReadAndAcknowledgeAWarningOnceAndAClerkNeither() {
    clock.pin("2026-11-20T10:00");
    PetitionRecord c =
        register(newPetitioner(), 8, "BAOAN", "ENVIRONMENT", "排污扰民" + PHONES.get(), null);
    Warning w = of(c, Warning.Type.GROUP).get(0);

    JsonNode open = staff.get("leader1", "/api/warnings?type=GROUP&limit=500");
    JsonNode shown = find(open, w.id());
    assertThat(shown).isNotNull();
    assertThat(shown.path("type").asText()).isEqualTo("GROUP");
    assertThat(shown.path("caseNumber").asText()).isEqualTo(c.caseNumber());
    assertThat(shown.path("district").asText()).isEqualTo("BAOAN");
    assertThat(shown.path("category").asText()).isEqualTo("ENVIRONMENT");
    assertThat(shown.path("raisedAt").asText()).endsWith("+08:00");
    assertThat(shown.path("detail").asText()).isEqualTo("群体性信访：本件信访人数 8 人（5人以上）");
    assertThat(shown.path("unitName").asText()).isEqualTo("市信访局");
    assertThat(shown.has("acknowledgedAt")).isFalse();
    assertThat(find(staff.get("supervisor1", "/api/warnings?limit=500"), w.id())).isNotNull();
    assertThat(find(staff.get("demo", "/api/warnings?limit=500"), w.id())).isNotNull();

    // the case file lists it for the readers of the case
    JsonNode file = staff.get("clerk1", "/api/staff/cases/" + c.caseNumber());
    assertThat(file.path("warnings").findValuesAsText("type")).contains("GROUP");
    assertThat(file.path("notices").findValuesAsText("type")).contains(Warnings.LETTER);

    // a clerk neither reads nor acknowledges warnings
    ResponseEntity<String> clerk = staff.exchange("clerk1", HttpMethod.GET, "/api/warnings", null);
    assertThat(clerk.getStatusCode().value()).isEqualTo(403);
    assertThat(StaffRest.json(clerk).path("error").asText()).contains("仅限");
    String ack = "/api/warnings/" + w.id() + "/acknowledgement";
    assertThat(staff.status("clerk1", HttpMethod.POST, ack, Map.of("comment", "已阅")))
        .isEqualTo(403);
    assertThat(staff.status(null, HttpMethod.GET, "/api/warnings", null)).isEqualTo(401);

    // a comment is required
    ResponseEntity<String> blank =
        staff.exchange("leader1", HttpMethod.POST, ack, Map.of("comment", " "));
    assertThat(blank.getStatusCode().value()).isEqualTo(400);
    assertThat(StaffRest.json(blank).path("field").asText()).isEqualTo("comment");

    ResponseEntity<String> done =
        staff.exchange("leader1", HttpMethod.POST, ack, Map.of("comment", "已部署属地稳控化解"));
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
    assertThat(StaffRest.json(done).path("acknowledgedBy").asText()).isEqualTo("leader1");
    ResponseEntity<String> twice =
        staff.exchange("supervisor1", HttpMethod.POST, ack, Map.of("comment", "再次确认"));
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat(StaffRest.json(twice).path("error").asText()).contains("由 leader1 确认", "不能重复确认");
    assertThat(warnings.byId(w.id()).orElseThrow().acknowledgement()).isEqualTo("已部署属地稳控化解");
    assertThat(audit.ofCase(c.caseNumber()))
        .anySatisfy(
            e -> {
              assertThat(e.actor()).isEqualTo("leader1");
              assertThat(e.detail()).contains("acknowledged: 已部署属地稳控化解");
            });

    // open by default, all on request
    assertThat(find(staff.get("leader1", "/api/warnings?limit=500"), w.id())).isNull();
    JsonNode all =
        find(staff.get("leader1", "/api/warnings?status=all&type=GROUP&limit=500"), w.id());
    assertThat(all.path("acknowledgedBy").asText()).isEqualTo("leader1");

    // forged and unknown ids, bad parameters
    assertThat(
            staff.status(
                "leader1",
                HttpMethod.POST,
                "/api/warnings/99999999/acknowledgement",
                Map.of("comment", "x")))
        .isEqualTo(404);
    assertThat(
            staff.status(
                "leader1",
                HttpMethod.POST,
                "/api/warnings/abc/acknowledgement",
                Map.of("comment", "x")))
        .isEqualTo(404);
    assertThat(staff.status("leader1", HttpMethod.GET, "/api/warnings?status=closed", null))
        .isEqualTo(400);
    assertThat(staff.status("leader1", HttpMethod.GET, "/api/warnings?limit=100000", null))
        .isEqualTo(400);
    assertThat(staff.status("leader1", HttpMethod.GET, "/api/warnings?type=OTHER", null))
        .isEqualTo(400);
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode w : list) {
      if (w.path("id").asLong() == id) {
        return w;
      }
    }
    return null;
  }
}
