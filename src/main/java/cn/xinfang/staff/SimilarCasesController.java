package cn.xinfang.staff;

import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.Districts;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.SimilarCases;
import cn.xinfang.casestore.SimilarCases.Candidate;
import cn.xinfang.intake.Masking;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 相似及重复信访 ({@code GET /api/staff/cases/{caseNumber}/similar}): for a reader of the case, the open
 * and recent cases of the same petitioner and those with a similar title (casestore.SimilarCases),
 * at most {@link #LIMIT}, most relevant first. Each candidate is checked with the same rules as
 * reading it (CaseReading): one the reader may not read (a DISCIPLINE case above all, Art. 30) is
 * left out before anything of it is used, so neither its title nor its existence shows; the
 * petitioner's phone is masked unless the reader handles that case. The listing is in the audit
 * trail of the case and of every case listed.
 */
@RestController
@RequestMapping(path = "/api/staff", produces = "application/json")
class SimilarCasesController {

  static final int LIMIT = 10;

  private final ReadableCases cases;
  private final CaseReading reading;
  private final SimilarCases similar;
  private final PetitionStore store;
  private final AuditTrail audit;

  SimilarCasesController(
      ReadableCases cases,
      CaseReading reading,
      SimilarCases similar,
      PetitionStore store,
      AuditTrail audit) {
    this.cases = cases;
    this.reading = reading;
    this.similar = similar;
    this.store = store;
    this.audit = audit;
  }

  /**
   * The answer: the case, whether it can still be merged (it waits at triage and the reader is of
   * the bureau), how titles were compared (TRIGRAM on PostgreSQL, BIGRAM elsewhere), the
   * candidates.
   */
  record SimilarCasesView(
      String caseNumber, boolean canMerge, String titleMatching, List<CandidateView> candidates) {}

  /**
   * One candidate: why it matched ({@code reasons}: 同一信访人, 标题相似 0.62), its status with the Chinese
   * label, and whether the case can be merged into it ({@code mergeable}: open and of the same
   * district).
   */
  record CandidateView(
      String caseNumber,
      String title,
      String status,
      String statusLabel,
      OffsetDateTime receivedAt,
      String district,
      String districtLabel,
      String handlingUnitName,
      String mergedInto,
      boolean samePetitioner,
      Double titleSimilarity,
      List<String> reasons,
      String reason,
      String petitionerName,
      String petitionerPhone,
      boolean mergeable) {}

  @GetMapping("/cases/{caseNumber}/similar")
  SimilarCasesView similar(@PathVariable String caseNumber) {
    ReadableCases.Reader r = cases.require(caseNumber, "similar cases");
    PetitionRecord c = r.c();
    List<CandidateView> listed = new ArrayList<>();
    for (Candidate candidate : similar.of(c)) {
      if (listed.size() == LIMIT) {
        break;
      }
      PetitionRecord p = candidate.petition();
      CaseReading.Level level = reading.of(p, r.userId(), r.groups());
      if (level == CaseReading.Level.REFUSED) {
        continue;
      }
      listed.add(view(c, candidate, level == CaseReading.Level.FULL));
      audit.record(p.caseNumber(), AuditTrail.Action.VIEW, "listed as similar to " + caseNumber);
    }
    audit.record(
        caseNumber,
        AuditTrail.Action.VIEW,
        "similar cases: "
            + (listed.isEmpty()
                ? "none"
                : String.join(", ", listed.stream().map(CandidateView::caseNumber).toList())));
    boolean canMerge = c.status() == PetitionStatus.REGISTERED && CaseReading.bureau(c, r.groups());
    return new SimilarCasesView(
        caseNumber, canMerge, similar.trigrams() ? "TRIGRAM" : "BIGRAM", listed);
  }

  private CandidateView view(PetitionRecord c, Candidate candidate, boolean full) {
    PetitionRecord p = candidate.petition();
    List<String> reasons = new ArrayList<>();
    if (candidate.samePetitioner()) {
      reasons.add("同一信访人");
    }
    if (candidate.titleSimilarity() != null) {
      reasons.add(String.format("标题相似 %.2f", candidate.titleSimilarity()));
    }
    List<Person> persons = store.persons(p.id());
    Person first = persons.isEmpty() ? null : persons.get(0);
    return new CandidateView(
        p.caseNumber(),
        p.title(),
        p.status().name(),
        p.mergedInto() != null ? "已并入 " + p.mergedInto() : p.status().label(),
        p.receivedAt(),
        p.district(),
        Districts.label(p.district()),
        p.handlingUnitName(),
        p.mergedInto(),
        candidate.samePetitioner(),
        candidate.titleSimilarity(),
        reasons,
        String.join("；", reasons),
        first == null ? null : first.name(),
        first == null ? null : full ? first.phone() : Masking.phone(first.phone()),
        p.open() && p.district().equals(c.district()));
  }
}
