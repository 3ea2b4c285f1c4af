package cn.xinfang.casestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The case store's audit trail (table case_audit, V4__audit_trail.sql). Changes are written in the
 * caller's transaction, so an entry exists exactly when its change committed; reads by staff are
 * written on their own. The actor ({@link Actor}, given by the application) is the Camunda user the
 * request authenticated as (Tasklist, /engine-rest, the staff API), {@value #PETITIONER} for the
 * public API and {@value #SYSTEM} for timers and jobs.
 */
@Repository
public class AuditTrail {

  public static final String PETITIONER = "petitioner";
  public static final String SYSTEM = "system";

  /** What an entry records. */
  public enum Action {
    /** a staff read of the case, with or without the personal data */
    VIEW,
    /** a staff read that was refused: the case is not the user's */
    VIEW_REFUSED,
    /** an administrator read this audit trail */
    AUDIT_VIEW,
    REGISTER,
    /** a column of the case row: status, route, category, handling unit, deadline */
    UPDATE,
    MILESTONE,
    NOTICE,
    OPINION,
    EVALUATION,
    APPEAL_REQUEST,
    /** an opinion's delivery to an offline petitioner recorded */
    DELIVERY,
    /** a registration receipt printed */
    RECEIPT,
    HEARING,
    /** the approval chain of a draft reply: its levels, and each level's decision (三审) */
    APPROVAL,
    /** an attachment added (scan, photo): by whom, its type, size and SHA-256 */
    ATTACHMENT,
    /** an attachment downloaded by staff */
    ATTACHMENT_DOWNLOAD,
    /** an attachment upload or download refused (limits, type, not the user's to add or read) */
    ATTACHMENT_REFUSED,
    /** 网上督: a supervision opened, decided, answered, escalated or withdrawn; a reminder */
    SUPERVISION,
    /** 预警: a warning of the case raised or acknowledged */
    WARNING
  }

  private static final int DETAIL_LENGTH = 1000;
  private static final String FIRST_ROWS = "fetch first 1000 rows only";

  private final JdbcClient jdbc;
  private final Actor actor;
  private final Clock clock;

  public AuditTrail(JdbcClient jdbc, Actor actor, Clock clock) {
    this.jdbc = jdbc;
    this.actor = actor;
    this.clock = clock;
  }

  /** Records a view or change of the case of that number (which need not exist: refused reads). */
  public void record(String caseNumber, Action action, String detail) {
    jdbc.sql(
            """
            insert into case_audit (petition_id, case_number, occurred_at, actor, action, detail)
            values ((select id from petition where case_number = ?), ?, ?, ?, ?, ?)
            """)
        .params(
            caseNumber,
            caseNumber,
            OffsetDateTime.now(clock),
            actor(),
            action.name(),
            truncate(detail))
        .update();
  }

  /** {@link #record(String, Action, String)} for a case known by its row id. */
  public void record(long petitionId, Action action, String detail) {
    insert("petition p where p.id = ?", petitionId, action, detail);
  }

  /** {@link #record(String, Action, String)} for the case of that opinion. */
  void recordForOpinion(long opinionId, Action action, String detail) {
    insert(
        "opinion o join petition p on p.id = o.petition_id where o.id = ?",
        opinionId,
        action,
        detail);
  }

  /** {@link #record(String, Action, String)} for the case of that notice. */
  void recordForNotice(long noticeId, Action action, String detail) {
    insert(
        "notice n join petition p on p.id = n.petition_id where n.id = ?",
        noticeId,
        action,
        detail);
  }

  private void insert(String caseSource, long key, Action action, String detail) {
    jdbc.sql(
            "insert into case_audit (petition_id, case_number, occurred_at, actor, action, detail) "
                + "select p.id, p.case_number, ?, ?, ?, ? from "
                + caseSource)
        .params(OffsetDateTime.now(clock), actor(), action.name(), truncate(detail), key)
        .update();
  }

  /** The case's entries, oldest first (at most 1000). */
  public List<AuditEntry> ofCase(String caseNumber) {
    return jdbc.sql(
            "select * from case_audit where case_number = ? order by occurred_at, id " + FIRST_ROWS)
        .param(caseNumber)
        .query(AuditTrail::entry)
        .list();
  }

  /** What that user viewed or changed, latest first (at most 1000 entries). */
  public List<AuditEntry> ofActor(String actor) {
    return jdbc.sql(
            "select * from case_audit where actor = ? order by occurred_at desc, id desc "
                + FIRST_ROWS)
        .param(actor)
        .query(AuditTrail::entry)
        .list();
  }

  private String actor() {
    return actor.current();
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= DETAIL_LENGTH
        ? detail
        : detail.substring(0, DETAIL_LENGTH - 1) + "…";
  }

  private static AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
    return new AuditEntry(
        rs.getString("case_number"),
        rs.getObject("occurred_at", OffsetDateTime.class),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("detail"));
  }
}
