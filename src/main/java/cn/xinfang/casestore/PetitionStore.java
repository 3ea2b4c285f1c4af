package cn.xinfang.casestore;

import cn.xinfang.calendar.StatutoryCalendar;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The case store (案件库). Plain SQL through Spring's JdbcClient: the statements are few, portable
 * between H2 and PostgreSQL, and the unique constraints in V1__case_store.sql decide races. Every
 * write joins the caller's transaction, which is also the engine's (Spring transaction
 * integration), so a case row and its process instance commit or roll back together.
 */
@Repository
public class PetitionStore {

  private static final String SELECT_PETITION = "select * from petition ";

  private final JdbcClient jdbc;
  private final CaseNumbers caseNumbers;
  private final QueryCodes queryCodes;
  private final Clock clock;
  private final AuditTrail audit;

  public PetitionStore(
      JdbcClient jdbc,
      CaseNumbers caseNumbers,
      QueryCodes queryCodes,
      Clock clock,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.caseNumbers = caseNumbers;
    this.queryCodes = queryCodes;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Inserts the petition and its people; returns the stored row with its case number and query
   * code.
   */
  public PetitionRecord insert(NewPetition p) {
    OffsetDateTime now = now();
    String caseNumber =
        caseNumbers.next(now.atZoneSameInstant(StatutoryCalendar.ZONE).toLocalDate());
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into petition (case_number, query_code, request_id, channel, received_at, registered_at,
              person_count, group_petition, district, category, title, content, status, registered_by, updated_at)
            values (:caseNumber, :queryCode, :requestId, :channel, :receivedAt, :registeredAt,
              :personCount, :groupPetition, :district, :category, :title, :content, :status, :registeredBy, :registeredAt)
            """)
        .param("caseNumber", caseNumber)
        .param("queryCode", queryCodes.next())
        .param("requestId", p.requestId())
        .param("channel", p.channel().name())
        .param("receivedAt", p.receivedAt().atOffset(ZoneOffset.UTC))
        .param("registeredAt", now)
        .param("personCount", p.personCount())
        .param("groupPetition", p.groupPetition())
        .param("district", p.district())
        .param("category", p.category())
        .param("title", p.title())
        .param("content", p.content())
        .param("status", PetitionStatus.REGISTERED.name())
        .param("registeredBy", p.registeredBy())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    int position = 0;
    for (Person person : p.persons()) {
      jdbc.sql(
              """
              insert into petitioner (petition_id, position, name, id_number, phone, address, representative)
              values (?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              id,
              position++,
              person.name(),
              person.idNumber(),
              person.phone(),
              person.address(),
              person.representative())
          .update();
    }
    audit.record(
        id,
        AuditTrail.Action.REGISTER,
        "channel=" + p.channel().name() + ", persons=" + p.persons().size());
    return findByCaseNumber(caseNumber).orElseThrow();
  }

  public Optional<PetitionRecord> findById(long id) {
    return jdbc.sql(SELECT_PETITION + "where id = ?").param(id).query(this::petition).optional();
  }

  public Optional<PetitionRecord> findByRequestId(String requestId) {
    return jdbc.sql(SELECT_PETITION + "where request_id = ?")
        .param(requestId)
        .query(this::petition)
        .optional();
  }

  public Optional<PetitionRecord> findByQueryCode(String queryCode) {
    return jdbc.sql(SELECT_PETITION + "where query_code = ?")
        .param(queryCode)
        .query(this::petition)
        .optional();
  }

  public Optional<PetitionRecord> findByCaseNumber(String caseNumber) {
    return jdbc.sql(SELECT_PETITION + "where case_number = ?")
        .param(caseNumber)
        .query(this::petition)
        .optional();
  }

