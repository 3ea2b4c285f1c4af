package cn.xinfang.staff;

import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.CaseNumbers;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.web.NotFoundException;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file for staff, behind HTTP Basic against the engine's users (EngineRestSecurity). Every
 * read is in the case's audit trail, refused ones too; a case the user may not read answers 404,
 * exactly like one that does not exist, so that its existence is not revealed either.
 */
@RestController
@RequestMapping(path = "/api/staff/cases", produces = "application/json")
class StaffCaseController {

  private final PetitionStore store;
  private final CaseReading reading;
  private final AuditTrail audit;
  private final CurrentUser user;

  StaffCaseController(
      PetitionStore store, CaseReading reading, AuditTrail audit, CurrentUser user) {
    this.store = store;
    this.reading = reading;
    this.audit = audit;
    this.user = user;
  }

  @GetMapping("/{caseNumber}")
  StaffCaseView read(@PathVariable String caseNumber) {
    requireWellFormed(caseNumber);
    String userId = user.id().orElseThrow();
    Set<String> groups = user.groups();
    Optional<PetitionRecord> found = store.findByCaseNumber(caseNumber);
    CaseReading.Level level =
        found.map(c -> reading.of(c, userId, groups)).orElse(CaseReading.Level.REFUSED);
    if (level == CaseReading.Level.REFUSED) {
      audit.record(caseNumber, AuditTrail.Action.VIEW_REFUSED, null);
      throw new NotFoundException("案件 " + caseNumber + " 不存在或您无权查看");
    }
    PetitionRecord c = found.get();
    boolean full = level == CaseReading.Level.FULL;
    boolean notes = full || user.isAdministrator();
    audit.record(
        caseNumber,
        AuditTrail.Action.VIEW,
        full ? "personal data in full" : "personal data masked");
    return StaffCaseView.of(
        c, full, notes, store.persons(c.id()), store.milestones(c.id()), store.notices(c.id()));
  }

  /** 404 for a text that cannot be a case number: nothing to look up, nothing to record. */
  static void requireWellFormed(String caseNumber) {
    if (!CaseNumbers.isWellFormed(caseNumber)) {
      throw new NotFoundException("案件编号格式不正确（应如 XF2026-00000042）");
    }
  }
}
