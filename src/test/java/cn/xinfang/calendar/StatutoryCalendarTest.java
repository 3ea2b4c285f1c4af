package cn.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** Counting rules of 民法典 Art. 201/203 over the shipped 2026 holiday file. */
class StatutoryCalendarTest {

  /** The calendar as the application builds it: shipped files only. */
  private final StatutoryCalendar calendar = StatutoryCalendar.load(null);

  private final Logger calendarLog = (Logger) LoggerFactory.getLogger(StatutoryCalendar.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    calendarLog.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    calendarLog.detachAppender(logged);
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void deadlineOnNationalDayMovesToNextWorkingDay() {
    // Received Sun 2026-09-20; day 15 is Mon 10-05, inside 国庆 10-01..10-07, so the period ends Thu
    // 10-08.
    assertThat(calendar.plusCalendarDays(d("2026-09-20"), 15)).isEqualTo(d("2026-10-08"));
  }

  @Test
  void deadlineOnAdjustedWorkingSaturdayStaysThere() {
    // Received Fri 2026-01-30; day 15 is Sat 02-14, a 调休上班 day, hence a working day.
    assertThat(calendar.plusCalendarDays(d("2026-01-30"), 15)).isEqualTo(d("2026-02-14"));
  }

  @Test
  void workingDaysSkipMidAutumnAndNationalDayButCountAdjustedSaturday() {
    // Accepted Thu 2026-09-24: 9-28, 9-29, 9-30, 10-08, 10-09, Sat 10-10, 10-12, 10-13, 10-14,
    // 10-15.
    assertThat(calendar.plusWorkingDays(d("2026-09-24"), 10)).isEqualTo(d("2026-10-15"));
  }

  @ParameterizedTest(name = "{0} + 5 working days = {1}")
  @CsvSource({
    "2026-03-02, 2026-03-09", // Mon → next Mon, plain week
    "2026-03-06, 2026-03-13", // Fri → next Fri, the weekend is skipped
    "2026-04-02, 2026-04-10", // Thu before 清明 04-04..04-06
    "2026-04-30, 2026-05-11", // over 劳动节, counting Sat 05-09
    "2026-02-13, 2026-02-27", // Sat 02-14 counts, 春节 02-15..02-23 does not
    "2026-03-07, 2026-03-13", // started on a Saturday: counting begins Monday
  })
  void fiveWorkingDaysCountOnlyWorkingDaysAfterTheStartDay(LocalDate start, LocalDate expected) {
    assertThat(calendar.plusWorkingDays(start, 5)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} + {1} days lands on a weekend, ends {2}")
  @CsvSource({
    "2026-03-04, 10, 2026-03-16", // Sat 03-14 → Mon
    "2026-03-06,  9, 2026-03-16", // Sun 03-15 → Mon
    "2026-11-20, 15, 2026-12-07", // Sat 12-05 → Mon
  })
  void deadlineOnPlainWeekendMovesToMonday(LocalDate start, int days, LocalDate expected) {
    LocalDate plain = start.plusDays(days);
    assertThat(plain.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(calendar.plusCalendarDays(start, days)).isEqualTo(expected);
  }

  @Test
  void deadlineOnAWorkingDayIsNotMoved() {
    assertThat(calendar.plusCalendarDays(d("2026-03-02"), 3)).isEqualTo(d("2026-03-05"));
  }

  @Test
  void startDayIsNotCounted() {
    assertThat(calendar.plusCalendarDays(d("2026-03-02"), 1)).isEqualTo(d("2026-03-03"));
    assertThat(calendar.plusWorkingDays(d("2026-03-02"), 1)).isEqualTo(d("2026-03-03"));
  }

  @Test
  void springFestivalRestMovesADeadlineToTheFirstDayAfterIt() {
    // 2026-02-01 + 15 = Mon 02-16, inside 春节 02-15..02-23 → Tue 02-24.
    assertThat(calendar.plusCalendarDays(d("2026-02-01"), 15)).isEqualTo(d("2026-02-24"));
  }

  @Test
  void deadlineOnNewYearsDayRestMovesToTheAdjustedSunday() {
    // 2025-12-17 + 15 = Thu 2026-01-01 (元旦); 01-02, 01-03 rest too; Sun 01-04 is 调休上班.
    assertThat(calendar.plusCalendarDays(d("2025-12-17"), 15)).isEqualTo(d("2026-01-04"));
  }

  @ParameterizedTest(name = "{0} working day: {1}")
  @CsvSource({
    "2026-01-01, false", // 元旦
    "2026-01-04, true", // Sun, 调休上班
    "2026-02-14, true", // Sat, 调休上班
    "2026-02-23, false", // Mon, last day of 春节
    "2026-02-24, true",
    "2026-02-28, true", // Sat, 调休上班
    "2026-04-06, false", // Mon, 清明
    "2026-05-09, true", // Sat, 调休上班
    "2026-06-19, false", // Fri, 端午
    "2026-09-20, true", // Sun, 调休上班
    "2026-09-25, false", // Fri, 中秋
    "2026-10-05, false", // Mon, 国庆
    "2026-10-10, true", // Sat, 调休上班
    "2026-10-11, false", // plain Sunday
    "2026-03-07, false", // plain Saturday
    "2026-03-09, true", // plain Monday
  })
  void knowsTheWorkingDaysOf2026(LocalDate day, boolean working) {
    assertThat(calendar.isWorkingDay(day)).isEqualTo(working);
  }

  @Test
  void twentyTwentySixHas248WorkingDays() {
    // 365 days − 104 weekend days − 19 weekday holidays + 6 adjusted working days.
    long working =
        d("2026-01-01").datesUntil(d("2027-01-01")).filter(calendar::isWorkingDay).count();
    assertThat(working).isEqualTo(248);
  }

  @Test
  void plusDispatchesOnTheDayCount() {
    assertThat(calendar.plus(d("2026-09-20"), 15, DayCount.CALENDAR_DAYS))
        .isEqualTo(d("2026-10-08"));
    assertThat(calendar.plus(d("2026-09-24"), 10, DayCount.WORKING_DAYS))
        .isEqualTo(d("2026-10-15"));
  }

  @Test
  void zeroDaysEndOnTheStartDayOrTheNextWorkingDay() {
    assertThat(calendar.plusWorkingDays(d("2026-10-01"), 0)).isEqualTo(d("2026-10-01"));
    assertThat(calendar.plusCalendarDays(d("2026-10-01"), 0)).isEqualTo(d("2026-10-08"));
  }

  @Test
  void negativePeriodIsRejected() {
    assertThatThrownBy(() -> calendar.plusCalendarDays(d("2026-03-02"), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.plusWorkingDays(d("2026-03-02"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void yearWithoutFileCountsWeekendsOnlyAndWarnsOncePerYear() {
    StatutoryCalendar empty = new StatutoryCalendar(List.of());

    assertThat(empty.isWorkingDay(d("2026-10-01"))).isTrue(); // Thursday; no holiday data
    assertThat(empty.isWorkingDay(d("2026-10-03"))).isFalse(); // Saturday
    assertThat(empty.isWorkingDay(d("2026-10-10"))).isFalse(); // Saturday; no 调休 data either
    assertThat(empty.isWorkingDay(d("2027-01-01"))).isTrue(); // Friday

    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("2026"))
        .anySatisfy(m -> assertThat(m).contains("2027"));
  }

  @Test
  void periodRunningIntoAYearWithoutFileUsesWeekendsThere() {
    // 2026-12-24 + 10 = Sun 2027-01-03; no 2027 file yet, so Mon 2027-01-04.
    assertThat(calendar.plusCalendarDays(d("2026-12-24"), 10)).isEqualTo(d("2027-01-04"));
    assertThat(logged.list)
        .filteredOn(e -> e.getLevel() == Level.WARN)
        .singleElement()
        .extracting(ILoggingEvent::getFormattedMessage)
        .asString()
        .contains("2027");
  }

  @Test
  void yearWithFileDoesNotWarn() {
    calendar.plusCalendarDays(d("2026-03-02"), 60);
    assertThat(logged.list).noneMatch(e -> e.getLevel() == Level.WARN);
  }

  @Test
  void sameYearTwiceIsRejected() {
    HolidayYear a = new HolidayYear(2026, java.util.Set.of(), java.util.Set.of(), "a");
    HolidayYear b = new HolidayYear(2026, java.util.Set.of(), java.util.Set.of(), "b");
    assertThatThrownBy(() -> new StatutoryCalendar(List.of(a, b)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026");
  }
}
