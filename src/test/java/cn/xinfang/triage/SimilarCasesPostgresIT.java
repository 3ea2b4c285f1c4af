package cn.xinfang.triage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.Apps;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 相似及重复信访 and 并单 on PostgreSQL, as production runs them: V14 creates pg_trgm and the GIN trigram
 * index on petition.title, and titles are compared with similarity() across the whole city (not
 * only the district, as the portable path on H2 does: MergeIT). Over HTTP only: the public API, the
 * staff API and /engine-rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimilarCasesPostgresIT {

  @RegisterExtension static final PostgresDatabase DATABASE = PostgresDatabase.perClass();

  private final Http http = new Http();
  private ConfigurableApplicationContext app;
  private String base;

  @BeforeAll
  void start() {
    Map<String, Object> props = new HashMap<>(DATABASE.properties());
    props.put("server.port", 0);
    props.put("petition.demo-data", true);
    app = Apps.start(props);
    base = Apps.base(app);
  }

  @AfterAll
  void stop() {
    if (app != null) {
      app.close();
    }
  }

  record Case(String number, String queryCode) {}

  Case register(String name, String phone, String district, String title) throws Exception {
    Map<String, Object> body = Petitions.valid();
    body.put(
        "petitioner",
        new HashMap<>(Map.of("name", name, "phone", phone, "address", "深圳市南山区科技园 8 号")));
    body.put("district", district);
    body.put("title", title);
    body.put("receivedAt", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(2).toString());
    JsonNode created = http.post(base + "/api/petitions", null, body, 201);
    return new Case(created.path("caseNumber").asText(), created.path("queryCode").asText());
  }

  JsonNode triageTask(Case c) throws Exception {
    return http.task(base, PetitionProcess.TASK_TRIAGE, c.number(), "clerk1");
  }

  void triage(Case c, Map<String, Object> decision) throws Exception {
    http.complete(base, triageTask(c), "clerk1", decision);
  }

  JsonNode similar(Case c) throws Exception {
    return http.get(base + "/api/staff/cases/" + c.number() + "/similar", "clerk1");
  }

  static List<String> numbers(JsonNode answer) {
    List<String> numbers = new ArrayList<>();
    answer.path("candidates").forEach(n -> numbers.add(n.path("caseNumber").asText()));
    return numbers;
  }

  @Test
  void theTrigramIndexIsInPlace() throws Exception {
    try (Connection c = DATABASE.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select indexdef from pg_indexes where indexname = 'ix_petition_title_trgm'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).contains("gin").contains("gin_trgm_ops");
    }
  }

  @Test
  void similarTitlesAreFoundCityWideAndSamePetitionerCasesButNoUnrelatedOrConfidentialOne()
      throws Exception {
    // Given an open case on a lift in Nanshan, a case of the same petitioner, an unrelated case and
    // a confidential accusation with a similar title
    Case lift = register("何一", "13911110001", "NANSHAN", "科技园南区小区电梯长期故障无人维修");
    triage(lift, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    Case own = register("曹二", "13911110002", "BAOAN", "宝安区某工地夜间施工噪音扰民");
    Case unrelated = register("严三", "13911110003", "NANSHAN", "某公司拖欠三个月工资");
    Case accusation = register("华四", "13911110004", "NANSHAN", "举报科技园南区小区电梯维修资金被挪用");
    triage(accusation, Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

    // When the same petitioner as "own" petitions in Futian on the same lift
    Case again = register("曹二", "13911110002", "FUTIAN", "科技园南区小区电梯故障长期无人维修");
    JsonNode answer = similar(again);

    // Then pg_trgm compared the titles, across districts
    assertThat(answer.path("titleMatching").asText()).isEqualTo("TRIGRAM");
    assertThat(numbers(answer)).contains(lift.number(), own.number());
    assertThat(answer.toString()).contains("同一信访人");
    JsonNode similarLift = null;
    for (JsonNode n : answer.path("candidates")) {
      if (n.path("caseNumber").asText().equals(lift.number())) {
        similarLift = n;
      }
    }
    assertThat(similarLift).isNotNull();
    assertThat(similarLift.path("reason").asText()).startsWith("标题相似 0.");
    assertThat(similarLift.path("titleSimilarity").asDouble()).isGreaterThanOrEqualTo(0.2);
    // another district's case cannot take a merge
    assertThat(similarLift.path("mergeable").asBoolean()).isFalse();
    // and neither the unrelated case nor the accusation, whose title never shows
    assertThat(numbers(answer)).doesNotContain(unrelated.number(), accusation.number());
    assertThat(answer.toString()).doesNotContain("挪用");
  }

  @Test
  void aMergeOnPostgresClosesTheCaseAndRefusalsChangeNothing() throws Exception {
    Case target = register("韦五", "13911110005", "LUOHU", "东门步行街商铺占道经营");
    triage(target, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    Case petition = register("苏六", "13911110006", "LUOHU", "东门步行街商铺长期占道经营");
    assertThat(numbers(similar(petition))).contains(target.number());

    // a refusal first: the case itself
    JsonNode refused =
        http.post(
            base + "/engine-rest/task/" + triageTask(petition).path("id").asText() + "/complete",
            "clerk1",
            Map.of("variables", Http.variables(Map.of(Var.MERGE_INTO, petition.number()))),
            400);
    assertThat(refused.path("error").asText()).contains("不能将信访事项并入其自身");
    assertThat(refused.path("field").asText()).isEqualTo(Var.MERGE_INTO);
    String view = base + "/api/petitions/" + petition.queryCode();
    assertThat(http.status(view)).isEqualTo("REGISTERED");

    triage(petition, Map.of(Var.MERGE_INTO, target.number()));
    JsonNode merged = http.get(view, null);
    assertThat(merged.path("status").asText()).isEqualTo("CLOSED");
    assertThat(merged.path("milestones").toString())
        .contains("已并入 " + target.number() + " 号信访事项一并办理");
    assertThat(merged.path("notices").findValuesAsText("type")).contains("MERGED_NOTICE");
    try (Connection c = DATABASE.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select m.merged_into, p.merged_into from case_metric m join petition p"
                    + " on p.id = m.petition_id where p.case_number = '"
                    + petition.number()
                    + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(target.number());
      assertThat(rs.getString(2)).isEqualTo(target.number());
    }
  }
}
