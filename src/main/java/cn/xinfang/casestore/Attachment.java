package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/**
 * An attachment's record without its bytes: the sanitised file name, the type its bytes were found
 * to be, their size and SHA-256, who added it (user id or {@value AuditTrail#PETITIONER}) and as
 * what; {@code mergedFrom}: the case it was copied from when a petition was merged into this one
 * (并单), or null.
 */
public record Attachment(
    long id,
    long petitionId,
    String fileName,
    String contentType,
    long size,
    String sha256,
    AttachmentSource source,
    String addedBy,
    String addedByGroup,
    OffsetDateTime addedAt,
    String mergedFrom) {}
