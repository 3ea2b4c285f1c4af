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
    private final Deadlines deadlines = new Deadlines(new DeadlineProperties(Map.ofEntries(
            Map.entry("triage", new Deadline(15, CALENDAR_DAYS)),
            Map.entry("acceptance", new Deadline(15, CALENDAR_DAYS)),
            Map.entry("objection", new Deadline(5, WORKING_DAYS)),
            Map.entry("handling", new Deadline(60, CALENDAR_DAYS)),
            Map.entry("simple-procedure", new Deadline(10, WORKING_DAYS))), null), CALENDAR);

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
            "2026-01-29T15:59:59Z, 2026-01-29, 2026-02-13T23:59:59+08:00", // 23:59:59 in Beijing: still the 29th
            "2026-01-29T16:00:00Z, 2026-01-30, 2026-02-14T23:59:59+08:00", // midnight in Beijing: the 30th
            "2026-01-29T22:30:00Z, 2026-01-30, 2026-02-14T23:59:59+08:00", // late night UTC, morning in Beijing
    })
    void startDayIsTheBeijingDateOfTheStartInstant(Instant receivedAt, LocalDate startDay, OffsetDateTime due) {
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
}
