package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/**
 * A delivered opinion (处理意见书, 复查意见书, 复核意见书): what was decided, by whom (the unit or level, never a
 * person), and until when the petitioner may evaluate it or appeal against it.
 */
public record Opinion(
    long id,
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
    boolean published) {}
