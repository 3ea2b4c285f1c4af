package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/** One entry of a case's audit trail: when, who, what kind of view or change, and its details. */
public record AuditEntry(
    String caseNumber, OffsetDateTime at, String actor, String action, String detail) {}
