package cn.xinfang.calendar;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rest days that 《全国年节及纪念日放假办法》 itself gives every citizen (全体公民放假的节日), as amended with effect
 * from 2025-01-01, computed for a year without the State Council's yearly notice:
 *
 * <ul>
 *   <li>元旦: 1 January;
 *   <li>春节: 4 days, 除夕 (the last day of the lunar year) and 正月初一 to 初三;
 *   <li>清明节: the day of the solar term 清明 (the sun at 15°, Beijing time);
 *   <li>劳动节: 1 and 2 May;
 *   <li>端午节: the 5th day of the 5th lunar month;
 *   <li>中秋节: the 15th day of the 8th lunar month;
 *   <li>国庆节: 1 to 3 October.
 * </ul>
 *
 * <p>What the notice adds cannot be computed: the 调休 (weekend days worked and the weekdays rested
 * in exchange) and the day in lieu (补假) of a holiday that falls on a weekend, which the law
 * requires but leaves to the notice to place. A year computed here therefore has the law's holidays
 * and plain weekends only.
 *
 * <p>Lunar dates come from ICU4J's {@link ChineseCalendar} (public API only), corrected where its
 * approximation of the moon differs from the official calendar ({@link #NEW_YEAR_CORRECTIONS}); 清明
 * comes from {@link SolarTerms}. Every date of every year of {@link #FIRST_YEAR}–{@link #LAST_YEAR}
 * is checked against the published tables ({@code StatutoryHolidaysTest}); other years are not
 * computed: before 2025 the law gave fewer days, after 2100 nothing has been checked.
 */
final class StatutoryHolidays {

  /** The amended 放假办法 is in force from 2025-01-01. */
  static final int FIRST_YEAR = 2025;

  /** The last year checked against the published tables. */
  static final int LAST_YEAR = 2100;

  /** How the computed days are named in messages and logs. */
  static final String LAW = "全国年节及纪念日放假办法";

  /**
   * 正月初一 where ICU4J (up to 79.1 at least) is one day off because its approximation of the moon
   * puts a new moon that falls within minutes of midnight in Beijing on the wrong day: the
   * published calendar (e.g. the Hong Kong Observatory's tables, in UTC+8 like Beijing) has
   * 2027-02-06 (ICU: 02-07) and 2030-02-03 (ICU: 02-02). {@code StatutoryHolidaysTest} checks that
   * ICU differs in exactly these years of the range, so a release of ICU that fixes them is noticed
   * and the entries can go.
   */
  static final Map<Integer, LocalDate> NEW_YEAR_CORRECTIONS =
      Map.of(
          2027, LocalDate.of(2027, 2, 6),
          2030, LocalDate.of(2030, 2, 3));

  private static final long JULIAN_DAY_OF_EPOCH_DAY_ZERO = 2_440_588L;

  private StatutoryHolidays() {}

  /** True if the statutory holidays of {@code year} are computed. */
  static boolean covers(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /**
   * Every statutory rest day of {@code year}, in order, with its holiday's name (two names joined
   * by "、" in the order of the law where two holidays fall on one day: "中秋节、国庆节" on 3 October
   * 2028).
   *
   * @throws IllegalArgumentException if the year is not {@linkplain #covers covered}
   */
  static SortedMap<LocalDate, String> of(int year) {
    if (!covers(year)) {
      throw new IllegalArgumentException(
          "Statutory holidays are computed for "
              + FIRST_YEAR
              + "–"
              + LAST_YEAR
              + " only, not "
              + year);
    }
    SortedMap<LocalDate, String> days = new TreeMap<>();
    add(days, "元旦", LocalDate.of(year, Month.JANUARY, 1), 1);
    add(days, "春节", lunarNewYear(year).minusDays(1), 4);
    add(days, "清明节", SolarTerms.qingming(year), 1);
    add(days, "劳动节", LocalDate.of(year, Month.MAY, 1), 2);
    add(days, "端午节", lunarDate(year, 5, 5), 1);
    add(days, "中秋节", lunarDate(year, 8, 15), 1);
    add(days, "国庆节", LocalDate.of(year, Month.OCTOBER, 1), 3);
    return Collections.unmodifiableSortedMap(days);
  }

  /** 正月初一 of the lunar year that begins in {@code year} (January 21 to February 20). */
  static LocalDate lunarNewYear(int year) {
    LocalDate corrected = NEW_YEAR_CORRECTIONS.get(year);
    return corrected != null ? corrected : icuLunarDate(year, 1, 1);
  }

  /**
   * The day of {@code month}/{@code day} (not a leap month) of the lunar year that begins in {@code
   * year}, as the official calendar has it.
   */
  static LocalDate lunarDate(int year, int month, int day) {
    if (month == 1 && NEW_YEAR_CORRECTIONS.containsKey(year)) {
      return lunarNewYear(year).plusDays(day - 1L);
    }
    return icuLunarDate(year, month, day);
  }

  /**
   * ICU4J's day of {@code month}/{@code day} (not a leap month) of the lunar year that begins in
   * {@code year}, uncorrected.
   */
  static LocalDate icuLunarDate(int year, int month, int day) {
    ChineseCalendar chinese = new ChineseCalendar(TimeZone.GMT_ZONE, ULocale.ROOT);
    // The lunar year in progress on 1 June is the one that began in this Gregorian year; its
    // EXTENDED_YEAR is taken from ICU rather than computed, as ICU versions number it differently.
    chinese.setTimeInMillis(LocalDate.of(year, Month.JUNE, 1).toEpochDay() * 86_400_000L);
    int lunarYear = chinese.get(Calendar.EXTENDED_YEAR);
    chinese.clear();
    chinese.set(Calendar.EXTENDED_YEAR, lunarYear);
    chinese.set(Calendar.MONTH, month - 1);
    chinese.set(ChineseCalendar.IS_LEAP_MONTH, 0);
    chinese.set(Calendar.DAY_OF_MONTH, day);
    LocalDate date =
        LocalDate.ofEpochDay(chinese.get(Calendar.JULIAN_DAY) - JULIAN_DAY_OF_EPOCH_DAY_ZERO);
    if (chinese.get(Calendar.MONTH) != month - 1
        || chinese.get(ChineseCalendar.IS_LEAP_MONTH) != 0
        || chinese.get(Calendar.DAY_OF_MONTH) != day
        || date.getYear() != year) {
      throw new IllegalStateException(
          "ICU4J gave "
              + date
              + " for lunar "
              + month
              + "/"
              + day
              + " of the year beginning in "
              + year);
    }
    return date;
  }

  private static void add(SortedMap<LocalDate, String> days, String name, LocalDate first, int n) {
    for (int i = 0; i < n; i++) {
      days.merge(first.plusDays(i), name, (a, b) -> a + "、" + b);
    }
  }
}
