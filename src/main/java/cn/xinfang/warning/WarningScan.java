package cn.xinfang.warning;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Districts;
import cn.xinfang.casestore.Warning;
import cn.xinfang.casestore.Warning.Type;
import cn.xinfang.casestore.WarningStore;
import cn.xinfang.casestore.WarningStore.LateTask;
import cn.xinfang.casestore.WarningStore.Surge;
import cn.xinfang.engine.GroupNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warning scan, every {@code petition.warnings.scan-interval} on one node of the cluster at a
 * time (ShedLock, as the overdue watch of 网上督):
 *
 * <ol>
 *   <li>SURGE: each category × district whose petitions received in the last 7 days number at least
 *       5 and at least twice the weekly average of the 4 weeks before; once per category × district
 *       and Beijing day;
 *   <li>OVERDUE: each petition task the overdue watch found past its due date (table supervision,
 *       origin OVERDUE, within the last {@value #OVERDUE_DAYS} days), once per task, with a 预警提示函
 *       to the task's group.
 * </ol>
 *
 * Each warning is raised in its own transaction; the unique dedup key decides between two nodes and
 * across restarts, so a run can be repeated at will.
 */
@Component
public class WarningScan {

  private static final Logger LOG = LoggerFactory.getLogger(WarningScan.class);

  /** How far back a late task still raises its OVERDUE warning (no flood on the first run). */
  static final int OVERDUE_DAYS = 30;

  /** the least count of the last 7 days that makes a surge */
  static final int SURGE_MINIMUM = 5;

  static final int PAGE = 200;

  private final WarningStore store;
  private final Warnings warnings;
  private final GroupNames groups;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final Clock clock;

  WarningScan(
      WarningStore store,
      Warnings warnings,
      GroupNames groups,
      IdentityService identity,
      TransactionTemplate transaction,
      Clock clock) {
    this.store = store;
    this.warnings = warnings;
    this.groups = groups;
    this.identity = identity;
    this.transaction = transaction;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${petition.warnings.scan-interval}",
      initialDelayString = "${petition.warnings.scan-interval}")
  @SchedulerLock(name = "warning-scan", lockAtMostFor = "PT10M")
  public void scheduled() {
    run();
  }

  /** What a run raised. */
  public record Counts(int surges, int overdue) {}

  /** One run; answers how many warnings of each kind it raised. */
  public Counts run() {
    if (identity.getCurrentAuthentication() != null) {
      throw new IllegalStateException("the warning scan runs as the platform, never as a user");
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    int surges = 0;
    for (Surge s : store.surges(now, SURGE_MINIMUM)) {
      if (raise(surge(s, now))) {
        surges++;
      }
    }
    int overdue = 0;
    int skipped = 0;
    List<LateTask> page;
    do {
      page = store.lateTasksWithoutWarning(now.minusDays(OVERDUE_DAYS), skipped + PAGE);
      page = page.subList(Math.min(skipped, page.size()), page.size());
      for (LateTask t : page) {
        if (raise(overdue(t))) {
          overdue++;
        } else {
          skipped++;
        }
      }
    } while (page.size() == PAGE);
    if (surges + overdue > 0) {
      LOG.info("warning scan: {} surges, {} overdue tasks raised", surges, overdue);
    }
    return new Counts(surges, overdue);
  }

  private Warning.Raising surge(Surge s, OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(StatutoryCalendar.ZONE).toLocalDate();
    String office = "office-" + s.district().toLowerCase(Locale.ROOT);
    String detail =
        String.format(
            "信访量激增：%s“%s”类近7日收到 %d 件，前4周周均 %.1f 件（达到周均2倍且不少于5件）",
            Districts.label(s.district()),
            Districts.category(s.category()),
            s.lastWeek(),
            s.fourWeeksBefore() / 4.0);
    return new Warning.Raising(
        Type.SURGE,
        "SURGE:" + s.district() + "|" + s.category() + ":" + today,
        null,
        null,
        s.district(),
        s.category(),
        // the district's general office, when the platform knows one; no case, so no letter
        groups.exists(office) ? office : null,
        detail);
  }

  private Warning.Raising overdue(LateTask t) {
    List<String> lateGroups =
        t.taskGroups() == null || t.taskGroups().isBlank()
            ? List.of()
            : Arrays.stream(t.taskGroups().split(",")).map(String::strip).toList();
    String unit = lateGroups.isEmpty() ? null : lateGroups.get(0);
    String detail =
        "逾期办理：“"
            + (t.taskName() == null ? "办理" : t.taskName())
            + "”环节"
            + (lateGroups.isEmpty()
                ? ""
                : "（" + String.join("、", lateGroups.stream().map(groups::name).toList()) + "）")
            + (t.taskDue() == null
                ? "已超过期限"
                : "应于" + StatutoryCalendar.chineseDay(t.taskDue().toInstant()) + "前办结，已超过期限");
    return new Warning.Raising(
        Type.OVERDUE,
        "OVERDUE:" + t.taskId(),
        t.petitionId(),
        t.caseNumber(),
        t.district(),
        t.category(),
        unit,
        detail);
  }

  /** Raises one warning in its own transaction; a failure is logged and the run goes on. */
  private boolean raise(Warning.Raising w) {
    try {
      return Boolean.TRUE.equals(transaction.execute(tx -> warnings.raise(w).isPresent()));
    } catch (RuntimeException e) {
      LOG.error("warning scan: {} could not be raised", w.dedupKey(), e);
      return false;
    }
  }
}
