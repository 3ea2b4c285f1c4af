package cn.xinfang.attachment;

import cn.xinfang.casestore.Attachment;
import java.time.OffsetDateTime;

/**
 * An attachment as a list shows it. Staff read who added it and, when they may download it, its
 * address ({@code download}, null otherwise); the petitioner reads neither (no staff identities on
 * the public API).
 */
public record AttachmentView(
    long id,
    String fileName,
    String contentType,
    long size,
    String sha256,
    String source,
    String sourceLabel,
    String addedBy,
    OffsetDateTime addedAt,
    String download) {

  public static AttachmentView forStaff(Attachment a, String caseNumber, boolean downloadable) {
    return new AttachmentView(
        a.id(),
        a.fileName(),
        a.contentType(),
        a.size(),
        a.sha256(),
        a.source().name(),
        a.mergedFrom() == null
            ? a.source().label()
            : a.source().label() + "（" + a.mergedFrom() + "）",
        a.addedByGroup() == null ? a.addedBy() : a.addedBy() + "（" + a.addedByGroup() + "）",
        a.addedAt(),
        downloadable ? "/api/staff/cases/" + caseNumber + "/attachments/" + a.id() : null);
  }

  public static AttachmentView forPetitioner(Attachment a) {
    return new AttachmentView(
        a.id(),
        a.fileName(),
        a.contentType(),
        a.size(),
        a.sha256(),
        a.source().name(),
        a.source().label(),
        null,
        a.addedAt(),
        null);
  }
}
