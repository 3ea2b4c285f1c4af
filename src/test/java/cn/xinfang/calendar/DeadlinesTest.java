package cn.xinfang.calendar;

import static cn.xinfang.calendar.DayCount.CALENDAR_DAYS;
import static cn.xinfang.calendar.DayCount.WORKING_DAYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.calendar.DeadlineProperties.Deadline;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Named clocks → end of the last day in Beijing time. */
class DeadlinesTest {

  private static final StatutoryCalendar CALENDAR = StatutoryCalendar.load(null);

  /** The periods of application.yaml. */
  private final Deadlines deadlines =
      new Deadlines(
          new DeadlineProperties(
              Map.ofEntries(
                  Map.entry("triage", new Deadline(15, CALENDAR_DAYS)),
                  Map.entry("acceptance", new Deadline(15, CALENDAR_DAYS)),
                  Map.entry("objection", new Deadline(5, WORKING_DAYS)),
                  Map.entry("handling", new Deadline(60, CALENDAR_DAYS)),
                  Map.entry("simple-procedure", new Deadline(10, WORKING_DAYS)),
                  Map.entry("extension", new Deadline(30, CALENDAR_DAYS)),
                  Map.entry("review-request", new Deadline(30, CALENDAR_DAYS)),
                  Map.entry("re-review-decision", new Deadline(30, CALENDAR_DAYS))),
              null),
          CALENDAR);

  /** An instant given as Beijing local time. */
  private static Instant beijing(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(StatutoryCalendar.ZONE).toInstant();
  }

