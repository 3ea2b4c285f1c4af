package cn.xinfang.metrics;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.web.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The period a figure of 网上判 covers: petitions received from {@code first} to {@code last}, Beijing
 * dates, both included. One rule for /api/metrics and the dashboard's figures (docs/metrics.md):
 * without {@code to} today, without {@code from} the first day of the month eleven months before
 * {@code to} (twelve calendar months), at most {@link #MAX_YEARS} years.
 */
public record ReportPeriod(LocalDate first, LocalDate last) {

  /** The longest period one request may ask for. */
  public static final int MAX_YEARS = 5;

  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** The period the parameters name; a Chinese 400 naming the parameter when they are not one. */
  public static ReportPeriod of(String from, String to, Clock clock) {
    LocalDate today = LocalDate.now(clock.withZone(StatutoryCalendar.ZONE));
    LocalDate last = to == null ? today : day("to", to);
    LocalDate first = from == null ? last.minusMonths(11).withDayOfMonth(1) : day("from", from);
    if (first.isAfter(last)) {
      throw new InvalidInputException("from", "起始日期 from 不能晚于截止日期 to");
    }
    if (last.isAfter(first.plusYears(MAX_YEARS).minusDays(1))) {
      throw new InvalidInputException("to", "统计区间不能超过 " + MAX_YEARS + " 年");
    }
    return new ReportPeriod(first, last);
  }

  /** The first moment of the period. */
  public OffsetDateTime start() {
    return first.atStartOfDay(StatutoryCalendar.ZONE).toOffsetDateTime();
  }

  /** The first moment after the period. */
  public OffsetDateTime end() {
    return last.plusDays(1).atStartOfDay(StatutoryCalendar.ZONE).toOffsetDateTime();
  }

  /** A Beijing date, exactly YYYY-MM-DD. */
  private static LocalDate day(String field, String value) {
    if (DAY.matcher(value).matches()) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        // an impossible day, e.g. 2026-02-30: as malformed
      }
    }
    throw new InvalidInputException(field, "日期 " + field + " 应为 YYYY-MM-DD 格式的有效日期，例如 2026-09-01");
  }
}
