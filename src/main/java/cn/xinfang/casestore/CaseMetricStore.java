package cn.xinfang.casestore;

import cn.xinfang.calendar.StatutoryCalendar;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The facts the metrics are computed from (table case_metric, one row per petition), written as the
 * case moves, in the transaction of the step that moves it. docs/metrics.md defines what each
 * column means for each metric.
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
   * {@code receivedAt}, not merged into another case; empty for an initial petition.
   */
  public Optional<String> earlierPetition(
      String petitionerKey, OffsetDateTime receivedAt, long exceptPetitionId) {
    return jdbc.sql(
            """
            select case_number from case_metric
            where petitioner_key = :key and received_at >= :since and received_at <= :receivedAt
              and petition_id <> :self and merged_into is null
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
   * 并单: the petition was merged into {@code intoCaseNumber} and counts once, as that case. (The
   * metrics' version also recomputes the {@code repeated} flag of the case it repeated.)
   */
  public void recordMerge(long petitionId, String intoCaseNumber) {
    jdbc.sql("update case_metric set merged_into = :into where petition_id = :id")
        .param("into", intoCaseNumber)
        .param("id", petitionId)
        .update();
  }
}
