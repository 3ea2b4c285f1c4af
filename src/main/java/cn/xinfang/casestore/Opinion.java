package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/**
 * An issued opinion (处理意见书, 复查意见书, 复核意见书): what was decided, by whom (the unit or level, never a
 * person), the level that reviews or re-reviews it ({@code appealLevel}, a group id, when it can be
 * appealed), when the petitioner received it and how, and until when they may evaluate it or appeal
 * against it. {@code issuedAt} is the day it was signed and sent; {@code receivedAt}, {@code
 * appealDue} and {@code evaluationDue} stay null until an offline petitioner's delivery is
 * confirmed.
 */
public record Opinion(
    long id,
    long petitionId,
    OpinionKind kind,
    String outcome,
    String text,
    String issuer,
    String issuerName,
    OffsetDateTime issuedAt,
    OffsetDateTime handlingDue,
    OffsetDateTime appealDue,
    OffsetDateTime evaluationDue,
    boolean published,
    String appealLevel,
    OffsetDateTime receivedAt,
    DeliveryMethod deliveryMethod) {

  public boolean received() {
    return receivedAt != null;
  }
}
