package cn.xinfang.staff;

import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.web.NotFoundException;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The staff API's one way to a case: the case and how far the authenticated user reads it, or 404
 * as for a case that does not exist (with a VIEW_REFUSED entry in the audit trail, so probing
 * shows).
 */
@Component
class ReadableCases {

  private final PetitionStore store;
  private final CaseReading reading;
  private final AuditTrail audit;
  private final CurrentUser user;

  ReadableCases(PetitionStore store, CaseReading reading, AuditTrail audit, CurrentUser user) {
    this.store = store;
    this.reading = reading;
    this.audit = audit;
    this.user = user;
  }

  /** The case, once the user may read it; {@code refusal} is the audit entry's detail otherwise. */
  Reader require(String caseNumber, String refusal) {
    StaffCaseController.requireWellFormed(caseNumber);
    String userId = user.id().orElseThrow();
    Set<String> groups = user.groups();
    Optional<PetitionRecord> found = store.findByCaseNumber(caseNumber);
    CaseReading.Level level =
        found.map(c -> reading.of(c, userId, groups)).orElse(CaseReading.Level.REFUSED);
    if (level == CaseReading.Level.REFUSED) {
      audit.record(caseNumber, AuditTrail.Action.VIEW_REFUSED, refusal);
      throw new NotFoundException("案件 " + caseNumber + " 不存在或您无权查看");
    }
    return new Reader(found.get(), level, userId, groups);
  }

  /** A case and who reads it, how far. */
  record Reader(PetitionRecord c, CaseReading.Level level, String userId, Set<String> groups) {}
}
