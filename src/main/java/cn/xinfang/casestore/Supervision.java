package cn.xinfang.casestore;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One supervision of a case (table supervision): what it concerns (the late task, its groups and
 * due date), what the supervisor decided, and what the late group answered. {@code origin} is
 * OVERDUE (the overdue watch), MANUAL (the bureau or a supervisor) or DISSATISFIED (回访核查 after a
 * DISSATISFIED evaluation); {@code action} REMIND, LETTER, LEADER, RECOMMEND or NONE, null until
 * decided.
 */
public record Supervision(
    long id,
    long petitionId,
    String origin,
    String processInstanceId,
    String taskId,
    String taskKey,
    String taskName,
    String taskGroups,
    OffsetDateTime taskDue,
    OffsetDateTime openedAt,
    String openedBy,
    String action,
    String actionComment,
    Integer replyDays,
    OffsetDateTime answerDue,
    String leaderOwner,
    String recommendationType,
    String recommendationText,
    String decidedBy,
    OffsetDateTime decidedAt,
    String answer,
    String answeredBy,
    OffsetDateTime answeredAt,
    OffsetDateTime escalatedAt,
    String leaderInstruction,
    String instructedBy,
    String finding,
    OffsetDateTime withdrawnAt) {

  /** The candidate groups of the task it concerns: who answers a letter or a recommendation. */
  public List<String> groups() {
    return taskGroups == null || taskGroups.isBlank()
        ? List.of()
        : Arrays.asList(taskGroups.split(","));
  }
}
