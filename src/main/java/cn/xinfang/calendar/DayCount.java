package cn.xinfang.calendar;

/**
 * How a statutory period of "N days" is counted.
 *
 * <p>The 信访工作条例 uses both kinds: most periods are plain days (日), which 民法典 Art. 201/203 says are
 * calendar days whose last day rolls forward past a rest day; a few (e.g. the 5-day objection
 * period, the simplified procedure) are stated as 工作日, which skip every rest day.
 */
public enum DayCount {

  /**
   * Calendar days after the start day; if the last one is a rest day the period ends on the next
   * working day.
   */
  CALENDAR_DAYS,

  /** Only working days after the start day are counted. */
  WORKING_DAYS
}
