package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/** One row of the petition table. */
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
    String deadlineName) {
}
