package cn.xinfang.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the named statutory clocks ({@code petition.deadlines}), for Java code and for BPMN
 * timer expressions such as {@code ${deadlines.dueDate('triage', receivedAt)}}.
 *
 * <p>The start day is the date of the start instant in Beijing time: a petition received at 01:00
 * on 2026-03-02 in Beijing (17:00 UTC the day before) starts its clock on 2026-03-02, as the
 * petitioner sees it. A period ends at the end of its last day (民法典 Art. 203: 24:00), written as
 * 23:59:59 +08:00 so that the instant still falls on that day.
 */
@Component("deadlines")
public class Deadlines {

  /** The last second of the last day; a timer set to it fires when the period has run out. */
  static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

  private final DeadlineProperties properties;
  private final StatutoryCalendar calendar;

  public Deadlines(DeadlineProperties properties, StatutoryCalendar calendar) {
    this.properties = properties;
    this.calendar = calendar;
  }

  /** 23:59:59 Beijing time of the last day of {@code clock} started at {@code start}. */
  public OffsetDateTime due(String clock, Instant start) {
    return lastDay(clock, start)
        .atTime(END_OF_DAY)
        .atZone(StatutoryCalendar.ZONE)
        .toOffsetDateTime();
  }

  /** {@link #due} as a {@link Date}, the type Camunda timers and Date process variables use. */
  public Date dueDate(String clock, Date start) {
    requireStart(clock, start);
    return Date.from(due(clock, start.toInstant()).toInstant());
  }

  /** The last day of {@code clock} started at {@code start}, counted in the Beijing calendar. */
  public LocalDate lastDay(String clock, Instant start) {
    return lastDay(clock, start, 0);
  }

  /**
   * The deadline of {@code clock} when {@code pausedDays} (in the clock's own unit) are not
   * counted, e.g. the days of a hearing during a re-review (《信访工作条例》第三十六条).
   */
  public Date dueDateExcluding(String clock, Date start, long pausedDays) {
    requireStart(clock, start);
    LocalDate last = lastDay(clock, start.toInstant(), Math.toIntExact(pausedDays));
    return endOf(last);
  }

  /**
   * A deadline moved by {@code days} counted the way {@code clock} counts, from the old deadline's
   * last day (an extension, Art. 34: the extended period starts after the original one ends).
   */
  public Date extend(String clock, Date due, long days) {
    requireStart(clock, due);
    DeadlineProperties.Deadline deadline = deadline(clock);
    LocalDate oldLastDay = LocalDate.ofInstant(due.toInstant(), StatutoryCalendar.ZONE);
    return endOf(calendar.plus(oldLastDay, Math.toIntExact(days), deadline.count()));
  }

  /** The most days {@code clock} allows (e.g. 30 for an extension). */
  public int maxDays(String clock) {
    return deadline(clock).days();
  }

  /**
   * How many days, in the unit {@code clock} counts, lie after the day of {@code from} up to and
   * including the day of {@code to} (0 when both fall on the same day in Beijing).
   */
  public long daysBetween(String clock, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, StatutoryCalendar.ZONE);
    LocalDate last = LocalDate.ofInstant(to, StatutoryCalendar.ZONE);
    return switch (deadline(clock).count()) {
      case CALENDAR_DAYS -> Math.max(0, ChronoUnit.DAYS.between(first, last));
      case WORKING_DAYS ->
          first.plusDays(1).datesUntil(last.plusDays(1)).filter(calendar::isWorkingDay).count();
    };
  }

  private LocalDate lastDay(String clock, Instant start, int extraDays) {
    DeadlineProperties.Deadline deadline = deadline(clock);
    if (start == null) {
      throw new IllegalArgumentException("No start time given for deadline '" + clock + "'");
    }
    LocalDate startDay = LocalDate.ofInstant(start, StatutoryCalendar.ZONE);
    return calendar.plus(startDay, deadline.days() + extraDays, deadline.count());
  }

  private static Date endOf(LocalDate lastDay) {
    return Date.from(lastDay.atTime(END_OF_DAY).atZone(StatutoryCalendar.ZONE).toInstant());
  }

  private static void requireStart(String clock, Date start) {
    if (start == null) {
      throw new IllegalArgumentException("No start time given for deadline '" + clock + "'");
    }
  }

  private DeadlineProperties.Deadline deadline(String clock) {
    DeadlineProperties.Deadline deadline = clock == null ? null : properties.deadlines().get(clock);
    if (deadline == null) {
      throw new IllegalArgumentException(
          "Unknown deadline clock '"
              + clock
              + "'; configured under "
              + "petition.deadlines: "
              + properties.deadlines().keySet());
    }
    return deadline;
  }
}
