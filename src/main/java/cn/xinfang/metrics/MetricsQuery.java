package cn.xinfang.metrics;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The metrics of one cohort in one grouped statement over case_metric (portable SQL: H2 and
 * PostgreSQL), each count a {@code sum(case when … then 1 else 0 end)}. The cohort is the petitions
 * received in [start, end) that were not merged into another case; every "past due" is measured
 * against {@code now}. docs/metrics.md defines each count; the index on received_at serves the
 * range (docs/metrics.md, "Scale").
 */
@Repository
class MetricsQuery {

  /** One group's counts, in the order of the statement's columns. */
  record Counts(
      String key,
      long registered,
      long triagedOnTime,
      long triagedLate,
      long triageOverdue,
      long acceptedOnTime,
      long acceptedLate,
      long acceptanceOverdue,
      long concludedOnTime,
      long concludedLate,
      long completionOverdue,
      long evaluated,
      long evaluationExpired,
      long satisfied,
      long repeatPetitions,
      long initialClosed,
      long resolvedFirstTime) {}

  private static final String COUNTS =
      """
      count(*),
      sum(case when triaged_at <= triage_due then 1 else 0 end),
      sum(case when triaged_at > triage_due then 1 else 0 end),
      sum(case when triaged_at is null and triage_due < :now then 1 else 0 end),
      sum(case when accepted_at <= acceptance_due then 1 else 0 end),
      sum(case when accepted_at > acceptance_due then 1 else 0 end),
      sum(case when accepted_at is null and acceptance_due < :now then 1 else 0 end),
      sum(case when concluded_at <= handling_due then 1 else 0 end),
      sum(case when concluded_at > handling_due then 1 else 0 end),
      sum(case when concluded_at is null and handling_due < :now then 1 else 0 end),
      sum(case when evaluated_at is not null then 1 else 0 end),
      sum(case when evaluated_at is null and evaluation_due < :now then 1 else 0 end),
      sum(case when satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED') then 1 else 0 end),
      sum(case when repeat_of is not null then 1 else 0 end),
      sum(case when repeat_of is null and closed_at is not null then 1 else 0 end),
      sum(case when repeat_of is null and closed_at is not null and repeated = false
               and appealed = false then 1 else 0 end)
      """;

  private final JdbcClient jdbc;

  MetricsQuery(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The groups of the cohort in key order; by=city always answers its one row. */
  List<Counts> counts(Dimension by, OffsetDateTime start, OffsetDateTime end, OffsetDateTime now) {
    String sql =
        "select "
            + by.column()
            + " as group_key, "
            + COUNTS
            + " from case_metric where received_at >= :start and received_at < :end"
            + " and merged_into is null"
            + (by == Dimension.CITY ? "" : " group by " + by.column() + " order by " + by.column());
    return jdbc.sql(sql)
        .param("start", start)
        .param("end", end)
        .param("now", now)
        .query(
            (rs, n) ->
                new Counts(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getLong(11),
                    rs.getLong(12),
                    rs.getLong(13),
                    rs.getLong(14),
                    rs.getLong(15),
                    rs.getLong(16),
                    rs.getLong(17)))
        .list();
  }
}
