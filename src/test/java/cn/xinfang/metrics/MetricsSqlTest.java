package cn.xinfang.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.Route;
import cn.xinfang.casestore.Satisfaction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the metrics on its own, on a fresh H2 database with the real migrations: the facts'
 * write-once rules, the boundaries of "in time" and "overdue", merges, and the V11 backfill of the
 * cases registered before the metrics (docs/metrics.md). MetricsIT drives the same through the
 * process; this test pins the edges the process cannot reach cheaply.
 */
class MetricsSqlTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-04-08T10:00:00+08:00");

  private DataSource dataSource;
  private JdbcClient jdbc;
  private CaseMetricStore store;
  private MetricsQuery query;
  private long ids;

  /** A fresh, empty database: H2 here, PostgreSQL in {@link MetricsSqlPostgresIT}. */
  DataSource database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  @BeforeEach
  void freshDatabase() {
    dataSource = database();
    jdbc = JdbcClient.create(dataSource);
    store = new CaseMetricStore(jdbc);
    query = new MetricsQuery(jdbc);
  }

  private void migrate(String target) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  /** A petition row and its petitioner, as the case store writes them; answers its id. */
  private long petition(String caseNumber, OffsetDateTime receivedAt, String phone, String route) {
    jdbc.sql(
            """
            insert into petition (case_number, query_code, channel, received_at, registered_at,
              person_count, group_petition, district, category, title, content, status, route,
              handling_unit, updated_at)
            values (?, ?, 'ONLINE', ?, ?, 1, false, 'FUTIAN', 'HOUSING', '标题', '内容', 'REGISTERED', ?,
              null, ?)
            """)
        .params(caseNumber, "Q" + caseNumber, receivedAt, receivedAt, route, receivedAt)
        .update();
    long id =
        jdbc.sql("select id from petition where case_number = ?")
            .param(caseNumber)
            .query(Long.class)
            .single();
    jdbc.sql(
            """
            insert into petitioner (petition_id, position, name, id_number, phone, address, representative)
            values (?, 0, '李四', null, ?, '地址', false)
            """)
        .params(id, phone)
        .update();
    return id;
  }

  /** A petition registered live, triage due 15 days later. */
  private String registered(OffsetDateTime receivedAt, String phone) {
    String number = "XF2026-" + String.format("%08d", ++ids);
    long id = petition(number, receivedAt, phone, null);
    store.registered(
        new PetitionRecord(
            id,
            number,
            "Q" + number,
            null,
            Channel.ONLINE,
            receivedAt,
            receivedAt,
            1,
            false,
            "FUTIAN",
            "HOUSING",
            "标题",
            "内容",
            PetitionStatus.REGISTERED,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null),
        new Person("李四", null, phone, "地址", false),
        receivedAt.plusDays(15));
    return number;
  }

  /** The case's facts by column name, in any case (H2 answers upper case, PostgreSQL lower). */
  private Map<String, Object> row(String caseNumber) {
    Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    row.putAll(
        jdbc.sql("select * from case_metric where case_number = ?")
            .param(caseNumber)
            .query()
            .singleRow());
    return row;
  }

  private MetricsQuery.Counts city(OffsetDateTime now) {
    List<MetricsQuery.Counts> rows =
        query.counts(Dimension.CITY, T.minusDays(30), T.plusDays(60), now);
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void aDeadlineMetToTheSecondIsMetAndOneEndingNowIsNotYetMissed() {
    migrate("latest");
    String inTime = registered(T, "13900000001");
    String open = registered(T, "13900000002");
    OffsetDateTime due = T.plusDays(15);
    store.triaged(inTime, Route.PETITION, "HOUSING", due);

    MetricsQuery.Counts atTheDeadline = city(due);
    assertThat(atTheDeadline.triagedOnTime()).isEqualTo(1);
    assertThat(atTheDeadline.triagedLate()).isZero();
    assertThat(atTheDeadline.triageOverdue()).isZero();
    assertThat(city(due.plusSeconds(1)).triageOverdue()).isEqualTo(1);
    assertThat(row(open).get("TRIAGED_AT")).isNull();
  }

  @Test
  void onlyTheFirstTriageCountsAndARouteThatEndsTheCaseClosesIt() {
    migrate("latest");
    String c = registered(T, "13900000003");
    store.triaged(c, Route.PETITION, "HOUSING", T.plusDays(1));
    store.triaged(c, Route.DISCIPLINE, "LAND", T.plusDays(20));
    Map<String, Object> r = row(c);
    assertThat(r.get("CATEGORY")).isEqualTo("LAND");
    assertThat(city(T.plusDays(25)).triagedOnTime()).isEqualTo(1);
    assertThat(r.get("CLOSED_AT")).isNotNull();

    String answered = registered(T, "13900000004");
    store.triaged(answered, Route.SUGGESTION, null, T.plusDays(1));
    assertThat(row(answered).get("CLOSED_AT")).isNull();
  }

  @Test
  void anAgreedObjectionClearsTheUnitAndTheNextTransferStartsAfresh() {
    migrate("latest");
    String c = registered(T, "13900000005");
    store.transferred(c, "unit-housing", T.plusDays(16));
    store.objectionAgreed(c);
    assertThat(row(c).get("UNIT")).isNull();
    assertThat(row(c).get("ACCEPTANCE_DUE")).isNull();
    // meanwhile the case is the bureau's, and no unit is late with it
    assertThat(query.counts(Dimension.UNIT, T.minusDays(1), T.plusDays(1), T.plusDays(40)))
        .extracting(MetricsQuery.Counts::key, MetricsQuery.Counts::acceptanceOverdue)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("bureau", 0L));

    store.transferred(c, "unit-planning", T.plusDays(30));
    store.accepted(c, T.plusDays(25), T.plusDays(85));
    MetricsQuery.Counts now = city(T.plusDays(40));
    assertThat(now.acceptedOnTime()).isEqualTo(1);
    assertThat(row(c).get("UNIT")).isEqualTo("unit-planning");
  }

  @Test
  void aRedoneCaseKeepsTheFactsOfItsFirstRound() {
    migrate("latest");
    String c = registered(T, "13900000006");
    store.transferred(c, "unit-housing", T.plusDays(16));
    store.accepted(c, T.plusDays(2), T.plusDays(62));
    store.handlingDeadlineMoved(c, T.plusDays(92));
    store.concluded(c, T.plusDays(80));
    // 撤销重办: a new round, a new deadline, a new reply: none of it is the first round
    store.accepted(c, T.plusDays(120), T.plusDays(180));
    store.handlingDeadlineMoved(c, T.plusDays(100));
    store.concluded(c, T.plusDays(200));

    Map<String, Object> r = row(c);
    assertThat(r.get("ACCEPTED_AT")).isNotNull();
    MetricsQuery.Counts counts = city(T.plusDays(300));
    assertThat(counts.concludedOnTime()).as("80 days, extended to 92").isEqualTo(1);
    assertThat(counts.concludedLate()).isZero();
    assertThat(counts.acceptedOnTime()).isEqualTo(1);
  }

  @Test
  void onlyARatingOfTheFirstHandlingOpinionCounts() {
    migrate("latest");
    String c = registered(T, "13900000007");
    long petitionId =
        jdbc.sql("select id from petition where case_number = ?")
            .param(c)
            .query(Long.class)
            .single();
    long first = opinion(petitionId, "HANDLING");
    long review = opinion(petitionId, "REVIEW");
    long second = opinion(petitionId, "HANDLING");
    store.evaluationOpened(c, T.plusDays(30));
    store.evaluationOpened(c, T.plusDays(90));
    store.evaluated(first, Satisfaction.NOT_EVALUATED, T.plusDays(31));
    store.evaluated(review, Satisfaction.SATISFIED, T.plusDays(40));
    store.evaluated(second, Satisfaction.SATISFIED, T.plusDays(80));
    MetricsQuery.Counts unanswered = city(T.plusDays(100));
    assertThat(unanswered.evaluated()).isZero();
    assertThat(unanswered.evaluationExpired()).as("the first window, 30 days").isEqualTo(1);

    jdbc.sql("update case_metric set evaluation_due = null where case_number = ?")
        .param(c)
        .update();
    store.evaluationOpened(c, T.plusDays(30));
    store.evaluated(first, Satisfaction.BASICALLY_SATISFIED, T.plusDays(3));
    store.evaluated(first, Satisfaction.DISSATISFIED, T.plusDays(4));
    MetricsQuery.Counts rated = city(T.plusDays(100));
    assertThat(rated.evaluated()).isEqualTo(1);
    assertThat(rated.satisfied()).isEqualTo(1);
    assertThat(row(c).get("SATISFACTION")).isEqualTo("BASICALLY_SATISFIED");
  }

  private long opinion(long petitionId, String kind) {
    jdbc.sql(
            """
            insert into opinion (petition_id, kind, outcome, opinion_text, issuer, issuer_name,
              delivered_at, published)
            values (?, ?, 'SUPPORTED', '意见', 'unit-housing', '市住房和建设局', ?, false)
            """)
        .params(petitionId, kind, T)
        .update();
    return jdbc.sql("select max(id) from opinion").query(Long.class).single();
  }

  @Test
  void aMergedPetitionCountsOnceAndNoLongerMakesItsPredecessorRepeated() {
    migrate("latest");
    String first = registered(T, "13900000008");
    String again = registered(T.plusDays(3), "139-0000 0008");
    assertThat(row(again).get("REPEAT_OF")).isEqualTo(first);
    assertThat(row(first).get("REPEATED")).isEqualTo(true);
    store.concluded(first, T.plusDays(5));
    assertThat(city(T.plusDays(6)).repeatPetitions()).isEqualTo(1);
    assertThat(city(T.plusDays(6)).resolvedFirstTime()).isZero();

    long againId = ((Number) row(again).get("PETITION_ID")).longValue();
    store.recordMerge(againId, first);
    MetricsQuery.Counts merged = city(T.plusDays(6));
    assertThat(merged.registered()).isEqualTo(1);
    assertThat(merged.repeatPetitions()).isZero();
    assertThat(merged.initialClosed()).isEqualTo(1);
    assertThat(merged.resolvedFirstTime()).isEqualTo(1);
    // a later petition of the same person repeats the case that stayed, not the merged one
    assertThat(row(registered(T.plusDays(9), "13900000008")).get("REPEAT_OF")).isEqualTo(first);
  }

  @Test
  void anEmptyCohortHasItsCityRowAndNoOtherRows() {
    migrate("latest");
    MetricsQuery.Counts empty = city(T);
    assertThat(empty.key()).isEqualTo("city");
    assertThat(empty.registered()).isZero();
    assertThat(empty.triageOverdue()).isZero();
    assertThat(MetricsReport.Row.of(empty, "全市").timelyTriageRate()).isNull();
    for (Dimension by : List.of(Dimension.UNIT, Dimension.DISTRICT, Dimension.MONTH)) {
      assertThat(query.counts(by, T, T.plusDays(1), T)).as(by.name()).isEmpty();
    }
  }

  @Test
  void theMigrationFillsInTheCasesRegisteredBeforeTheMetrics() {
    migrate("10");
    // a case replied in time and rated, then asked for review
    long replied = petition("XF2026-00000101", T, "13900000101", "PETITION");
    jdbc.sql("update petition set handling_unit = 'unit-housing', handling_due = ? where id = ?")
        .params(T.plusDays(120), replied)
        .update();
    milestone(replied, "TRIAGED", T.plusDays(2));
    milestone(replied, "TRANSFERRED", T.plusDays(2));
    milestone(replied, "ACCEPTANCE_NOTICE", T.plusDays(20));
    long opinionId = opinion(replied, "HANDLING");
    jdbc.sql(
            "update opinion set delivered_at = ?, handling_due = ?, evaluation_due = ? where id = ?")
        .params(T.plusDays(50), T.plusDays(80), T.plusDays(80), opinionId)
        .update();
    jdbc.sql("insert into evaluation (opinion_id, result, recorded_at) values (?, 'SATISFIED', ?)")
        .params(opinionId, T.plusDays(51))
        .update();
    jdbc.sql(
            """
            insert into appeal_request (opinion_id, kind, reason, requested_at)
            values (?, 'HANDLING', '请求复查', ?)
            """)
        .params(opinionId, T.plusDays(52))
        .update();
    // the same petitioner, referred out at triage a month later
    long referred = petition("XF2026-00000102", T.plusDays(30), "139-0000-0101", "REFER_OUT");
    milestone(referred, "TRIAGED", T.plusDays(31));

    migrate("latest");

    Map<String, Object> r = row("XF2026-00000101");
    assertThat(r.get("RECEIVED_MONTH")).isEqualTo("2026-04");
    assertThat(r.get("PETITIONER_KEY")).isEqualTo("NP:李四|13900000101");
    assertThat(r.get("UNIT")).isEqualTo("unit-housing");
    assertThat(r.get("SATISFACTION")).isEqualTo("SATISFIED");
    assertThat(r.get("APPEALED")).isEqualTo(true);
    assertThat(r.get("REPEATED")).isEqualTo(true);
    Map<String, Object> later = row("XF2026-00000102");
    assertThat(later.get("REPEAT_OF")).isEqualTo("XF2026-00000101");
    assertThat(later.get("CLOSED_AT")).isNotNull();
    assertThat(later.get("ACCEPTANCE_DUE")).isNull();

    MetricsQuery.Counts counts = city(T.plusDays(100));
    assertThat(counts.registered()).isEqualTo(2);
    assertThat(counts.triagedOnTime()).isEqualTo(2);
    // acceptance notice on day 20, 18 days after the transfer: late
    assertThat(counts.acceptedLate()).isEqualTo(1);
    // the first opinion's deadline (day 80), not the case's current one (day 120)
    assertThat(counts.concludedOnTime()).isEqualTo(1);
    assertThat(counts.evaluated()).isEqualTo(1);
    assertThat(counts.satisfied()).isEqualTo(1);
    assertThat(counts.repeatPetitions()).isEqualTo(1);
    assertThat(counts.initialClosed()).isEqualTo(1);
    assertThat(counts.resolvedFirstTime()).as("repeated and appealed").isZero();
  }

  private void milestone(long petitionId, String type, OffsetDateTime at) {
    jdbc.sql(
            """
            insert into milestone (petition_id, type, occurred_at, public_visible, description)
            values (?, ?, ?, false, '里程碑')
            """)
        .params(petitionId, type, at)
        .update();
  }
}
