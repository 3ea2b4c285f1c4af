package cn.xinfang.operations;

import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.dashboard.OverdueTasks;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The platform's own figures at /actuator/prometheus (docs/operations.md has the names): open cases
 * per status, overdue open tasks per candidate group, registrations per channel, the job executor's
 * due and failed jobs, open incidents. A scrape only reads numbers kept in memory; they are counted
 * again every {@code petition.operations.metrics-refresh} (30 s) on each node, by queries that stay
 * cheap however large the case store grows: open cases by the status index, tasks, jobs and
 * incidents from the engine's runtime tables (open work only), and registrations as the rows added
 * since the last count (by the primary key; the first count after a start reads the table once).
 */
@Component
class OperationsMetrics {

  static final String CASES_OPEN = "xinfang.cases.open";
  static final String TASKS_OVERDUE = "xinfang.tasks.overdue";
  static final String REGISTRATIONS = "xinfang.registrations";
  static final String JOBS_EXECUTABLE = "xinfang.jobs.executable";
  static final String JOBS_FAILED = "xinfang.jobs.failed";
  static final String INCIDENTS_OPEN = "xinfang.incidents.open";

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private static final List<PetitionStatus> OPEN =
      Arrays.stream(PetitionStatus.values()).filter(s -> !s.isFinal()).toList();

  private static final String OPEN_CASES =
      "select status, count(*) as n from petition where status in ("
          + String.join(",", OPEN.stream().map(s -> "'" + s.name() + "'").toList())
          + ") group by status";

  private static final String GROUPS = "select ID_ as id from ACT_ID_GROUP";

  private static final String NEW_REGISTRATIONS =
      "select channel, count(*) as n, max(id) as last from petition where id > ? group by channel";

  private final JdbcTemplate jdbc;
  private final OverdueTasks overdueTasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final Clock clock;
  private final MeterRegistry registry;

  private final MultiGauge casesOpen;
  private final MultiGauge tasksOverdue;
  private final AtomicLong jobsExecutable = new AtomicLong();
  private final AtomicLong jobsFailed = new AtomicLong();
  private final AtomicLong incidentsOpen = new AtomicLong();
  private final Map<String, AtomicLong> registrations = new ConcurrentHashMap<>();
  private long lastPetitionId;

  OperationsMetrics(
      JdbcTemplate jdbc,
      OverdueTasks overdueTasks,
      ManagementService management,
      RuntimeService runtime,
      Clock clock,
      MeterRegistry registry) {
    this.jdbc = jdbc;
    this.overdueTasks = overdueTasks;
    this.management = management;
    this.runtime = runtime;
    this.clock = clock;
    this.registry = registry;
    this.casesOpen =
        MultiGauge.builder(CASES_OPEN).description("未办结的信访事项数，按状态（每 30 秒统计一次）").register(registry);
    this.tasksOverdue =
        MultiGauge.builder(TASKS_OVERDUE)
            .description("已超期的待办任务数，按候选组（每 30 秒统计一次）")
            .register(registry);
    Gauge.builder(JOBS_EXECUTABLE, jobsExecutable, AtomicLong::get)
        .description("作业执行器中已到期、可执行的作业数")
        .register(registry);
    Gauge.builder(JOBS_FAILED, jobsFailed, AtomicLong::get)
        .description("重试次数已用尽的失败作业数")
        .register(registry);
    Gauge.builder(INCIDENTS_OPEN, incidentsOpen, AtomicLong::get)
        .description("未解决的流程事件（incident）数")
        .register(registry);
    for (Channel channel : Channel.values()) {
      registration(channel.name());
    }
  }

  @Scheduled(
      initialDelayString = "${petition.operations.metrics-initial-delay:PT5S}",
      fixedDelayString = "${petition.operations.metrics-refresh:PT30S}")
  void refresh() {
    try {
      count();
    } catch (RuntimeException e) {
      // a database hiccup: the figures stay as they were until the next count
      LOG.warn("operations metrics not refreshed: {}", e.toString());
    }
  }

  synchronized void count() {
    Map<String, Long> open = new HashMap<>();
    OPEN.forEach(s -> open.put(s.name(), 0L));
    jdbc.query(
        OPEN_CASES, (RowCallbackHandler) rs -> open.put(rs.getString("status"), rs.getLong("n")));
    casesOpen.register(
        open.entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue()))
            .toList(),
        true);
    // every group has its series, 0 when it has nothing overdue, so that a board shows a group's
    // count fall to 0 rather than its line end
    Map<String, Long> overdue = new HashMap<>();
    jdbc.query(GROUPS, (RowCallbackHandler) rs -> overdue.put(rs.getString("id"), 0L));
    overdueTasks.asOf(clock.instant()).forEach(g -> overdue.put(g.group(), g.overdue()));
    tasksOverdue.register(
        overdue.entrySet().stream()
            .map(e -> MultiGauge.Row.of(Tags.of("group", e.getKey()), e.getValue()))
            .toList(),
        true);
    jdbc.query(
        NEW_REGISTRATIONS,
        (RowCallbackHandler)
            rs -> {
              registration(rs.getString("channel")).addAndGet(rs.getLong("n"));
              lastPetitionId = Math.max(lastPetitionId, rs.getLong("last"));
            },
        lastPetitionId);
    jobsExecutable.set(management.createJobQuery().executable().count());
    jobsFailed.set(management.createJobQuery().noRetriesLeft().count());
    incidentsOpen.set(runtime.createIncidentQuery().count());
  }

  private AtomicLong registration(String channel) {
    return registrations.computeIfAbsent(
        channel,
        c -> {
          AtomicLong total = new AtomicLong();
          FunctionCounter.builder(REGISTRATIONS, total, AtomicLong::get)
              .description("登记的信访事项数，按渠道（数据库中的累计数）")
              .tag("channel", c)
              .register(registry);
          return total;
        });
  }
}
