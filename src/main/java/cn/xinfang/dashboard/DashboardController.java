package cn.xinfang.dashboard;

import cn.xinfang.engine.CurrentUser;
import cn.xinfang.web.ForbiddenException;
import cn.xinfang.web.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's own figures, beside /api/metrics and /api/warnings: the category × district heat
 * map of a period and the overdue open tasks per group now. Counts only, for {@link
 * DashboardReaders}; everyone else 403.
 */
@RestController
@RequestMapping(path = "/api/dashboard", produces = "application/json")
class DashboardController {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** the longest period one heat map covers */
  static final int MAX_DAYS = 3 * 366;

  record Heatmap(LocalDate from, LocalDate to, List<CategoryDistrictCounts.Cell> cells) {}

  record Overdue(OffsetDateTime asOf, List<OverdueTasks.GroupCount> rows) {}

  private final CategoryDistrictCounts counts;
  private final OverdueTasks overdue;
  private final CurrentUser user;
  private final Clock clock;

  DashboardController(
      CategoryDistrictCounts counts, OverdueTasks overdue, CurrentUser user, Clock clock) {
    this.counts = counts;
    this.overdue = overdue;
    this.user = user;
    this.clock = clock;
  }

  /** Petitions received from {@code from} to {@code to} (Beijing dates, both included). */
  @GetMapping("/heatmap")
  Heatmap heatmap(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    requireReader();
    LocalDate last = to == null ? LocalDate.now(clock.withZone(BEIJING)) : date("to", to);
    LocalDate first = from == null ? last.minusYears(1).plusDays(1) : date("from", from);
    if (first.isAfter(last)) {
      throw new InvalidInputException("from", "开始日期不能晚于结束日期");
    }
    if (first.plusDays(MAX_DAYS).isBefore(last)) {
      throw new InvalidInputException("from", "统计区间不能超过三年");
    }
    return new Heatmap(
        first,
        last,
        counts.between(
            first.atStartOfDay(BEIJING).toOffsetDateTime(),
            last.plusDays(1).atStartOfDay(BEIJING).toOffsetDateTime()));
  }

  @GetMapping("/overdue")
  Overdue overdue() {
    requireReader();
    Instant now = clock.instant();
    return new Overdue(now.atZone(BEIJING).toOffsetDateTime(), overdue.asOf(now));
  }

  private void requireReader() {
    if (!DashboardReaders.mayRead(user.groups())) {
      throw new ForbiddenException(DashboardReaders.REFUSAL);
    }
  }

  private static LocalDate date(String field, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD");
    }
  }
}
