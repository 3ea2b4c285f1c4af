package cn.xinfang.attachment;

import cn.xinfang.casestore.Attachment;
import cn.xinfang.casestore.AttachmentSource;
import cn.xinfang.casestore.AttachmentStore;
import cn.xinfang.casestore.AttachmentStore.NewAttachment;
import cn.xinfang.casestore.AttachmentStore.Totals;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.web.ConflictException;
import cn.xinfang.web.InvalidInputException;
import cn.xinfang.web.PayloadTooLargeException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds attachments to a case after checking them, and reads them back. Who may add or read is the
 * caller's decision (the staff API with the case's reading, the public API with the query code);
 * here: the file is not empty, not over the per-file size, its bytes are a PDF, JPEG or PNG ({@link
 * FileKind}) and neither the declared type nor the name's extension claims another kind; then, with
 * the case row locked so that racing uploads queue, the case stays within its count and its total
 * size. A refusal changes nothing and is recorded in the audit trail; an addition is recorded with
 * it, in its transaction.
 */
@Service
public class Attachments {

  /** What a client sent: the name and type it claimed, and the bytes. */
  public record Upload(String fileName, String declaredType, byte[] content) {}

  private static final String FIELD = "file";

  private final AttachmentStore attachments;
  private final PetitionStore cases;
  private final AuditTrail audit;
  private final AttachmentProperties limits;
  private final TransactionTemplate transaction;

  Attachments(
      AttachmentStore attachments,
      PetitionStore cases,
      AuditTrail audit,
      AttachmentProperties limits,
      TransactionTemplate transaction) {
    this.attachments = attachments;
    this.cases = cases;
    this.audit = audit;
    this.limits = limits;
    this.transaction = transaction;
  }

  public AttachmentProperties limits() {
    return limits;
  }

  /**
   * Adds the upload to the case as {@code source}, by {@code addedBy} (a user id, or {@value
   * AuditTrail#PETITIONER}), for a unit with its group.
   */
  public Attachment add(
      PetitionRecord c, Upload upload, AttachmentSource source, String addedBy, String group) {
    try {
      FileKind kind = check(upload);
      String name = FileNames.sanitise(upload.fileName(), kind);
      byte[] content = upload.content();
      return transaction.execute(
          status -> {
            PetitionRecord locked = cases.lock(c.caseNumber());
            Totals totals = attachments.totals(locked.id());
            if (totals.count() >= limits.maxPerCase()) {
              throw new ConflictException("该信访事项已有 " + totals.count() + " 个附件，已达上限，不能再上传");
            }
            if (totals.bytes() + content.length > limits.maxCaseSize().toBytes()) {
              throw new ConflictException(
                  "该信访事项的附件合计不得超过 "
                      + AttachmentProperties.readable(limits.maxCaseSize())
                      + "，本文件上传后将超出");
            }
            return attachments.add(
                locked.id(),
                new NewAttachment(
                    name, kind.contentType(), content, sha256(content), source, addedBy, group));
          });
    } catch (InvalidInputException | ConflictException | PayloadTooLargeException e) {
      audit.record(
          c.caseNumber(),
          AuditTrail.Action.ATTACHMENT_REFUSED,
          "upload by " + source.name() + ": " + e.getMessage());
      throw e;
    }
  }

  public List<Attachment> list(PetitionRecord c) {
    return attachments.list(c.id());
  }

  public Optional<Attachment> find(PetitionRecord c, long id) {
    return attachments.find(c.id(), id);
  }

  public byte[] content(Attachment a) {
    return attachments.content(a.id());
  }

  /** The file's kind, or the reason it is refused. */
  FileKind check(Upload upload) {
    byte[] content = upload.content();
    if (content == null || content.length == 0) {
      throw new InvalidInputException(FIELD, "请选择要上传的文件（文件不能为空）");
    }
    if (content.length > limits.maxFileSize().toBytes()) {
      throw new PayloadTooLargeException(
          "单个附件不得超过 " + AttachmentProperties.readable(limits.maxFileSize()));
    }
    FileKind kind =
        FileKind.of(content)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        FIELD, "只能上传 PDF、JPEG 或 PNG 格式的扫描件或照片（按文件内容识别，与文件名无关）"));
    String declared = upload.declaredType();
    if (declared != null
        && !declared.isBlank()
        && !declared.toLowerCase(Locale.ROOT).startsWith("application/octet-stream")
        && FileKind.declared(declared).filter(kind::equals).isEmpty()) {
      throw new InvalidInputException(FIELD, "文件内容是 " + kind.name() + "，与声明的类型不符，请检查后重新上传");
    }
    String name = upload.fileName();
    if (name != null && FileKind.claimedBy(name).filter(claimed -> claimed != kind).isPresent()) {
      throw new InvalidInputException(FIELD, "文件扩展名与文件内容（" + kind.name() + "）不符，请检查后重新上传");
    }
    return kind;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