  @Test
  void triageReceivedOnAdjustedSundayIsDueAfterNationalDay() {
    OffsetDateTime due = deadlines.due("triage", beijing("2026-09-20T10:15:00"));
    assertThat(due).isEqualTo(OffsetDateTime.parse("2026-10-08T23:59:59+08:00"));
    assertThat(due.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
  }

  @Test
  void triageMayFallDueOnAnAdjustedWorkingSaturday() {
    assertThat(deadlines.due("triage", beijing("2026-01-30T09:00:00")))
        .isEqualTo(OffsetDateTime.parse("2026-02-14T23:59:59+08:00"));
  }

  @Test
  void aReviewWindowEndingOnNewYearsDay2027EndsOnMonday() {
    // Opinion delivered Wed 2026-12-02: day 30 is Fri 2027-01-01, 元旦 by law (no 2027 file yet),
    // then Sat and Sun: the window ends Mon 2027-01-04.
    assertThat(deadlines.lastDay("review-request", beijing("2026-12-02T15:00:00")))
        .isEqualTo(LocalDate.parse("2027-01-04"));
    assertThat(deadlines.due("review-request", beijing("2026-12-02T15:00:00")))
        .isEqualTo(OffsetDateTime.parse("2027-01-04T23:59:59+08:00"));
  }

  @Test
  void objectionOverSpringFestival2027SkipsTheStatutoryDays() {
    // Wed 2027-02-03: Thu 02-04, 春节 Fri 02-05 (除夕) to Mon 02-08, then Tue 02-09 .. Fri 02-12.
    assertThat(deadlines.lastDay("objection", beijing("2027-02-03T10:00:00")))
        .isEqualTo(LocalDate.parse("2027-02-12"));
    assertThat(
            deadlines.daysBetween(
                "objection", beijing("2027-02-03T10:00:00"), beijing("2027-02-09T10:00:00")))
        .isEqualTo(2);
  }

  @Test
  void simpleProcedureCountsTenWorkingDays() {
    assertThat(deadlines.lastDay("simple-procedure", beijing("2026-09-24T16:00:00")))
        .isEqualTo(LocalDate.parse("2026-10-15"));
  }

  @Test
  void objectionCountsFiveWorkingDays() {
    // Thu 2026-04-30: 劳动节 05-01..05-05, then 05-06, 05-07, 05-08, Sat 05-09 (调休), Mon 05-11.
    assertThat(deadlines.due("objection", beijing("2026-04-30T11:00:00")))
        .isEqualTo(OffsetDateTime.parse("2026-05-11T23:59:59+08:00"));
  }

  @ParameterizedTest(name = "received {0} (UTC) → starts {1} in Beijing, triage due {2}")
  @CsvSource({
    "2026-01-29T15:59:59Z, 2026-01-29, 2026-02-13T23:59:59+08:00", // 23:59:59 in Beijing: still the
    // 29th
    "2026-01-29T16:00:00Z, 2026-01-30, 2026-02-14T23:59:59+08:00", // midnight in Beijing: the 30th
    "2026-01-29T22:30:00Z, 2026-01-30, 2026-02-14T23:59:59+08:00", // late night UTC, morning in
    // Beijing
  })
  void startDayIsTheBeijingDateOfTheStartInstant(
      Instant receivedAt, LocalDate startDay, OffsetDateTime due) {
    assertThat(LocalDate.ofInstant(receivedAt, StatutoryCalendar.ZONE)).isEqualTo(startDay);
    assertThat(deadlines.due("triage", receivedAt)).isEqualTo(due);
  }

  @Test
  void dueDateIsTheSameInstantAsDue() {
    Instant receivedAt = Instant.parse("2026-09-19T18:00:00Z"); // 2026-09-20 02:00 in Beijing
    Date due = deadlines.dueDate("triage", Date.from(receivedAt));
    assertThat(due.toInstant()).isEqualTo(Instant.parse("2026-10-08T15:59:59Z"));
    assertThat(due.toInstant()).isEqualTo(deadlines.due("triage", receivedAt).toInstant());
  }

  @Test
  void unknownClockIsRejectedByName() {
    assertThatThrownBy(() -> deadlines.due("trige", Instant.now()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'trige'")
        .hasMessageContaining("triage");
    assertThatThrownBy(() -> deadlines.dueDate("nope", new Date()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'");
  }

  @Test
  void missingStartIsRejectedNamingTheClock() {
    assertThatThrownBy(() -> deadlines.dueDate("triage", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("triage");
    assertThatThrownBy(() -> deadlines.due("handling", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("handling");
  }

  @Test
  void anExtensionCountsFromTheOldDeadlinesLastDay() {
    // due Mon 2026-11-09; 30 more days end on Wed 2026-12-09
    Date due = Date.from(OffsetDateTime.parse("2026-11-09T23:59:59+08:00").toInstant());
    assertThat(deadlines.extend("extension", due, 30))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-12-09T23:59:59+08:00").toInstant()));
    // 15 days from Fri 2026-09-18 end on Sat 10-03, inside 国庆: moved to Thu 10-08
    Date september = Date.from(OffsetDateTime.parse("2026-09-18T23:59:59+08:00").toInstant());
    assertThat(deadlines.extend("extension", september, 15))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-10-08T23:59:59+08:00").toInstant()));
    assertThat(deadlines.maxDays("extension")).isEqualTo(30);
  }

  @Test
  void pausedDaysAreAddedBeforeTheLastDayIsMovedOffARestDay() {
    // re-review requested Mon 2026-11-02: due Wed 12-02; 5 days of hearing -> Mon 12-07
    Date requested = Date.from(beijing("2026-11-02T10:00:00"));
    assertThat(deadlines.dueDateExcluding("re-review-decision", requested, 0))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-12-02T23:59:59+08:00").toInstant()));
    assertThat(deadlines.dueDateExcluding("re-review-decision", requested, 5))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-12-07T23:59:59+08:00").toInstant()));
    // 3 days land on Sat 12-05: the period ends on Mon 12-07
    assertThat(deadlines.dueDateExcluding("re-review-decision", requested, 3))
        .isEqualTo(Date.from(OffsetDateTime.parse("2026-12-07T23:59:59+08:00").toInstant()));
  }

  @ParameterizedTest(name = "[{index}] {0} {1} -> {2}: {3}")
  @CsvSource({
    "re-review-decision, 2026-11-10T10:00:00, 2026-11-15T16:00:00, 5",
    "re-review-decision, 2026-11-10T10:00:00, 2026-11-10T18:00:00, 0",
    "re-review-decision, 2026-09-30T23:30:00, 2026-10-01T00:30:00, 1",
    // working days after Wed 09-30 up to Fri 10-09: only 10-08 and 10-09 (国庆 10-01..10-07)
    "objection, 2026-09-30T10:00:00, 2026-10-09T10:00:00, 2",
    // Sat 2026-10-10 is an adjusted working day
    "objection, 2026-10-09T10:00:00, 2026-10-12T10:00:00, 2"
  })
  void daysBetweenCountTheClocksOwnDays(String clock, String from, String to, long days) {
    assertThat(deadlines.daysBetween(clock, beijing(from), beijing(to))).isEqualTo(days);
  }
}
