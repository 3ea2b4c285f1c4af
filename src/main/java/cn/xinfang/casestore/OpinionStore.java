package cn.xinfang.casestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Opinions, evaluations, review requests and hearings (V3__opinions_evaluations_appeals.sql). Like
 * {@link PetitionStore}, every write joins the caller's (and the engine's) transaction, and unique
 * constraints decide races: one evaluation and one appeal per opinion.
 */
@Repository
public class OpinionStore {

  private static final String SELECT_OPINION = "select * from opinion ";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditTrail audit;

  public OpinionStore(JdbcClient jdbc, Clock clock, AuditTrail audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
  }

  /**
   * Stores an issued opinion; returns its id. Its windows open when it is received ({@link
   * #recordDelivery}).
   */
  public long insert(
      long petitionId,
      OpinionKind kind,
      String outcome,
      String text,
      String issuer,
      String issuerName,
      OffsetDateTime issuedAt,
      OffsetDateTime handlingDue,
      String appealLevel,
      boolean published) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into opinion (petition_id, kind, outcome, opinion_text, issuer, issuer_name, delivered_at,
              handling_due, appeal_level, published)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            petitionId,
            kind.name(),
            outcome,
            text,
            issuer,
            issuerName,
            issuedAt,
            handlingDue,
            appealLevel,
            published)
        .update(keys, "id");
    audit.record(
        petitionId, AuditTrail.Action.OPINION, kind.name() + " " + outcome + ", issuer=" + issuer);
    return keys.getKey().longValue();
  }

  /**
   * The petitioner received the opinion: the day, how (null: at its issue, by a model without
   * confirmed deliveries), and the windows counted from it (null when none opens). Only once:
   * answers false when its delivery was already recorded.
   */
  public boolean recordDelivery(
      long opinionId,
      OffsetDateTime receivedAt,
      DeliveryMethod method,
      OffsetDateTime appealDue,
      OffsetDateTime evaluationDue) {
    int updated =
        jdbc.sql(
                """
                update opinion set received_at = ?, delivery_method = ?, appeal_due = ?, evaluation_due = ?
                where id = ? and received_at is null
                """)
            .params(
                receivedAt,
                method == null ? null : method.name(),
                appealDue,
                evaluationDue,
                opinionId)
            .update();
    if (updated == 1) {
      audit.recordForOpinion(
          opinionId,
          AuditTrail.Action.DELIVERY,
          (method == null ? "at issue" : method.name()) + " received " + receivedAt.toLocalDate());
    }
    return updated == 1;
  }

  public Optional<Opinion> byId(long opinionId) {
    return jdbc.sql(SELECT_OPINION + "where id = ?")
        .param(opinionId)
        .query(this::opinion)
        .optional();
  }

  /** The case's opinions in the order they were delivered. */
  public List<Opinion> opinions(long petitionId) {
    return jdbc.sql(SELECT_OPINION + "where petition_id = ? order by id")
        .param(petitionId)
        .query(this::opinion)
        .list();
  }

  /** The newest opinion of that kind: the one the petitioner may still answer. */
  public Optional<Opinion> latest(long petitionId, OpinionKind kind) {
    return jdbc.sql(
            SELECT_OPINION
                + "where petition_id = ? and kind = ? order by id desc fetch first 1 rows only")
        .params(petitionId, kind.name())
        .query(this::opinion)
        .optional();
  }

  public Optional<Evaluation> evaluation(long opinionId) {
    return jdbc.sql("select * from evaluation where opinion_id = ?")
        .param(opinionId)
        .query(
            (rs, n) ->
                new Evaluation(
                    rs.getLong("opinion_id"),
                    Satisfaction.valueOf(rs.getString("result")),
                    rs.getString("comment"),
                    rs.getObject("recorded_at", OffsetDateTime.class),
                    rs.getString("channel"),
                    rs.getString("recorded_by")))
        .optional();
  }

  /**
   * {@code channel}: ONLINE, or how the bureau's follow-up reached the petitioner; {@code
   * recordedBy}: the clerk, null online.
   */
  public void insertEvaluation(
      long opinionId, Satisfaction result, String comment, String channel, String recordedBy) {
    jdbc.sql(
            """
            insert into evaluation (opinion_id, result, comment, recorded_at, channel, recorded_by)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(opinionId, result.name(), comment, OffsetDateTime.now(clock), channel, recordedBy)
        .update();
    audit.recordForOpinion(
        opinionId, AuditTrail.Action.EVALUATION, result.name() + " via " + channel);
  }

  public boolean hasAppealRequest(long opinionId) {
    return jdbc.sql("select count(*) from appeal_request where opinion_id = ?")
            .param(opinionId)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * {@code at}: when the request reached us (a letter's day of receipt, when staff enter it);
   * {@code channel} and {@code recordedBy} as for evaluations.
   */
  public void insertAppealRequest(
      long opinionId,
      OpinionKind appealedStage,
      String reason,
      OffsetDateTime at,
      String channel,
      String recordedBy) {
    jdbc.sql(
            """
            insert into appeal_request (opinion_id, kind, reason, requested_at, channel, recorded_by)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(opinionId, appealedStage.name(), reason, at, channel, recordedBy)
        .update();
    audit.recordForOpinion(
        opinionId,
        AuditTrail.Action.APPEAL_REQUEST,
        "appealed stage " + appealedStage.name() + " via " + channel);
  }

  public void insertHearing(long petitionId, Hearing hearing) {
    jdbc.sql(
            """
            insert into hearing (petition_id, stage, held_on, participants, summary, recorded_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            petitionId,
            hearing.stage().name(),
            hearing.heldOn(),
            hearing.participants(),
            hearing.summary(),
            OffsetDateTime.now(clock))
        .update();
    audit.record(
        petitionId,
        AuditTrail.Action.HEARING,
        hearing.stage().name() + " held on " + hearing.heldOn());
  }

  public List<Hearing> hearings(long petitionId) {
    return jdbc.sql("select * from hearing where petition_id = ? order by held_on, id")
        .param(petitionId)
        .query(
            (rs, n) ->
                new Hearing(
                    OpinionKind.valueOf(rs.getString("stage")),
                    rs.getObject("held_on", LocalDate.class),
                    rs.getString("participants"),
                    rs.getString("summary")))
        .list();
  }

  private Opinion opinion(ResultSet rs, int rowNum) throws SQLException {
    return new Opinion(
        rs.getLong("id"),
        rs.getLong("petition_id"),
        OpinionKind.valueOf(rs.getString("kind")),
        rs.getString("outcome"),
        rs.getString("opinion_text"),
        rs.getString("issuer"),
        rs.getString("issuer_name"),
        time(rs, "delivered_at"),
        time(rs, "handling_due"),
        time(rs, "appeal_due"),
        time(rs, "evaluation_due"),
        rs.getBoolean("published"),
        rs.getString("appeal_level"),
        time(rs, "received_at"),
        rs.getString("delivery_method") == null
            ? null
            : DeliveryMethod.valueOf(rs.getString("delivery_method")));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
