package cn.xinfang.calendar;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The State Council's holiday arrangement for one year, as read from one {@code holidays-YYYY.yaml}
 * file.
 *
 * @param year the calendar year the file describes
 * @param restDays every day of every statutory holiday (法定节假日), weekends inside a holiday included
 * @param adjustedWorkingDays weekend days that are working days by 调休 (调休上班日)
 * @param source where the data came from, for log and error messages
 */
public record HolidayYear(
    int year, Set<LocalDate> restDays, Set<LocalDate> adjustedWorkingDays, String source) {

  public HolidayYear {
    restDays = Collections.unmodifiableSet(new TreeSet<>(restDays));
    adjustedWorkingDays = Collections.unmodifiableSet(new TreeSet<>(adjustedWorkingDays));
  }
}
