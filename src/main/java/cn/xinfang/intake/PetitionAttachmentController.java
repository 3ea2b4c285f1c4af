package cn.xinfang.intake;

import cn.xinfang.attachment.AttachmentView;
import cn.xinfang.attachment.Attachments;
import cn.xinfang.casestore.Attachment;
import cn.xinfang.casestore.AttachmentSource;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.web.ConflictException;
import cn.xinfang.web.InvalidInputException;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
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
 * The petitioner's own attachments, by query code: the list of what they added (never what staff
 * added, never a download: the query code travels by SMS and on paper, and a file is more than its
 * name), and adding one while the case is open. A wrong code costs a token of the look-up limit
 * like every other query-code path (RateLimitFilter), uploads have their own per-address limit.
 */
@RestController
@RequestMapping(path = "/api/petitions/{queryCode}/attachments", produces = "application/json")
class PetitionAttachmentController {

  /** A closed case takes no more material: a new matter is a new petition. */
  private static final Set<PetitionStatus> CLOSED =
      EnumSet.of(PetitionStatus.CLOSED, PetitionStatus.TERMINATED, PetitionStatus.NOT_ACCEPTED);

  private final PetitionerCases cases;
  private final Attachments attachments;

  PetitionAttachmentController(PetitionerCases cases, Attachments attachments) {
    this.cases = cases;
    this.attachments = attachments;
  }

  record OwnAttachments(
      boolean canUpload, long maxFileBytes, int maxPerCase, List<AttachmentView> attachments) {}

  @GetMapping
  OwnAttachments list(@PathVariable String queryCode) {
    PetitionRecord c = cases.find(queryCode);
    return new OwnAttachments(
        !CLOSED.contains(c.status()),
        attachments.limits().maxFileSize().toBytes(),
        attachments.limits().maxPerCase(),
        own(c));
  }

  @PostMapping
  ResponseEntity<AttachmentView> add(
      @PathVariable String queryCode, @RequestParam("file") MultipartFile file) throws IOException {
    PetitionRecord c = cases.find(queryCode);
    if (CLOSED.contains(c.status())) {
      throw new ConflictException("该信访事项已办结，不能再上传材料；如有新的诉求请另行提出");
    }
    if (file.isEmpty()) {
      throw new InvalidInputException("file", "请选择要上传的文件（文件不能为空）");
    }
    Attachment added =
        attachments.add(
            c,
            new Attachments.Upload(
                file.getOriginalFilename(), file.getContentType(), file.getBytes()),
            AttachmentSource.PETITIONER,
            AuditTrail.PETITIONER,
            null);
    return ResponseEntity.status(HttpStatus.CREATED).body(AttachmentView.forPetitioner(added));
  }

  private List<AttachmentView> own(PetitionRecord c) {
    return attachments.list(c).stream()
        .filter(a -> a.source() == AttachmentSource.PETITIONER)
        .map(AttachmentView::forPetitioner)
        .toList();
  }
}
