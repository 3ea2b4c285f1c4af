package cn.xinfang.staff;

import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.CaseNumbers;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.WarningStore;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.staff.StaffCaseView.OpinionView;
import cn.xinfang.web.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case file for staff, behind HTTP Basic against the engine's users (EngineRestSecurity): the
 * case, its printable registration receipt, and a counter clerk's own recent registrations. Every
 * read is in the case's audit trail, refused ones too; a case the user may not read answers 404,
 * exactly like one that does not exist, so that its existence is not revealed either.
 */
@RestController
@RequestMapping(path = "/api/staff", produces = "application/json")
class StaffCaseController {

  /** How far back a clerk's list of own registrations reaches, and how long it is at most. */
  static final Period RECENT = Period.ofDays(30);

  static final int RECENT_MAX = 50;

  private final PetitionStore store;
  private final OpinionStore opinions;
  private final CaseReading reading;
  private final ReceiptPage receipts;
  private final AuditTrail audit;
  private final CurrentUser user;
  private final Clock clock;
  private final ApprovalHistory approvals;
  private final ReadableCases cases;
  private final SupervisionHistory supervisions;
  private final WarningStore warnings;

  StaffCaseController(
      PetitionStore store,
      OpinionStore opinions,
      CaseReading reading,
      ReceiptPage receipts,
      AuditTrail audit,
      CurrentUser user,
      Clock clock,
      ApprovalHistory approvals,
      ReadableCases cases,
      SupervisionHistory supervisions,
      WarningStore warnings) {
    this.warnings = warnings;
    this.approvals = approvals;
    this.supervisions = supervisions;
    this.cases = cases;
    this.store = store;
    this.opinions = opinions;
    this.reading = reading;
    this.receipts = receipts;
    this.audit = audit;
    this.user = user;
    this.clock = clock;
  }

  @GetMapping("/cases/{caseNumber}")
  StaffCaseView read(@PathVariable String caseNumber) {
    ReadableCases.Reader r = cases.require(caseNumber, null);
    PetitionRecord c = r.c();
    boolean full = r.level() == CaseReading.Level.FULL;
    boolean notes = full || user.isAdministrator();
    boolean queryCode = reading.readsQueryCode(c, r.userId(), r.groups());
    // the bureau and the supervisors supervise (人工督办) and read every supervision of the case, as
    // does the leader who took it in hand; other readers of the internal notes read them too
    boolean supervises = CaseReading.bureau(c, r.groups()) || CaseReading.supervisor(c, r.groups());
    audit.record(
        caseNumber,
        AuditTrail.Action.VIEW,
        (full ? "personal data in full" : "personal data masked")
            + (queryCode ? ", query code shown" : ""));
    List<OpinionView> opinionViews =
        opinions.opinions(c.id()).stream()
            .map(o -> OpinionView.of(o, opinions.evaluation(o.id()), notes))
            .toList();
    return StaffCaseView.of(
        c,
        full,
        notes,
        CaseReading.bureau(c, r.groups()),
        queryCode,
        store.persons(c.id()),
        store.milestones(c.id()),
        store.notices(c.id()),
        opinionViews,
        notes ? approvals.of(c.id()) : List.of(),
        notes || supervises || r.userId().equals(c.leaderOwner())
            ? supervisions.of(c.id())
            : List.of(),
        supervises,
        warnings.ofCase(c.id()).stream().map(StaffCaseView.WarningLine::of).toList());
  }

  /**
   * The printable 登记回执 of a case: its number, the query code, the days and how to follow it; for
   * the registering clerk and the bureau, who hand it to the petitioner at the counter or post it.
   */
  @GetMapping(path = "/cases/{caseNumber}/receipt", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> receipt(@PathVariable String caseNumber) {
    ReadableCases.Reader r = cases.require(caseNumber, null);
    if (!reading.readsQueryCode(r.c(), r.userId(), r.groups())) {
      audit.record(
          caseNumber, AuditTrail.Action.VIEW_REFUSED, "receipt: not the registering clerk");
      throw new NotFoundException("案件 " + caseNumber + " 的登记回执只能由登记人或信访部门打印");
    }
    audit.record(caseNumber, AuditTrail.Action.RECEIPT, "registration receipt with query code");
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
        .body(receipts.html(r.c(), store.persons(r.c().id())));
  }

  /** The user's own registrations of the last {@link #RECENT}, newest first: to print receipts. */
  @GetMapping("/registrations")
  List<Registration> registrations() {
    String userId = user.id().orElseThrow();
    OffsetDateTime since = OffsetDateTime.now(clock).minus(RECENT);
    return store.registeredBy(userId, since, RECENT_MAX).stream()
        .map(c -> Registration.of(c, store.persons(c.id())))
        .toList();
  }

  /** 404 for a text that cannot be a case number: nothing to look up, nothing to record. */
  static void requireWellFormed(String caseNumber) {
    if (!CaseNumbers.isWellFormed(caseNumber)) {
      throw new NotFoundException("案件编号格式不正确（应如 XF2026-00000042）");
    }
  }
}