  /**
   * The case its process instance owns: the link written by the process's first step is the only
   * way from an instance to its case, never a variable or the business key, which a second process
   * could carry too.
   */
  public Optional<PetitionRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.sql(SELECT_PETITION + "where process_instance_id = ?")
        .param(processInstanceId)
        .query(this::petition)
        .optional();
  }

  public PetitionRecord get(String caseNumber) {
    return findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("case store has no petition " + caseNumber));
  }

  public List<Person> persons(long petitionId) {
    return jdbc.sql("select * from petitioner where petition_id = ? order by position")
        .param(petitionId)
        .query(
            (rs, n) ->
                new Person(
                    rs.getString("name"),
                    rs.getString("id_number"),
                    rs.getString("phone"),
                    rs.getString("address"),
                    rs.getBoolean("representative")))
        .list();
  }

  public List<Milestone> milestones(long petitionId) {
    return jdbc.sql("select * from milestone where petition_id = ? order by occurred_at, id")
        .param(petitionId)
        .query(
            (rs, n) ->
                new Milestone(
                    rs.getString("type"),
                    time(rs, "occurred_at"),
                    rs.getBoolean("public_visible"),
                    rs.getString("description"),
                    rs.getString("internal_note")))
        .list();
  }

  public List<Notice> notices(long petitionId) {
    return jdbc.sql("select * from notice where petition_id = ? order by issued_at, id")
        .param(petitionId)
        .query(
            (rs, n) ->
                new Notice(
                    rs.getString("type"),
                    rs.getString("title"),
                    rs.getString("body"),
                    time(rs, "issued_at"),
                    rs.getBoolean("internal")))
        .list();
  }

  public void addMilestone(
      String caseNumber,
      String type,
      boolean publicVisible,
      String description,
      String internalNote) {
    jdbc.sql(
            """
            insert into milestone (petition_id, type, occurred_at, public_visible, description, internal_note)
            select id, ?, ?, ?, ?, ? from petition where case_number = ?
            """)
        .params(type, now(), publicVisible, description, internalNote, caseNumber)
        .update();
    audit.record(
        caseNumber, AuditTrail.Action.MILESTONE, type + (publicVisible ? " (public)" : ""));
  }

  /** Writes a notice to the case; answers its id. */
  public long addNotice(String caseNumber, String type, String title, String body) {
    return addNotice(caseNumber, type, title, body, false);
  }

  /**
   * Writes a notice to the case; answers its id. An internal one (addressed to staff) stays out of
   * the petitioner's view.
   */
  public long addNotice(
      String caseNumber, String type, String title, String body, boolean internal) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into notice (petition_id, type, title, body, issued_at, internal)
            select id, ?, ?, ?, ?, ? from petition where case_number = ?
            """)
        .params(type, title, body, now(), internal, caseNumber)
        .update(keys, "id");
    audit.record(caseNumber, AuditTrail.Action.NOTICE, type + ": " + title);
    return keys.getKey().longValue();
  }

  /**
   * A notice to announce by SMS: its case, its title, the first petitioner's phone, and whether it
   * was sent.
   */
  /**
   * A notice to announce by SMS: its type, and the case's query code for the one SMS that carries
   * it (the registration's).
   */
  public record SmsNotice(
      long id,
      String caseNumber,
      String type,
      String title,
      String phone,
      String queryCode,
      OffsetDateTime smsSentAt) {}

  public Optional<SmsNotice> smsNotice(long noticeId) {
    return jdbc.sql(
            """
            select n.id, c.case_number, n.type, n.title, p.phone, c.query_code, n.sms_sent_at
            from notice n
            join petition c on c.id = n.petition_id
            join petitioner p on p.petition_id = c.id and p.position = 0
            where n.id = ?
            """)
        .param(noticeId)
        .query(
            (rs, n) ->
                new SmsNotice(
                    rs.getLong("id"),
                    rs.getString("case_number"),
                    rs.getString("type"),
                    rs.getString("title"),
                    rs.getString("phone"),
                    rs.getString("query_code"),
                    time(rs, "sms_sent_at")))
        .optional();
  }

  public void markSmsSent(long noticeId) {
    jdbc.sql("update notice set sms_sent_at = ? where id = ?").params(now(), noticeId).update();
    audit.recordForNotice(noticeId, AuditTrail.Action.NOTICE, "SMS sent for notice " + noticeId);
  }

  public void updateStatus(String caseNumber, PetitionStatus status) {
    update("status = ?", caseNumber, status.name());
  }

  /** A new status; one that ends the case also clears the current deadline. */
  public void moveTo(String caseNumber, PetitionStatus status) {
    updateStatus(caseNumber, status);
    if (status.isFinal()) {
      setDeadline(caseNumber, null, null);
    }
  }

  /**
   * The case by query code, its row locked until the transaction ends: the petitioner's requests
   * (evaluation, review) and the timers that close their windows take this lock first, so they
   * never decide on the same case at once.
   */
  public Optional<PetitionRecord> lockByQueryCode(String queryCode) {
    return jdbc.sql(SELECT_PETITION + "where query_code = ? for update")
        .param(queryCode)
        .query(this::petition)
        .optional();
  }

  /**
   * {@link #get}, with the row locked until the transaction ends (see {@link #lockByQueryCode}).
   */
  public PetitionRecord lock(String caseNumber) {
    return jdbc.sql(SELECT_PETITION + "where case_number = ? for update")
        .param(caseNumber)
        .query(this::petition)
        .optional()
        .orElseThrow(() -> new IllegalStateException("case store has no petition " + caseNumber));
  }

  /**
   * Earlier cases of the same petitioner (same ID number, or same name and phone when no ID number
   * was given) that were concluded by 复核, latest registered first: the same facts and reasons are
   * not accepted again (《信访工作条例》第三十六条).
   */
  /**
   * The cases {@code clerk} registered since {@code since}, newest first, at most {@code limit}.
   */
  public List<PetitionRecord> registeredBy(String clerk, OffsetDateTime since, int limit) {
    return jdbc.sql(
            SELECT_PETITION
                + "where registered_by = ? and registered_at >= ? "
                + "order by registered_at desc, id desc fetch first "
                + limit
                + " rows only")
        .params(clerk, since)
        .query(this::petition)
        .list();
  }

  public List<PetitionRecord> terminatedCasesOf(Person petitioner, String exceptCaseNumber) {
    String match =
        petitioner.idNumber() != null
            ? "p.id_number = :idNumber"
            : "p.id_number is null and p.name = :name and p.phone = :phone";
    return jdbc.sql(
            "select c.* from petition c join petitioner p on p.petition_id = c.id and p.position = 0 "
                + "where "
                + match
                + " and c.status = :status and c.case_number <> :except "
                + "order by c.id desc")
        .param("idNumber", petitioner.idNumber())
        .param("name", petitioner.name())
        .param("phone", petitioner.phone())
        .param("status", PetitionStatus.TERMINATED.name())
        .param("except", exceptCaseNumber)
        .query(this::petition)
        .list();
  }

  public void recordRoute(String caseNumber, Route route) {
    update("route = ?", caseNumber, route == null ? null : route.name());
  }

  /**
   * Links the case to its process instance, once: false when the case does not exist or already
   * belongs to a process (a second process naming the same case number must not act on it).
   */
  public boolean linkProcess(String caseNumber, String processInstanceId) {
    return jdbc.sql(
                "update petition set process_instance_id = ? where case_number = ? and process_instance_id is null")
            .params(processInstanceId, caseNumber)
            .update()
        == 1;
  }

  public void recordCategory(String caseNumber, String category) {
    update("category = ?", caseNumber, category);
  }

  public void recordHandlingUnit(String caseNumber, String unit, String unitName) {
    update("handling_unit = ?, handling_unit_name = ?", caseNumber, unit, unitName);
  }

  /**
   * The handling deadline as decided: at acceptance or a fresh start (not extended), or moved by
   * the one extension (extended).
   */
  /** 交办: the day the assigned unit's report (办结报告) is due. */
  public void recordAssignment(String caseNumber, OffsetDateTime reportDue) {
    update("assignment_due = ?", caseNumber, reportDue);
  }

  public void recordHandlingDeadline(String caseNumber, OffsetDateTime due, boolean extended) {
    update("handling_due = ?, handling_extended = ?", caseNumber, due, extended);
  }

  /** 并单: the open case this petition was merged into at triage. */
  public void recordMerge(String caseNumber, String intoCaseNumber) {
    update("merged_into = ?", caseNumber, intoCaseNumber);
  }

  /** 领导包案: the leader who follows the case and signs its reply last. */
  public void recordLeaderOwner(String caseNumber, String leader) {
    update("leader_owner = ?", caseNumber, leader);
  }

  /** The deadline the petitioner sees as current; null clears it when the case has ended. */
  public void setDeadline(String caseNumber, String name, OffsetDateTime due) {
    update("deadline_name = ?, current_deadline = ?", caseNumber, name, due);
  }

  private void update(String assignments, String caseNumber, Object... values) {
    Object[] params = new Object[values.length + 2];
    System.arraycopy(values, 0, params, 0, values.length);
    params[values.length] = now();
    params[values.length + 1] = caseNumber;
    int rows =
        jdbc.sql("update petition set " + assignments + ", updated_at = ? where case_number = ?")
            .params(params)
            .update();
    if (rows != 1) {
      throw new IllegalStateException("case store has no petition " + caseNumber);
    }
    audit.record(caseNumber, AuditTrail.Action.UPDATE, changes(assignments, values));
  }

  /** "status = ?, route = ?" with (REPLIED, PETITION) as "status=REPLIED, route=PETITION". */
  private static String changes(String assignments, Object... values) {
    String[] columns = assignments.split(",");
    StringBuilder detail = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      detail
          .append(i == 0 ? "" : ", ")
          .append(columns[i].replace("= ?", "").trim())
          .append('=')
          .append(values[i]);
    }
    return detail.toString();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private PetitionRecord petition(ResultSet rs, int rowNum) throws SQLException {
    String route = rs.getString("route");
    return new PetitionRecord(
        rs.getLong("id"),
        rs.getString("case_number"),
        rs.getString("query_code"),
        rs.getString("request_id"),
        Channel.valueOf(rs.getString("channel")),
        time(rs, "received_at"),
        time(rs, "registered_at"),
        rs.getInt("person_count"),
        rs.getBoolean("group_petition"),
        rs.getString("district"),
        rs.getString("category"),
        rs.getString("title"),
        rs.getString("content"),
        PetitionStatus.valueOf(rs.getString("status")),
        route == null ? null : Route.valueOf(route),
        rs.getString("handling_unit"),
        rs.getString("handling_unit_name"),
        time(rs, "current_deadline"),
        rs.getString("deadline_name"),
        rs.getString("process_instance_id"),
        rs.getString("registered_by"),
        time(rs, "handling_due"),
        rs.getBoolean("handling_extended"),
        rs.getString("leader_owner"),
        rs.getString("merged_into"));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
