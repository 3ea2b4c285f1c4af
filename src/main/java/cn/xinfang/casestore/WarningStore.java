package cn.xinfang.casestore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The early warnings (table warning, V11/V13) and the counts they are raised on. One row per {@code
 * dedup_key}: the unique index decides, between the registration, the scheduled scan of another
 * node and a restart, that a warning is raised once. A raise runs in a savepoint of the caller's
 * transaction, so that losing that race leaves the registration (or the scan) intact, on PostgreSQL
 * too, where a failed statement would otherwise doom the whole transaction.
 */
@Repository
public class WarningStore {

  /** The longest list {@link #list} answers. */
  public static final int MAX_LIMIT = 500;

  private static final Pattern NOT_MATTER = Pattern.compile("[\\s\\p{P}\\p{S}]+");

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final TransactionTemplate savepoint;

  public WarningStore(
      JdbcClient jdbc, AuditTrail audit, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Raises a warning; answers its id, or empty when one of the same dedup key exists (raised
   * before, or just now by another node). A warning of a case leaves a line in its audit trail.
   */
  public Optional<Long> raise(Warning.Raising w) {
    if (exists(w.dedupKey())) {
      return Optional.empty();
    }
    try {
      long id =
          savepoint.execute(
              tx -> {
                KeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql(
                        """
                        insert into warning (type, dedup_key, petition_id, case_number, district,
                          category, unit, raised_at, detail)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                    .params(
                        w.type().name(),
                        w.dedupKey(),
                        w.petitionId(),
                        w.caseNumber(),
                        w.district(),
                        w.category(),
                        w.unit(),
                        OffsetDateTime.now(clock),
                        truncate(w.detail()))
                    .update(keys, "id");
                return keys.getKey().longValue();
              });
      if (w.petitionId() != null) {
        audit.record(
            w.petitionId(),
            AuditTrail.Action.WARNING,
            "warning " + id + " raised (" + w.type() + ", " + w.dedupKey() + ")");
      }
      return Optional.of(id);
    } catch (DuplicateKeyException e) {
      return Optional.empty();
    }
  }

  public boolean exists(String dedupKey) {
    return jdbc.sql("select count(*) from warning where dedup_key = ?")
            .param(dedupKey)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether any of these dedup keys was raised (an index lookup each). */
  public boolean anyExists(List<String> dedupKeys) {
    return jdbc.sql("select count(*) from warning where dedup_key in (:keys)")
            .param("keys", dedupKeys)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The 预警提示函 the warning's unit received. */
  public void linkNotice(long id, long noticeId) {
    jdbc.sql("update warning set notice_id = ? where id = ?").params(noticeId, id).update();
  }

  /**
   * Acknowledges an open warning; false when it was acknowledged before (or does not exist). A
   * warning of a case leaves a line in its audit trail.
   */
  public boolean acknowledge(Warning w, String user, String comment) {
    boolean done =
        jdbc.sql(
                    """
                    update warning set acknowledged_at = ?, acknowledged_by = ?, acknowledgement = ?
                    where id = ? and acknowledged_at is null
                    """)
                .params(OffsetDateTime.now(clock), user, truncate(comment), w.id())
                .update()
            == 1;
    if (done && w.petitionId() != null) {
      audit.record(
          w.petitionId(),
          AuditTrail.Action.WARNING,
          "warning " + w.id() + " (" + w.type() + ") acknowledged: " + comment);
    }
    return done;
  }

  public Optional<Warning> byId(long id) {
    return jdbc.sql(SELECT + " where w.id = ?").param(id).query(WarningStore::row).optional();
  }

  /**
   * Warnings newest first: the open ones only ({@code openOnly}), of one type or all ({@code type}
   * null), from {@code offset}, at most {@code limit} ({@value #MAX_LIMIT} at most).
   */
  public List<Warning> list(boolean openOnly, Warning.Type type, int limit, int offset) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where 1 = 1");
    if (openOnly) {
      sql.append(" and w.acknowledged_at is null");
    }
    if (type != null) {
      sql.append(" and w.type = :type");
    }
    sql.append(
        " order by w.raised_at desc, w.id desc offset :offset rows fetch next :limit rows only");
    var spec =
        jdbc.sql(sql.toString())
            .param("offset", Math.max(0, offset))
            .param("limit", Math.max(1, Math.min(MAX_LIMIT, limit)));
    if (type != null) {
      spec = spec.param("type", type.name());
    }
    return spec.query(WarningStore::row).list();
  }

  /** The warnings of a case, oldest first. */
  public List<Warning> ofCase(long petitionId) {
    return jdbc.sql(SELECT + " where w.petition_id = ? order by w.raised_at, w.id")
        .param(petitionId)
        .query(WarningStore::row)
        .list();
  }

  // --- the facts warnings are raised on

  /**
   * The earlier petition this one repeats, as the registration recorded it in case_metric
   * (CaseMetricStore: the one detection of a repeat), with the day it was received (from the case
   * row, by its unique case number).
   */
  public Optional<Earlier> repeatOf(long petitionId) {
    return jdbc.sql(
            """
            select m.repeat_of, e.received_at from case_metric m
            join petition e on e.case_number = m.repeat_of
            where m.petition_id = ? and m.repeat_of is not null
            """)
        .param(petitionId)
        .query((rs, n) -> new Earlier(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
        .optional();
  }

  /** An earlier petition: its case number and when it was received. */
  public record Earlier(String caseNumber, OffsetDateTime receivedAt) {}

  /**
   * "One matter" (docs/warnings.md): the district, the category and the title without spaces and
   * punctuation, lower case; at most 300 characters.
   */
  public static String matterKey(String district, String category, String title) {
    String t =
        NOT_MATTER.matcher(title == null ? "" : title).replaceAll("").toLowerCase(Locale.ROOT);
    String key = district + "|" + (category == null ? "-" : category) + "|" + t;
    return key.length() > 300 ? key.substring(0, 300) : key;
  }

  /** A short fixed-length digest of a matter key, for dedup keys. */
  public static String digest(String matterKey) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(matterKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Records the petition's matter (case_metric.matter_key, V13). */
  public void recordMatter(long petitionId, String matterKey) {
    jdbc.sql("update case_metric set matter_key = ? where petition_id = ?")
        .params(matterKey, petitionId)
        .update();
  }

  /**
   * Petitions of the matter received in [since, until], merged ones not counted (并单: the matter
   * counts once).
   */
  public long matterCount(String matterKey, OffsetDateTime since, OffsetDateTime until) {
    return jdbc.sql(
            """
            select count(*) from case_metric
            where matter_key = ? and received_at >= ? and received_at <= ? and merged_into is null
            """)
        .params(matterKey, since, until)
        .query(Long.class)
        .single();
  }

  /** One category × district: petitions received in the last 7 days and in the 4 weeks before. */
  public record Surge(String district, String category, long lastWeek, long fourWeeksBefore) {}

  /**
   * Category × district pairs with at least {@code minimum} petitions received in [weekStart, now)
   * and at least half as many as in the four weeks before weekStart (≥ 2 × the weekly average);
   * merged petitions and those without a category not counted. One range scan of the index on
   * (received_at, district, category).
   */
  public List<Surge> surges(OffsetDateTime now, int minimum) {
    OffsetDateTime weekStart = now.minusDays(7);
    return jdbc
        .sql(
            """
            select district, category,
              sum(case when received_at >= :weekStart then 1 else 0 end) as last_week,
              sum(case when received_at < :weekStart then 1 else 0 end) as earlier
            from case_metric
            where received_at >= :since and received_at < :now and category is not null
              and merged_into is null
            group by district, category
            having sum(case when received_at >= :weekStart then 1 else 0 end) >= :minimum
            """)
        .param("weekStart", weekStart)
        .param("since", weekStart.minusWeeks(4))
        .param("now", now)
        .param("minimum", minimum)
        .query(
            (rs, n) ->
                new Surge(
                    rs.getString("district"),
                    rs.getString("category"),
                    rs.getLong("last_week"),
                    rs.getLong("earlier")))
        .list()
        .stream()
        .filter(s -> 2 * s.lastWeek() >= s.fourWeeksBefore())
        .toList();
  }

  /** A late task as the overdue watch of 网上督 recorded it (table supervision, origin OVERDUE). */
  public record LateTask(
      String taskId,
      long petitionId,
      String caseNumber,
      String district,
      String category,
      String taskName,
      String taskGroups,
      OffsetDateTime taskDue) {}

  /**
   * The late tasks the overdue watch supervised since {@code since} that have no OVERDUE warning
   * yet (dedup key {@code OVERDUE:<task id>}), oldest first, at most {@code limit}.
   */
  public List<LateTask> lateTasksWithoutWarning(OffsetDateTime since, int limit) {
    return jdbc.sql(
            """
            select s.overdue_task_id, p.id, p.case_number, p.district, p.category, s.task_name,
              s.task_groups, s.task_due
            from supervision s join petition p on p.id = s.petition_id
            where s.overdue_task_id is not null and s.opened_at >= ?
              and not exists (select 1 from warning w
                              where w.dedup_key = concat('OVERDUE:', s.overdue_task_id))
            order by s.opened_at, s.id
            fetch first ? rows only
            """)
        .params(since, limit)
        .query(
            (rs, n) ->
                new LateTask(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getObject(8, OffsetDateTime.class)))
        .list();
  }

  private static final String SELECT =
      """
      select w.*, p.route as case_route from warning w left join petition p on p.id = w.petition_id
      """;

  private static Warning row(ResultSet rs, int n) throws SQLException {
    return new Warning(
        rs.getLong("id"),
        rs.getString("type"),
        rs.getString("dedup_key"),
        rs.getObject("petition_id", Long.class),
        rs.getString("case_number"),
        rs.getString("district"),
        rs.getString("category"),
        rs.getString("unit"),
        rs.getObject("raised_at", OffsetDateTime.class),
        rs.getString("detail"),
        rs.getObject("acknowledged_at", OffsetDateTime.class),
        rs.getString("acknowledged_by"),
        rs.getString("acknowledgement"),
        rs.getObject("notice_id", Long.class),
        Route.DISCIPLINE.name().equals(rs.getString("case_route")));
  }

  private static String truncate(String text) {
    return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
  }
}
