package cn.xinfang.casestore;

import cn.xinfang.calendar.StatutoryCalendar;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts the metrics are computed from (table case_metric, one row per petition), written as the
 * case moves, in the transaction of the step that moves it: one method per fact, called by the one
 * delegate or service that decides it. docs/metrics.md defines what each column means for each
 * metric.
 *
 * <p>The facts measure the first round of a case: the first triage, the acceptance by the unit that
 * finally holds the case, the first handling deadline (moved by an approved extension or a
 * conversion to the ordinary procedure), the first reply and its evaluation. A review that orders
 * the case handled anew (撤销重办) changes none of them: the guards below ({@code concluded_at is
 * null}, {@code evaluation_due is null} …) make each write-once where the definition says so.
 *
 * <p>Repeat petitions: a repeat is a petition of the same petitioner ({@link PetitionerKey}) within
 * {@link #REPEAT_MONTHS} months of an earlier one that was not merged away; the category plays no
 * part (docs/metrics.md, "重复信访率", says why). {@link #earlierPetition} is the one detection, shared
 * with the REPEAT warning.
 */
@Repository
public class CaseMetricStore {

  /** A petition by the same petitioner within this many months of an earlier one is a repeat. */
  public static final int REPEAT_MONTHS = 12;

  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private final JdbcClient jdbc;

  public CaseMetricStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The registration fact: who petitioned, when, where, when triage is due, and which earlier
   * petition of the same petitioner this one repeats (whose {@code repeated} flag is set).
   */
  public void registered(PetitionRecord petition, Person petitioner, OffsetDateTime triageDue) {
    String key = PetitionerKey.of(petitioner);
    Optional<String> repeatOf = earlierPetition(key, petition.receivedAt(), petition.id());
    jdbc.sql(
            """
            insert into case_metric (petition_id, case_number, received_at, received_month, district,
              category, petitioner_key, repeat_of, triage_due)
            values (:id, :caseNumber, :receivedAt, :month, :district, :category, :key, :repeatOf,
              :triageDue)
            """)
        .param("id", petition.id())
        .param("caseNumber", petition.caseNumber())
        .param("receivedAt", petition.receivedAt())
        .param(
            "month", MONTH.format(petition.receivedAt().atZoneSameInstant(StatutoryCalendar.ZONE)))
        .param("district", petition.district())
        .param("category", petition.category())
        .param("key", key)
        .param("repeatOf", repeatOf.orElse(null))
        .param("triageDue", triageDue)
        .update();
    repeatOf.ifPresent(
        earlier ->
            jdbc.sql("update case_metric set repeated = true where case_number = ?")
                .param(earlier)
                .update());
  }

  /**
   * The most recent petition of the same petitioner received within {@link #REPEAT_MONTHS} before
   * {@code receivedAt} or, when that one was merged (并单), the case it was merged into: the
   * petitioner came back on that case's matter; empty for an initial petition.
   */
  public Optional<String> earlierPetition(
      String petitionerKey, OffsetDateTime receivedAt, long exceptPetitionId) {
    return jdbc.sql(
            """
            select coalesce(merged_into, case_number) from case_metric
            where petitioner_key = :key and received_at >= :since and received_at <= :receivedAt
              and petition_id <> :self
            order by received_at desc, petition_id desc
            fetch first 1 rows only
            """)
        .param("key", petitionerKey)
        .param("since", receivedAt.minusMonths(REPEAT_MONTHS))
        .param("receivedAt", receivedAt)
        .param("self", exceptPetitionId)
        .query(String.class)
        .optional();
  }

  /**
   * Triage decided the route: the first time, when ({@code triaged_at}, write-once: a triage after
   * an agreed objection runs on another clock and is not measured again); the category as the
   * bureau classified it, each time; and a route that ends the case at triage (not re-accepted,
   * referred out, guided to a statutory route, transferred to 政法 or 纪检监察) closes it.
   */
  public void triaged(String caseNumber, Route route, String category, OffsetDateTime at) {
    jdbc.sql(
            """
            update case_metric set triaged_at = coalesce(triaged_at, :at), category = :category,
              closed_at = case when :ends then coalesce(closed_at, :at) else closed_at end
            where case_number = :caseNumber
            """)
        .param("at", at)
        .param("category", category)
        .param("ends", !route.goesToHandlingUnit())
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The case went to {@code unit} (its group id): the unit whose metrics it counts for from now on,
   * and the day it must accept by (null for the 纪检监察 and 政法 organs, which do not accept through
   * this process). A transfer after an agreed objection starts the acceptance afresh.
   */
  public void transferred(String caseNumber, String unit, OffsetDateTime acceptanceDue) {
    jdbc.sql(
            """
            update case_metric set unit = :unit, acceptance_due = :due, accepted_at = null
            where case_number = :caseNumber
            """)
        .param("unit", unit)
        .param("due", acceptanceDue)
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The bureau agreed the unit's objection ("not ours"): the case is the bureau's again until it is
   * transferred anew; the objecting unit is measured neither on its acceptance nor on the case.
   */
  public void objectionAgreed(String caseNumber) {
    jdbc.sql(
            """
            update case_metric set unit = null, acceptance_due = null, accepted_at = null
            where case_number = :caseNumber
            """)
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The unit accepted the case and its handling clock started: the first acceptance only (a
   * handling restarted by 撤销重办 does not call this).
   */
  public void accepted(String caseNumber, OffsetDateTime at, OffsetDateTime handlingDue) {
    jdbc.sql(
            """
            update case_metric set accepted_at = :at, handling_due = :due
            where case_number = :caseNumber and accepted_at is null
            """)
        .param("at", at)
        .param("due", handlingDue)
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The handling deadline moved while the first round is open: an approved extension (Art. 34), or
   * the simple procedure converted to the ordinary one.
   */
  public void handlingDeadlineMoved(String caseNumber, OffsetDateTime handlingDue) {
    jdbc.sql(
            """
            update case_metric set handling_due = :due
            where case_number = :caseNumber and concluded_at is null
            """)
        .param("due", handlingDue)
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The first round concluded: the reply (handling opinion) was issued, or a mediation agreement
   * ended the case. Write-once: a reply after 撤销重办 is not the case's conclusion again.
   */
  public void concluded(String caseNumber, OffsetDateTime at) {
    jdbc.sql(
            """
            update case_metric set concluded_at = :at, closed_at = coalesce(closed_at, :at)
            where case_number = :caseNumber and concluded_at is null
            """)
        .param("at", at)
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The petitioner received the first handling opinion: the evaluation window runs until {@code
   * evaluationDue} (write-once; an offline petitioner's window opens when the unit confirms the
   * delivery).
   */
  public void evaluationOpened(String caseNumber, OffsetDateTime evaluationDue) {
    jdbc.sql(
            """
            update case_metric set evaluation_due = :due
            where case_number = :caseNumber and evaluation_due is null
            """)
        .param("due", evaluationDue)
        .param("caseNumber", caseNumber)
        .update();
  }

  /**
   * The petitioner rated the opinion {@code opinionId}: counted when it is the case's first
   * handling opinion, once. An unanswered window (NOT_EVALUATED) is not an evaluation: the metrics
   * see it from {@code evaluation_due} passing.
   */
  public void evaluated(long opinionId, Satisfaction satisfaction, OffsetDateTime at) {
    if (satisfaction == Satisfaction.NOT_EVALUATED) {
      return;
    }
    jdbc.sql(
            """
            update case_metric set evaluated_at = :at, satisfaction = :satisfaction
            where evaluated_at is null
              and petition_id = (select o.petition_id from opinion o where o.id = :opinion)
              and :opinion = (select min(f.id) from opinion f
                              where f.petition_id = case_metric.petition_id and f.kind = 'HANDLING')
            """)
        .param("at", at)
        .param("satisfaction", satisfaction.name())
        .param("opinion", opinionId)
        .update();
  }

  /** The petitioner asked for review (复查) of the reply. */
  public void appealed(String caseNumber) {
    jdbc.sql("update case_metric set appealed = true where case_number = ?")
        .param(caseNumber)
        .update();
  }

  /**
   * 并单: the petition was merged into the open case {@code intoCaseNumber}. The metrics count the
   * matter once, as that case: the merged petition leaves every cohort, and the petition it
   * repeated counts as repeated only if another, unmerged petition still repeats it.
   */
  public void recordMerge(long petitionId, String intoCaseNumber) {
    jdbc.sql("update case_metric set merged_into = ? where petition_id = ?")
        .params(intoCaseNumber, petitionId)
        .update();
    List<String> repeated =
        jdbc.sql(
                "select repeat_of from case_metric where petition_id = ? and repeat_of is not null")
            .param(petitionId)
            .query(String.class)
            .list();
    repeated.forEach(this::refreshRepeated);
  }

  /** Whether an unmerged later petition still repeats {@code caseNumber}. */
  private void refreshRepeated(String caseNumber) {
    jdbc.sql(
            """
            update case_metric set repeated = exists (
                select 1 from case_metric r where r.repeat_of = case_metric.case_number
                  and r.merged_into is null)
            where case_number = ?
            """)
        .param(caseNumber)
        .update();
  }
}
