package cn.xinfang.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Due dates of the named statutory clocks ({@code petition.deadlines}), for Java code and for BPMN timer
 * expressions such as {@code ${deadlines.dueDate('triage', receivedAt)}}.
 *
 * <p>The start day is the date of the start instant in Beijing time: a petition received at 01:00 on
 * 2026-03-02 in Beijing (17:00 UTC the day before) starts its clock on 2026-03-02, as the petitioner sees it.
 * A period ends at the end of its last day (民法典 Art. 203: 24:00), written as 23:59:59 +08:00 so that the
 * instant still falls on that day.
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
        return lastDay(clock, start).atTime(END_OF_DAY).atZone(StatutoryCalendar.ZONE).toOffsetDateTime();
    }

    /** {@link #due} as a {@link Date}, the type Camunda timers and Date process variables use. */
    public Date dueDate(String clock, Date start) {
        if (start == null) {
            throw new IllegalArgumentException("No start time given for deadline '" + clock + "'");
        }
        return Date.from(due(clock, start.toInstant()).toInstant());
    }

    /** The last day of {@code clock} started at {@code start}, counted in the Beijing calendar. */
    public LocalDate lastDay(String clock, Instant start) {
        DeadlineProperties.Deadline deadline = deadline(clock);
        if (start == null) {
            throw new IllegalArgumentException("No start time given for deadline '" + clock + "'");
        }
        LocalDate startDay = LocalDate.ofInstant(start, StatutoryCalendar.ZONE);
        return calendar.plus(startDay, deadline.days(), deadline.count());
    }

    private DeadlineProperties.Deadline deadline(String clock) {
        DeadlineProperties.Deadline deadline = clock == null ? null : properties.deadlines().get(clock);
        if (deadline == null) {
            throw new IllegalArgumentException("Unknown deadline clock '" + clock + "'; configured under "
                    + "petition.deadlines: " + properties.deadlines().keySet());
        }
        return deadline;
    }
}
