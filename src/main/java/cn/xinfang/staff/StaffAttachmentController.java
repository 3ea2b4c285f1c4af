package cn.xinfang.staff;

import cn.xinfang.attachment.AttachmentView;
import cn.xinfang.attachment.Attachments;
import cn.xinfang.attachment.Downloads;
import cn.xinfang.casestore.Attachment;
import cn.xinfang.casestore.AttachmentSource;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.web.ForbiddenException;
import cn.xinfang.web.InvalidInputException;
import cn.xinfang.web.NotFoundException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * A case's attachments for staff, with the case file's rules ({@link CaseReading}): whoever may not
 * read the case gets 404, as for a case that does not exist; whoever reads it masked sees the list
 * but downloads nothing (scans of ID cards, letters and photos carry the personal data the mask
 * hides); whoever reads it in full downloads. Adding is for the clerk who registered the case at
 * the counter while it awaits triage, and for the handling unit while the case is with it. Every
 * list, download and addition is in the audit trail, refused ones too.
 */
@RestController
@RequestMapping(path = "/api/staff/cases/{caseNumber}/attachments")
class StaffAttachmentController {

  private static final Set<PetitionStatus> WITH_THE_UNIT =
      EnumSet.of(PetitionStatus.TRANSFERRED, PetitionStatus.ACCEPTED);

  private final CaseReading reading;
  private final Attachments attachments;
  private final AuditTrail audit;
  private final ReadableCases cases;

  StaffAttachmentController(
      CaseReading reading, Attachments attachments, AuditTrail audit, ReadableCases cases) {
    this.cases = cases;
    this.reading = reading;
    this.attachments = attachments;
    this.audit = audit;
  }

  /** The list, and what the reader may do with it. */
  record AttachmentList(
      boolean canDownload,
      boolean canUpload,
      String uploadAs,
      long maxFileBytes,
      int maxPerCase,
      List<AttachmentView> attachments) {}

  @GetMapping(produces = "application/json")
  AttachmentList list(@PathVariable String caseNumber) {
    ReadableCases.Reader r = cases.require(caseNumber, "attachments");
    boolean full = r.level() == CaseReading.Level.FULL;
    Optional<AttachmentSource> uploadAs = uploadAs(r);
    List<AttachmentView> views =
        attachments.list(r.c()).stream()
            .map(a -> AttachmentView.forStaff(a, caseNumber, full))
            .toList();
    audit.record(
        caseNumber,
        AuditTrail.Action.VIEW,
        "attachment list (" + views.size() + ")" + (full ? "" : ", no download"));
    return new AttachmentList(
        full,
        uploadAs.isPresent(),
        uploadAs.map(Enum::name).orElse(null),
        attachments.limits().maxFileSize().toBytes(),
        attachments.limits().maxPerCase(),
        views);
  }

  @PostMapping(produces = "application/json")
  ResponseEntity<AttachmentView> add(
      @PathVariable String caseNumber, @RequestParam("file") MultipartFile file)
      throws IOException {
    ReadableCases.Reader r = cases.require(caseNumber, "attachments");
    AttachmentSource source =
        uploadAs(r)
            .orElseThrow(
                () -> {
                  audit.record(
                      caseNumber,
                      AuditTrail.Action.ATTACHMENT_REFUSED,
                      "upload: not the registering clerk before triage, nor the unit handling it");
                  return new ForbiddenException("只有登记人员（分流前）或正在办理该事项的承办单位可以为该事项上传附件");
                });
    if (file.isEmpty()) {
      throw new InvalidInputException("file", "请选择要上传的文件（文件不能为空）");
    }
    String group = source == AttachmentSource.HANDLING_UNIT ? r.c().handlingUnit() : null;
    Attachment added =
        attachments.add(
            r.c(),
            new Attachments.Upload(
                file.getOriginalFilename(), file.getContentType(), file.getBytes()),
            source,
            r.userId(),
            group);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(AttachmentView.forStaff(added, caseNumber, true));
  }

  @GetMapping("/{id}")
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable String id) {
    ReadableCases.Reader r = cases.require(caseNumber, "attachments");
    Attachment a =
        parseId(id)
            .flatMap(n -> attachments.find(r.c(), n))
            .orElseThrow(() -> new NotFoundException("该信访事项没有这个附件"));
    if (r.level() != CaseReading.Level.FULL) {
      audit.record(
          caseNumber,
          AuditTrail.Action.ATTACHMENT_REFUSED,
          "download of attachment " + a.id() + ": personal data masked for this reader");
      throw new ForbiddenException("附件可能含有身份证件、联系方式等个人信息，只有正在办理该事项的人员可以下载");
    }
    byte[] content = attachments.content(a);
    audit.record(
        caseNumber,
        AuditTrail.Action.ATTACHMENT_DOWNLOAD,
        "attachment " + a.id() + ", sha-256 " + a.sha256());
    return Downloads.of(a, content);
  }

  /** As what the user may add attachments now: the registering clerk, or the unit holding it. */
  private Optional<AttachmentSource> uploadAs(ReadableCases.Reader r) {
    PetitionRecord c = r.c();
    if (r.level() == CaseReading.Level.REFUSED) {
      return Optional.empty();
    }
    if (c.handlingUnit() != null
        && r.groups().contains(c.handlingUnit())
        && (WITH_THE_UNIT.contains(c.status()) || reading.holdsOpenTask(c, r.userId()))) {
      return Optional.of(AttachmentSource.HANDLING_UNIT);
    }
    if (r.userId().equals(c.registeredBy()) && c.status() == PetitionStatus.REGISTERED) {
      return Optional.of(AttachmentSource.REGISTRAR);
    }
    return Optional.empty();
  }

  private static Optional<Long> parseId(String id) {
    if (id == null || !id.matches("[0-9]{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(id));
  }
}
