package cn.xinfang.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rest days and adjusted working days of one year, as read from one {@code holidays-YYYY.yaml}
 * file or, for a year without a file, computed from the law.
 *
 * @param year the calendar year described
 * @param basis whether the days are the State Council's whole arrangement or the law's holidays
 *     plus what a file adds
 * @param restDays every day of every holiday (法定节假日), weekends inside a holiday included
 * @param adjustedWorkingDays weekend days that are working days by 调休 (调休上班日)
 * @param source where the data came from, for log and error messages
 */
public record HolidayYear(
    int year,
    Basis basis,
    Set<LocalDate> restDays,
    Set<LocalDate> adjustedWorkingDays,
    String source) {

  /** What a year's days are built on ({@code basis:} in a holiday file). */
  public enum Basis {
    /**
     * The State Council's notice: the file lists every rest day and adjusted working day of the
     * year (the default, and the meaning of every file written before {@code basis} existed).
     */
    NOTICE,

    /**
     * The law: the holidays of 《全国年节及纪念日放假办法》 are computed ({@link StatutoryHolidays}), and a file,
     * if any, adds rest days and adjusted working days to them.
     */
    STATUTORY
  }

  public HolidayYear {
    Objects.requireNonNull(basis, "basis");
    restDays = Collections.unmodifiableSet(new TreeSet<>(restDays));
    adjustedWorkingDays = Collections.unmodifiableSet(new TreeSet<>(adjustedWorkingDays));
  }

  /** A year given in full, as the State Council's notice gives it ({@link Basis#NOTICE}). */
  public HolidayYear(
      int year, Set<LocalDate> restDays, Set<LocalDate> adjustedWorkingDays, String source) {
    this(year, Basis.NOTICE, restDays, adjustedWorkingDays, source);
  }
}
