package cn.xinfang.dashboard;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.metrics.ReportPeriod;
import cn.xinfang.web.ForbiddenException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's own figures, beside /api/metrics and /api/warnings: the category × district heat
 * map of a period (the period of /api/metrics, {@link ReportPeriod}) and the overdue open tasks per
 * group now. Counts only, for the readers of 网上判 ({@link CurrentUser#readsSituation()}); everyone
 * else 403.
 */
@RestController
@RequestMapping(path = "/api/dashboard", produces = "application/json")
class DashboardController {

  /** the answer to anyone but the readers of 网上判 (CurrentUser.readsSituation) */
  static final String REFUSAL = "无权查看：态势分析仅供分管领导、督查督办人员和系统管理员查看";

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
    ReportPeriod period = ReportPeriod.of(from, to, clock);
    return new Heatmap(period.first(), period.last(), counts.between(period.start(), period.end()));
  }

  @GetMapping("/overdue")
  Overdue overdue() {
    requireReader();
    Instant now = clock.instant();
    return new Overdue(now.atZone(StatutoryCalendar.ZONE).toOffsetDateTime(), overdue.asOf(now));
  }

  private void requireReader() {
    if (!user.readsSituation()) {
      throw new ForbiddenException(REFUSAL);
    }
  }
}
