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

  private List<String> warnings() {
    return logged.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Test
  void yearWithoutFileCountsTheHolidaysOfTheLawAndWarnsOncePerYear() {
    StatutoryCalendar empty = new StatutoryCalendar(List.of());

    assertThat(empty.isWorkingDay(d("2026-10-01"))).isFalse(); // 国庆, by law
    assertThat(empty.isWorkingDay(d("2026-10-05"))).isTrue(); // Monday; a rest day by notice only
    assertThat(empty.isWorkingDay(d("2026-10-10"))).isFalse(); // Saturday; no 调休 data
    assertThat(empty.isWorkingDay(d("2027-01-01"))).isFalse(); // 元旦
    assertThat(empty.isWorkingDay(d("2027-01-04"))).isTrue();
    empty.plusCalendarDays(d("2026-12-01"), 60);

    assertThat(empty.computedYears()).containsExactly(2026, 2027);
    assertThat(warnings())
        .hasSize(2)
        .anySatisfy(m -> assertThat(m).contains("for 2026").contains("调休"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("for 2027")
                    .contains("全国年节及纪念日放假办法")
                    .contains("调休")
                    .contains("补假")
                    .contains("holidays-2027.yaml")
                    .contains("2027-02-05=春节"));
  }

  @Test
  void aDeadlineOnNewYearsDay2027MovesToMonday() {
    // 2026-12-17 + 15 = Fri 2027-01-01 (元旦); Sat 01-02, Sun 01-03: the period ends Mon 01-04.
    assertThat(calendar.plusCalendarDays(d("2026-12-17"), 15)).isEqualTo(d("2027-01-04"));
    assertThat(calendar.computedYears()).containsExactly(2027);
    assertThat(warnings())
        .singleElement()
        .asString()
        .contains("No holiday calendar file for 2027")
        .contains("调休");
  }

  @Test
  void springFestival2027IsRestWithoutTheNotice() {
    // 除夕 Fri 02-05 to 初三 Mon 02-08 are statutory; the notice's bridge days are not known.
    assertThat(calendar.isWorkingDay(d("2027-02-04"))).isTrue();
    assertThat(d("2027-02-05").datesUntil(d("2027-02-09"))).noneMatch(calendar::isWorkingDay);
    assertThat(calendar.isWorkingDay(d("2027-02-09"))).isTrue();
    // 15 days from Thu 2027-01-21 end on Fri 02-05, 除夕: moved to Tue 02-09.
    assertThat(calendar.plusCalendarDays(d("2027-01-21"), 15)).isEqualTo(d("2027-02-09"));
  }

  @ParameterizedTest(name = "{0} + {1} working days = {2}")
  @CsvSource({
    "2027-02-03, 5, 2027-02-12", // Thu 02-04, then 春节 02-05..02-08, then 02-09..02-12
    "2027-09-29, 5, 2027-10-07", // Thu 09-30, 国庆 10-01..10-03, then 10-04..10-07
    "2027-09-14, 1, 2027-09-16", // 中秋 Wed 09-15
    "2027-04-02, 1, 2027-04-06", // weekend, then 清明 Mon 04-05
    "2027-06-08, 2, 2027-06-11", // 端午 Wed 06-09
    "2026-12-30, 2, 2027-01-04", // Thu 12-31, then 元旦 Fri and the weekend, then Mon 01-04
  })
  void workingDaysSkipTheComputedHolidays(LocalDate start, int days, LocalDate expected) {
    assertThat(calendar.plusWorkingDays(start, days)).isEqualTo(expected);
  }

  @Test
  void twentyTwentySevenHas254WorkingDaysWithoutItsNotice() {
    // 365 days − 104 weekend days − 7 statutory days on weekdays (01-01, 02-05, 02-08, 04-05,
    // 06-09, 09-15, 10-01); the notice will move some of these by 调休.
    long working =
        d("2027-01-01").datesUntil(d("2028-01-01")).filter(calendar::isWorkingDay).count();
    assertThat(working).isEqualTo(254);
  }

  @Test
  void startUpReportsTheYearsTodaysDeadlinesReach() {
    // From 2026-11-01 15 days stay in 2026; from 2026-12-05 a 60-day period reaches into 2027.
    calendar.countFrom(
        d("2026-11-01"), List.of(new DeadlineProperties.Deadline(15, DayCount.CALENDAR_DAYS)));
    assertThat(warnings()).isEmpty();
    calendar.countFrom(
        d("2026-12-05"),
        List.of(
            new DeadlineProperties.Deadline(15, DayCount.CALENDAR_DAYS),
            new DeadlineProperties.Deadline(60, DayCount.CALENDAR_DAYS),
            new DeadlineProperties.Deadline(10, DayCount.WORKING_DAYS)));
    assertThat(calendar.computedYears()).containsExactly(2027);
    assertThat(warnings()).singleElement().asString().contains("2027");
  }

  @Test
  void aYearOutsideTheComputedSpanCountsWeekendsOnly() {
    assertThat(calendar.isWorkingDay(d("2101-01-01"))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(d("2101-10-03"))).isTrue(); // Monday; 国庆 not computed
    assertThat(calendar.isWorkingDay(d("2024-10-01"))).isTrue(); // before the amended law
    assertThat(calendar.computedYears()).isEmpty();
    assertThat(warnings())
        .hasSize(2)
        .allSatisfy(m -> assertThat(m).contains("weekends only").contains("2025–2100"));
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
