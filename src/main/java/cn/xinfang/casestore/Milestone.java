package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/** A step in a case's timeline. Only public ones reach the petitioner; internal notes never do. */
public record Milestone(
    String type,
    OffsetDateTime occurredAt,
    boolean publicVisible,
    String description,
    String internalNote) {}
