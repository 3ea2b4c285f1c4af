package cn.xinfang.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Which days are working days in mainland China, and how statutory periods are counted over them.
 *
 * <p>Legal basis:
 *
 * <ul>
 *   <li>民法典 Art. 201: a period counted in days starts on the next day — the start day is not
 *       counted.
 *   <li>民法典 Art. 203: if the last day is a statutory rest day (法定休假日), the period ends on the day
 *       after the rest day ends, i.e. on the next working day; the last day ends at 24:00.
 *   <li>信访工作条例 Art. 22/23/34 and others set the periods themselves, some in days, some in 工作日.
 * </ul>
 *
 * <p>A statutory rest day is a Saturday or Sunday that is not a 调休上班 day, or a day of a public
 * holiday announced by the State Council. Those announcements change every year, so they are data
 * ({@code holidays-YYYY.yaml}, see {@link HolidayFiles}), not code. A year without a file falls
 * back to weekends only, with a WARN, so that a deadline far in the future can still be shown; it
 * will be off by the holidays of that year until someone adds the file.
 *
 * <p>Immutable after construction and safe for concurrent use.
 */
@Component
public class StatutoryCalendar {

  /** Deadlines are legal times in China, whatever the server's zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private static final Logger log = LoggerFactory.getLogger(StatutoryCalendar.class);

  private final Map<Integer, HolidayYear> years;
  private final Set<Integer> warnedMissingYears = ConcurrentHashMap.newKeySet();

  /**
   * Spring: loads the shipped files and those in {@code petition.calendar.directory}; a bad file
   * fails start-up.
   */
  @Autowired
  public StatutoryCalendar(DeadlineProperties properties, ResourceLoader resourceLoader) {
    this(
        HolidayFiles.load(
            new PathMatchingResourcePatternResolver(resourceLoader),
            properties.calendar().directory()));
  }

  /**
   * A calendar over the given years (at most one entry per year); other years count weekends only.
   */
  public StatutoryCalendar(Collection<HolidayYear> years) {
    Map<Integer, HolidayYear> byYear = new TreeMap<>();
    for (HolidayYear year : years) {
      if (byYear.putIfAbsent(year.year(), year) != null) {
        throw new IllegalArgumentException("Holidays for " + year.year() + " given twice");
      }
    }
    this.years = Map.copyOf(byYear);
  }

  /**
   * Outside Spring (tests, tools): the calendar from the shipped files plus those in {@code
   * directory} (may be null), with the same checks as at start-up.
   */
  public static StatutoryCalendar load(String directory) {
    return new StatutoryCalendar(HolidayFiles.load(directory));
  }

  /** The day of an instant in Beijing, as notices and messages write it: 2026年9月28日. */
  public static String chineseDay(Instant instant) {
    return CHINESE_DAY.format(instant.atZone(ZONE));
  }

  /** True unless {@code day} is a holiday, or a weekend day that is not an adjusted working day. */
  public boolean isWorkingDay(LocalDate day) {
    HolidayYear year = years.get(day.getYear());
    if (year == null) {
      if (warnedMissingYears.add(day.getYear())) {
        log.warn(
            "No holiday calendar for {}: counting weekends only for that year. "
                + "Add calendar/holidays-{}.yaml once the State Council has published the arrangement.",
            day.getYear(),
            day.getYear());
      }
      return !isWeekend(day);
    }
    if (year.adjustedWorkingDays().contains(day)) {
      return true;
    }
    return !year.restDays().contains(day) && !isWeekend(day);
  }

  /**
   * The last day of a period of {@code days} calendar days from {@code start} (民法典 Art. 201/203):
   * the start day is not counted, and a last day that is a rest day moves to the next working day.
   * With {@code days == 0} the start day itself is the last day, moved the same way.
   */
  public LocalDate plusCalendarDays(LocalDate start, int days) {
    requireNotNegative(days);
    LocalDate day = start.plusDays(days);
    while (!isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /**
   * The last day of a period of {@code days} working days from {@code start}: only working days
   * after the start day are counted, so the result is always a working day (for {@code days == 0}:
   * {@code start}).
   */
  public LocalDate plusWorkingDays(LocalDate start, int days) {
    requireNotNegative(days);
    LocalDate day = start;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }

  /** The last day of a period counted as {@code count} says. */
  public LocalDate plus(LocalDate start, int days, DayCount count) {
    return switch (count) {
      case CALENDAR_DAYS -> plusCalendarDays(start, days);
      case WORKING_DAYS -> plusWorkingDays(start, days);
    };
  }

  static boolean isWeekend(LocalDate day) {
    DayOfWeek dow = day.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }

  private static void requireNotNegative(int days) {
    if (days < 0) {
      throw new IllegalArgumentException(
          "A statutory period cannot be negative: " + days + " days");
    }
  }
}
