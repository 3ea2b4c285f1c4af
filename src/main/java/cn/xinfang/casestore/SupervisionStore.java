package cn.xinfang.casestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The supervisions of the cases (table supervision, V10). Every write joins the engine's
 * transaction and leaves its line in the case's audit trail. The unique index on the late task
 * decides, between two nodes and across restarts, that a task is supervised for lateness once.
 */
@Repository
public class SupervisionStore {

  /** What a new supervision concerns. */
  public record Opening(
      long petitionId,
      String origin,
      String taskId,
      String taskKey,
      String taskName,
      List<String> taskGroups,
      OffsetDateTime taskDue,
      String openedBy) {}

  /** What the supervisor decided. */
  public record Decision(
      String action,
      String comment,
      Integer replyDays,
      OffsetDateTime answerDue,
      String leaderOwner,
      String recommendationType,
      String recommendationText,
      String decidedBy) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  public SupervisionStore(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Opens a supervision; answers its id. An OVERDUE one for a task already supervised fails with
   * Spring's DuplicateKeyException (the unique index), rolling back the caller's transaction.
   */
  public long open(Opening o) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            """
            insert into supervision (petition_id, origin, overdue_task_id, task_id, task_key, task_name,
              task_groups, task_due, opened_at, opened_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            o.petitionId(),
            o.origin(),
            "OVERDUE".equals(o.origin()) ? o.taskId() : null,
            o.taskId(),
            o.taskKey(),
            o.taskName(),
            String.join(",", o.taskGroups()),
            o.taskDue(),
            now(),
            o.openedBy())
        .update(keys, "id");
    long id = keys.getKey().longValue();
    audit.record(
        o.petitionId(),
        AuditTrail.Action.SUPERVISION,
        "supervision "
            + id
            + " opened ("
            + o.origin()
            + (o.taskKey() == null ? "" : ", task " + o.taskKey() + " of " + o.taskGroups())
            + ")");
    return id;
  }

  /** Links a supervision to the process that carries it out, once. */
  public boolean link(long id, String processInstanceId) {
    return jdbc.sql(
                "update supervision set process_instance_id = ? where id = ? and process_instance_id is null")
            .params(processInstanceId, id)
            .update()
        == 1;
  }

  public Optional<Supervision> byId(long id) {
    return jdbc.sql("select * from supervision where id = ?")
        .param(id)
        .query(SupervisionStore::row)
        .optional();
  }

  public Optional<Supervision> byProcessInstance(String processInstanceId) {
    return jdbc.sql("select * from supervision where process_instance_id = ?")
        .param(processInstanceId)
        .query(SupervisionStore::row)
        .optional();
  }

  public Optional<Supervision> byOverdueTask(String taskId) {
    return jdbc.sql("select * from supervision where overdue_task_id = ?")
        .param(taskId)
        .query(SupervisionStore::row)
        .optional();
  }

  /** The case's supervisions, oldest first. */
  public List<Supervision> ofCase(long petitionId) {
    return jdbc.sql("select * from supervision where petition_id = ? order by opened_at, id")
        .param(petitionId)
        .query(SupervisionStore::row)
        .list();
  }

  public void decide(Supervision s, Decision d) {
    jdbc.sql(
            """
            update supervision set action = ?, action_comment = ?, reply_days = ?, answer_due = ?,
              leader_owner = ?, recommendation_type = ?, recommendation_text = ?, decided_by = ?, decided_at = ?
            where id = ? and action is null
            """)
        .params(
            d.action(),
            d.comment(),
            d.replyDays(),
            d.answerDue(),
            d.leaderOwner(),
            d.recommendationType(),
            d.recommendationText(),
            d.decidedBy(),
            now(),
            s.id())
        .update();
    audit.record(
        s.petitionId(),
        AuditTrail.Action.SUPERVISION,
        "supervision "
            + s.id()
            + ": "
            + d.action()
            + (d.replyDays() == null ? "" : ", answer within " + d.replyDays() + " working days")
            + (d.leaderOwner() == null ? "" : ", leader " + d.leaderOwner())
            + (d.recommendationType() == null ? "" : ", " + d.recommendationType()));
  }

  public void answer(Supervision s, String answer, String user) {
    jdbc.sql("update supervision set answer = ?, answered_by = ?, answered_at = ? where id = ?")
        .params(answer, user, now(), s.id())
        .update();
    audit.record(
        s.petitionId(), AuditTrail.Action.SUPERVISION, "supervision " + s.id() + " answered");
  }

  public void escalate(Supervision s) {
    jdbc.sql("update supervision set escalated_at = ? where id = ?").params(now(), s.id()).update();
    audit.record(
        s.petitionId(),
        AuditTrail.Action.SUPERVISION,
        "supervision " + s.id() + ": answer late, escalated to the leaders");
  }

  public void instruct(Supervision s, String instruction, String user) {
    jdbc.sql("update supervision set leader_instruction = ?, instructed_by = ? where id = ?")
        .params(instruction, user, s.id())
        .update();
    audit.record(
        s.petitionId(),
        AuditTrail.Action.SUPERVISION,
        "supervision " + s.id() + ": leader's instruction");
  }

  /** 回访核查: whether the handling was proper (PROPER, IMPROPER), and why. */
  public void find(Supervision s, String finding, String comment, String user) {
    jdbc.sql(
            """
            update supervision set finding = ?, action_comment = ?, decided_by = ?, decided_at = ?
            where id = ?
            """)
        .params(finding, comment, user, now(), s.id())
        .update();
    audit.record(
        s.petitionId(),
        AuditTrail.Action.SUPERVISION,
        "supervision " + s.id() + ": dissatisfaction verified, " + finding);
  }

  /**
   * The supervision ends before it was carried out, for {@code reason}: the late task was done
   * before anyone decided, or the case went to 纪检监察 in confidence.
   */
  public void withdraw(Supervision s, String reason) {
    jdbc.sql("update supervision set withdrawn_at = ? where id = ? and withdrawn_at is null")
        .params(now(), s.id())
        .update();
    audit.record(
        s.petitionId(),
        AuditTrail.Action.SUPERVISION,
        "supervision " + s.id() + " withdrawn: " + reason);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static Supervision row(ResultSet rs, int n) throws SQLException {
    return new Supervision(
        rs.getLong("id"),
        rs.getLong("petition_id"),
        rs.getString("origin"),
        rs.getString("process_instance_id"),
        rs.getString("task_id"),
        rs.getString("task_key"),
        rs.getString("task_name"),
        rs.getString("task_groups"),
        time(rs, "task_due"),
        time(rs, "opened_at"),
        rs.getString("opened_by"),
        rs.getString("action"),
        rs.getString("action_comment"),
        (Integer) rs.getObject("reply_days", Integer.class),
        time(rs, "answer_due"),
        rs.getString("leader_owner"),
        rs.getString("recommendation_type"),
        rs.getString("recommendation_text"),
        rs.getString("decided_by"),
        time(rs, "decided_at"),
        rs.getString("answer"),
        rs.getString("answered_by"),
        time(rs, "answered_at"),
        time(rs, "escalated_at"),
        rs.getString("leader_instruction"),
        rs.getString("instructed_by"),
        rs.getString("finding"),
        time(rs, "withdrawn_at"));
  }

  private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class);
  }
}
