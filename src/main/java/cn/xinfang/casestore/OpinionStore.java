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

  /** Stores a delivered opinion; returns its id. */
  public long insert(
      long petitionId,
      OpinionKind kind,
      String outcome,
      String text,
      String issuer,
      String issuerName,
      OffsetDateTime deliveredAt,
      OffsetDateTime handlingDue,
      OffsetDateTime appealDue,
      OffsetDateTime evaluationDue,
      boolean published) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into opinion (petition_id, kind, outcome, opinion_text, issuer, issuer_name, delivered_at,
              handling_due, appeal_due, evaluation_due, published)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            petitionId,
            kind.name(),
            outcome,
            text,
            issuer,
            issuerName,
            deliveredAt,
            handlingDue,
            appealDue,
            evaluationDue,
            published)
        .update(keys, "id");
    audit.record(
        petitionId, AuditTrail.Action.OPINION, kind.name() + " " + outcome + ", issuer=" + issuer);
    return keys.getKey().longValue();
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
                    rs.getObject("recorded_at", OffsetDateTime.class)))
        .optional();
  }

  public void insertEvaluation(long opinionId, Satisfaction result, String comment) {
    jdbc.sql(
            "insert into evaluation (opinion_id, result, comment, recorded_at) values (?, ?, ?, ?)")
        .params(opinionId, result.name(), comment, OffsetDateTime.now(clock))
        .update();
    audit.recordForOpinion(opinionId, AuditTrail.Action.EVALUATION, result.name());
  }

  public boolean hasAppealRequest(long opinionId) {
    return jdbc.sql("select count(*) from appeal_request where opinion_id = ?")
            .param(opinionId)
            .query(Long.class)
            .single()
        > 0;
  }

  public void insertAppealRequest(
      long opinionId, OpinionKind appealedStage, String reason, OffsetDateTime at) {
    jdbc.sql(
            "insert into appeal_request (opinion_id, kind, reason, requested_at) values (?, ?, ?, ?)")
        .params(opinionId, appealedStage.name(), reason, at)
        .update();
    audit.recordForOpinion(
        opinionId, AuditTrail.Action.APPEAL_REQUEST, "appealed stage " + appealedStage.name());
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
        rs.getBoolean("published"));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
