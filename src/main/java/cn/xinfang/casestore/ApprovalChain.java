package cn.xinfang.casestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approval chain (三审) of a case's draft replies (table approval_step, V6__approval_chain.sql).
 * The chain is written when the decision table decides it and read from here by every later step,
 * so that no variable a user could have written changes who approves. Each draft sent for approval
 * is a round; its steps are decided in order.
 */
@Repository
public class ApprovalChain {

  /** What an approver decided. */
  public enum Decision {
    APPROVED,
    RETURNED
  }

  /**
   * One level of one round; {@code decision} is null while it waits. {@code draftedBy} is the user
   * who drafted the round's reply (null when no user did, e.g. a round started by the system);
   * {@code approverUser} the one member of the group who must decide the step (the 包案 leader's), or
   * null for any member.
   */
  public record Step(
      int round,
      int position,
      String group,
      Decision decision,
      String decidedBy,
      OffsetDateTime decidedAt,
      String comment,
      String draftedBy,
      String approverUser) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  public ApprovalChain(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Starts the case's next round with these groups, in the order they approve, for the draft of
   * {@code draftedBy} (who never approves it: 三审, separation of duties); answers the round.
   */
  public int start(long petitionId, List<String> groups, String draftedBy) {
    return start(petitionId, groups, draftedBy, null);
  }

  /**
   * Starts the case's next round as {@link #start(long, List, String)}; with a leader who took the
   * case in hand (领导包案, {@code leaderOwner}), that leader signs last, as the round's final step in
   * group {@code leadersGroup} (replacing the group's own step, if the decision table chose it).
   */
  public int start(
      long petitionId,
      List<String> decided,
      String draftedBy,
      String leaderOwner,
      String leadersGroup) {
    List<String> groups = new java.util.ArrayList<>(decided);
    groups.remove(leadersGroup);
    groups.add(leadersGroup);
    return start(petitionId, groups, draftedBy, leaderOwner);
  }

  private int start(long petitionId, List<String> groups, String draftedBy, String leaderOwner) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("an approval chain needs at least one level");
    }
    int round =
        jdbc.sql(
                "select coalesce(max(chain_round), 0) + 1 from approval_step where petition_id = ?")
            .param(petitionId)
            .query(Integer.class)
            .single();
    for (int position = 0; position < groups.size(); position++) {
      boolean last = position == groups.size() - 1;
      jdbc.sql(
              "insert into approval_step (petition_id, chain_round, position, group_id, drafted_by,"
                  + " approver_user) values (?, ?, ?, ?, ?, ?)")
          .params(
              petitionId,
              round,
              position,
              groups.get(position),
              draftedBy,
              last ? leaderOwner : null)
          .update();
    }
    audit.record(
        petitionId,
        AuditTrail.Action.APPROVAL,
        "round "
            + round
            + ": "
            + String.join(" → ", groups)
            + (draftedBy == null ? "" : ", drafted by " + draftedBy)
            + (leaderOwner == null ? "" : ", signed last by " + leaderOwner));
    return round;
  }

  /** The steps of the case's latest round, in order (empty before the first draft). */
  public List<Step> currentRound(long petitionId) {
    return jdbc.sql(
            """
            select * from approval_step where petition_id = ?
            and chain_round = (select max(chain_round) from approval_step where petition_id = ?)
            order by position
            """)
        .params(petitionId, petitionId)
        .query(ApprovalChain::step)
        .list();
  }

  /**
   * Every decision taken on the case's drafts, returns included, oldest first (round, then level):
   * what each approver reads of the levels before them.
   */
  public List<Step> decisions(long petitionId) {
    return jdbc.sql(
            """
            select * from approval_step where petition_id = ? and decision is not null
            order by chain_round, position
            """)
        .param(petitionId)
        .query(ApprovalChain::step)
        .list();
  }

  private static Step step(ResultSet rs, int n) throws SQLException {
    return new Step(
        rs.getInt("chain_round"),
        rs.getInt("position"),
        rs.getString("group_id"),
        rs.getString("decision") == null ? null : Decision.valueOf(rs.getString("decision")),
        rs.getString("decided_by"),
        rs.getObject("decided_at", OffsetDateTime.class),
        rs.getString("approval_comment"),
        rs.getString("drafted_by"),
        rs.getString("approver_user"));
  }

  /** The step of the latest round that waits for its decision, if any. */
  public Optional<Step> waiting(long petitionId) {
    return currentRound(petitionId).stream().filter(s -> s.decision() == null).findFirst();
  }

  /** Whether every step of the latest round approved. */
  public boolean approved(long petitionId) {
    List<Step> round = currentRound(petitionId);
    return !round.isEmpty() && round.stream().allMatch(s -> s.decision() == Decision.APPROVED);
  }

  /** Records the decision of a waiting step. */
  public void decide(long petitionId, Step step, Decision decision, String user, String comment) {
    int rows =
        jdbc.sql(
                """
            update approval_step set decision = ?, decided_by = ?, decided_at = ?, approval_comment = ?
            where petition_id = ? and chain_round = ? and position = ? and decision is null
            """)
            .params(
                decision.name(),
                user,
                OffsetDateTime.now(clock),
                comment,
                petitionId,
                step.round(),
                step.position())
            .update();
    if (rows != 1) {
      throw new IllegalStateException(
          "approval step "
              + step.round()
              + "/"
              + step.position()
              + " of case "
              + petitionId
              + " is not waiting");
    }
    audit.record(
        petitionId,
        AuditTrail.Action.APPROVAL,
        "round "
            + step.round()
            + ", level "
            + (step.position() + 1)
            + " ("
            + step.group()
            + "): "
            + decision);
  }
}
