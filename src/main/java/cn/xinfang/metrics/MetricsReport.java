package cn.xinfang.metrics;

import java.util.List;

/**
 * The answer of {@code GET /api/metrics}: the cohort's dates (Beijing), the grouping, and one row
 * per group. docs/metrics.md defines every field; docs/api.md shows an example.
 */
record MetricsReport(String from, String to, String by, List<Row> rows) {

  /**
   * One group: its key (unit group id, district, YYYY-MM, or "city") and Chinese label, the
   * cohort's size, and for each metric its numerator, what makes up its denominator, and the rate
   * (a fraction 0–1, null when nothing is due yet).
   */
  record Row(
      String key,
      String label,
      long registered,
      // 及时分流率
      long triagedOnTime,
      long triagedLate,
      long triageOverdue,
      long triageDue,
      Double timelyTriageRate,
      // 及时受理率
      long acceptedOnTime,
      long acceptedLate,
      long acceptanceOverdue,
      long acceptanceDue,
      Double timelyAcceptanceRate,
      // 按期办结率
      long concludedOnTime,
      long concludedLate,
      long completionOverdue,
      long completionDue,
      Double onTimeCompletionRate,
      // 参评率
      long evaluated,
      long evaluationExpired,
      long evaluationDue,
      Double participationRate,
      // 满意率 (over evaluated)
      long satisfied,
      Double satisfactionRate,
      // 重复信访率 (over registered)
      long repeatPetitions,
      Double repeatPetitionRate,
      // 一次性化解率
      long resolvedFirstTime,
      long initialClosed,
      Double firstTimeResolutionRate) {

    static Row of(MetricsQuery.Counts c, String label) {
      long triageDue = c.triagedOnTime() + c.triagedLate() + c.triageOverdue();
      long acceptanceDue = c.acceptedOnTime() + c.acceptedLate() + c.acceptanceOverdue();
      long completionDue = c.concludedOnTime() + c.concludedLate() + c.completionOverdue();
      long evaluationDue = c.evaluated() + c.evaluationExpired();
      return new Row(
          c.key(),
          label,
          c.registered(),
          c.triagedOnTime(),
          c.triagedLate(),
          c.triageOverdue(),
          triageDue,
          rate(c.triagedOnTime(), triageDue),
          c.acceptedOnTime(),
          c.acceptedLate(),
          c.acceptanceOverdue(),
          acceptanceDue,
          rate(c.acceptedOnTime(), acceptanceDue),
          c.concludedOnTime(),
          c.concludedLate(),
          c.completionOverdue(),
          completionDue,
          rate(c.concludedOnTime(), completionDue),
          c.evaluated(),
          c.evaluationExpired(),
          evaluationDue,
          rate(c.evaluated(), evaluationDue),
          c.satisfied(),
          rate(c.satisfied(), c.evaluated()),
          c.repeatPetitions(),
          rate(c.repeatPetitions(), c.registered()),
          c.resolvedFirstTime(),
          c.initialClosed(),
          rate(c.resolvedFirstTime(), c.initialClosed()));
    }

    /** numerator ÷ denominator; null when nothing is due. */
    static Double rate(long numerator, long denominator) {
      return denominator == 0 ? null : (double) numerator / denominator;
    }
  }
}
