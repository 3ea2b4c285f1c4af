package cn.xinfang.metrics;

import cn.xinfang.casestore.Districts;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.web.ForbiddenException;
import cn.xinfang.web.InvalidInputException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 网上判: {@code GET /api/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD&by=city|unit|district|month} for the
 * leaders, the supervisors and administrators (docs/metrics.md, docs/api.md). The cohort is the
 * petitions received from {@code from} to {@code to} inclusive, Beijing dates, measured as of the
 * application's clock. Aggregates only: no case is read, so nothing is added to a case's audit
 * trail. Authenticated like the staff API (HTTP Basic or the webapps' session).
 */
@RestController
@RequestMapping(path = "/api/metrics", produces = "application/json")
class MetricsController {

  private final MetricsQuery query;
  private final GroupNames groupNames;
  private final CurrentUser user;
  private final Clock clock;

  MetricsController(MetricsQuery query, GroupNames groupNames, CurrentUser user, Clock clock) {
    this.query = query;
    this.groupNames = groupNames;
    this.user = user;
    this.clock = clock;
  }

  /**
   * Without {@code to}: today; without {@code from}: the first day of the month eleven months
   * before {@code to} (twelve calendar months); without {@code by}: the city.
   */
  @GetMapping
  MetricsReport metrics(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String by) {
    requireReader();
    Dimension dimension =
        by == null
            ? Dimension.CITY
            : Dimension.of(by)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "by", "统计维度 by 只能是 city（全市）、unit（承办单位）、district（区）或 month（月份）"));
    ReportPeriod period = ReportPeriod.of(from, to, clock);
    List<MetricsQuery.Counts> counts =
        query.counts(dimension, period.start(), period.end(), OffsetDateTime.now(clock));
    List<MetricsReport.Row> rows =
        counts.stream().map(c -> MetricsReport.Row.of(c, label(dimension, c.key()))).toList();
    return new MetricsReport(
        period.first().toString(), period.last().toString(), dimension.parameter(), rows);
  }

  private void requireReader() {
    if (!user.readsSituation()) {
      throw new ForbiddenException("信访形势统计仅限分管领导、督查督办人员和系统管理员查看");
    }
  }

  /** The row's Chinese label: the unit's group name, the district, 2026年9月, or 全市. */
  private String label(Dimension by, String key) {
    return switch (by) {
      case CITY -> "全市";
      case UNIT -> groupNames.name(key);
      case DISTRICT -> Districts.label(key);
      case MONTH ->
          Integer.parseInt(key.substring(0, 4)) + "年" + Integer.parseInt(key.substring(5)) + "月";
    };
  }
}
