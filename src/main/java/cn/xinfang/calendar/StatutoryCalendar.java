package cn.xinfang.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
 * ({@code holidays-YYYY.yaml}, see {@link HolidayFiles}), not code. A year without a file (in
 * {@value StatutoryHolidays#FIRST_YEAR}–{@value StatutoryHolidays#LAST_YEAR}) gets the holidays the
 * law itself fixes ({@link StatutoryHolidays}), without the notice's 调休 and days in lieu, which
 * only the notice knows; the first time such a year is used (and at start for the years that the
 * configured periods reach from today) a WARN names it, once per year. A year outside that span
 * without a file counts weekends only, also with a WARN.
 *
 * <p>Safe for concurrent use: the files are read once at construction, and a year without a file is
 * computed once, when it is first used, and then kept.
 */
@Component
public class StatutoryCalendar {

  /** Deadlines are legal times in China, whatever the server's zone. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private static final Logger log = LoggerFactory.getLogger(StatutoryCalendar.class);

  /** The years with a holiday file. */
  private final Map<Integer, HolidayYear> years;

  /** The years without a file that have been used, computed (and warned about) once each. */
  private final Map<Integer, HolidayYear> yearsWithoutFile = new ConcurrentHashMap<>();

  /**
   * Spring: loads the shipped files and those in {@code petition.calendar.directory}; a bad file
   * fails start-up. Then every configured period is counted once from today (the application's
   * {@link Clock} if there is one), so that a year without a file that today's deadlines reach is
   * reported at start rather than when the first case needs it.
   */
  @Autowired
  public StatutoryCalendar(
      DeadlineProperties properties, ResourceLoader resourceLoader, ObjectProvider<Clock> clock) {
    this(
        HolidayFiles.load(
            new PathMatchingResourcePatternResolver(resourceLoader),
            properties.calendar().directory()));
    LocalDate today = LocalDate.now(clock.getIfAvailable(Clock::systemUTC).withZone(ZONE));
    countFrom(today, properties.deadlines().values());
  }

  /**
   * A calendar over the given years (at most one entry per year); other years get the law's
   * holidays, or weekends only outside {@value StatutoryHolidays#FIRST_YEAR}–{@value
   * StatutoryHolidays#LAST_YEAR}.
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
    HolidayYear year = year(day.getYear());
    if (year.adjustedWorkingDays().contains(day)) {
      return true;
    }
    return !year.restDays().contains(day) && !isWeekend(day);
  }

  /**
   * The years without a holiday file whose statutory holidays have been computed so far, each
   * reported once by a WARN: deadlines in them lack the State Council's 调休.
   */
  public SortedSet<Integer> computedYears() {
    SortedSet<Integer> computed = new TreeSet<>(yearsWithoutFile.keySet());
    computed.removeIf(y -> !StatutoryHolidays.covers(y));
    return Collections.unmodifiableSortedSet(computed);
  }

  /**
   * Counts every period once from {@code today}, so that the years they reach are loaded now and a
   * year without a file among them is reported.
   */
  void countFrom(LocalDate today, Collection<DeadlineProperties.Deadline> periods) {
    year(today.getYear());
    for (DeadlineProperties.Deadline period : periods) {
      plus(today, period.days(), period.count());
    }
  }

  /** The days of {@code year}: its file, else computed once from the law (or weekends only). */
  HolidayYear year(int year) {
    HolidayYear fromFile = years.get(year);
    return fromFile != null
        ? fromFile
        : yearsWithoutFile.computeIfAbsent(year, StatutoryCalendar::withoutFile);
  }

  private static HolidayYear withoutFile(int year) {
    if (StatutoryHolidays.covers(year)) {
      SortedMap<LocalDate, String> holidays = StatutoryHolidays.of(year);
      log.warn(
          "No holiday calendar file for {}: its statutory holidays are computed from {} without the"
              + " State Council's notice ({}). The notice's 调休 (weekend days worked, the bridge"
              + " days rested in exchange) and days in lieu (补假) of holidays on a weekend are"
              + " unknown, so deadlines in {} may be a day or more off until an administrator adds"
              + " holidays-{}.yaml to petition.calendar.directory ('basis: statutory' lets the file"
              + " list only those days).",
          year,
          StatutoryHolidays.LAW,
          holidays,
          year,
          year);
      return new HolidayYear(
          year,
          HolidayYear.Basis.STATUTORY,
          holidays.keySet(),
          Set.of(),
          "computed from " + StatutoryHolidays.LAW + ", no file");
    }
    log.warn(
        "No holiday calendar file for {}, and statutory holidays are computed for {}–{} only:"
            + " counting weekends only for that year. Add holidays-{}.yaml once the State Council"
            + " has published the arrangement.",
        year,
        StatutoryHolidays.FIRST_YEAR,
        StatutoryHolidays.LAST_YEAR,
        year);
    return new HolidayYear(year, Set.of(), Set.of(), "no file: weekends only");
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
