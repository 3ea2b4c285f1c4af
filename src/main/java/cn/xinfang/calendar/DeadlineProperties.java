package cn.xinfang.calendar;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The statutory periods ("clocks") of the petition procedure and where extra holiday files live,
 * bound from {@code petition.*}:
 *
 * <pre>
 * petition:
 *   deadlines:
 *     triage: { days: 15, count: CALENDAR_DAYS }     # 信访工作条例 Art. 22
 *     objection: { days: 5, count: WORKING_DAYS }
 *   calendar:
 *     directory: /etc/xinfang/calendar               # optional
 * </pre>
 *
 * <p>The periods are configuration rather than constants because they come from regulations that
 * are amended, and from local rules that may shorten them. A period without {@code days} or {@code
 * count} stops start-up: a deadline computed from a default of 0 days would be silently wrong.
 *
 * @param deadlines clock name (e.g. {@code triage}, {@code simple-procedure}) → its period
 * @param calendar where administrators put holiday files that add to or replace the shipped ones
 */
@ConfigurationProperties(prefix = "petition")
public record DeadlineProperties(Map<String, Deadline> deadlines, CalendarData calendar) {

  public DeadlineProperties {
    Map<String, Deadline> checked = new TreeMap<>();
    if (deadlines != null) {
      deadlines.forEach(
          (name, deadline) -> {
            String key = "petition.deadlines." + name;
            if (deadline == null || deadline.days() == null) {
              throw new IllegalArgumentException(key + ".days is missing");
            }
            if (deadline.days() < 0) {
              throw new IllegalArgumentException(key + ".days is negative: " + deadline.days());
            }
            if (deadline.count() == null) {
              throw new IllegalArgumentException(
                  key + ".count is missing; use CALENDAR_DAYS or WORKING_DAYS");
            }
            checked.put(name, deadline);
          });
    }
    deadlines = Collections.unmodifiableMap(checked);
    calendar = calendar == null ? new CalendarData(null) : calendar;
  }

  /**
   * One statutory period.
   *
   * @param days how many days
   * @param count whether they are calendar days or working days
   */
  public record Deadline(Integer days, DayCount count) {}

  /**
   * @param directory folder with {@code holidays-YYYY.yaml} files; blank or absent means none
   */
  public record CalendarData(String directory) {}
}
