package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/**
 * One row of the petition table. {@code processInstanceId} is the one process that owns the case
 * (set when its first step links them); {@code registeredBy} the clerk who registered it at the
 * counter, or null; {@code handlingDue} the handling deadline of the current handling, and whether
 * it was extended; {@code leaderOwner} the leader who took the case in hand (领导包案), or null; {@code
 * mergedInto} the case this petition was merged into at triage (并单), or null.
 */
public record PetitionRecord(
    long id,
    String caseNumber,
    String queryCode,
    String requestId,
    Channel channel,
    OffsetDateTime receivedAt,
    OffsetDateTime registeredAt,
    int personCount,
    boolean groupPetition,
    String district,
    String category,
    String title,
    String content,
    PetitionStatus status,
    Route route,
    String handlingUnit,
    String handlingUnitName,
    OffsetDateTime currentDeadline,
    String deadlineName,
    String processInstanceId,
    String registeredBy,
    OffsetDateTime handlingDue,
    boolean handlingExtended,
    String leaderOwner,
    String mergedInto) {

  /**
   * The case can still take a petition merged into it (并单): its legal life is not over and it was
   * not itself merged into another.
   */
  public boolean open() {
    return !status.isFinal() && mergedInto == null;
  }
}
