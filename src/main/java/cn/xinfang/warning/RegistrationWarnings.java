package cn.xinfang.warning;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Districts;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Warning;
import cn.xinfang.casestore.Warning.Type;
import cn.xinfang.casestore.WarningStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.RegistrationObserver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;

/**
 * The warnings raised when a petition is registered, in the registration's transaction
 * (docs/warnings.md):
 *
 * <ul>
 *   <li>REPEAT: the case_metric row just written names an earlier petition of the same petitioner
 *       within 12 months ({@code repeat_of}, the one detection CaseMetricStore makes); once per
 *       case;
 *   <li>GROUP: 5 persons or more (Art. 20), once per case; or this petition makes 5 or more on one
 *       matter (same district, category and title but for spaces and punctuation) received within 7
 *       days, once per matter in any 7 days.
 * </ul>
 *
 * Before triage the case has no unit: the bureau receives the 预警提示函. The lines answered are what
 * the triage form shows ({@code caseWarnings}); they name no title and no content.
 */
@Component
class RegistrationWarnings implements RegistrationObserver {

  /** persons, or petitions on one matter within {@link #MATTER_DAYS}, that make a group */
  static final int GROUP_SIZE = 5;

  static final int MATTER_DAYS = 7;

  static final String REPEAT_DETAIL = "重复信访：同一信访人12个月内再次信访（前次信访事项见案卷“相似及重复信访”）";

  private final WarningStore store;
  private final Warnings warnings;
  private final Clock clock;

  RegistrationWarnings(WarningStore store, Warnings warnings, Clock clock) {
    this.store = store;
    this.warnings = warnings;
    this.clock = clock;
  }

  @Override
  public List<String> registered(PetitionRecord c) {
    List<String> lines = new ArrayList<>();
    store
        .repeatOf(c.id())
        .ifPresent(
            earlier -> {
              // the earlier case is not named: it may be an accusation confined to 纪检监察, and
              // this text reaches every reader of the new case; the case file's 相似及重复信访
              // lists the earlier cases to those who may read them
              String detail = REPEAT_DETAIL;
              warnings.raise(raising(Type.REPEAT, "REPEAT:" + c.caseNumber(), c, detail));
              lines.add(detail);
            });
    if (c.personCount() >= GROUP_SIZE) {
      String detail = "群体性信访：本件信访人数 " + c.personCount() + " 人（5人以上）";
      warnings.raise(raising(Type.GROUP, "GROUP:PERSONS:" + c.caseNumber(), c, detail));
      lines.add(detail);
    }
    String matter = WarningStore.matterKey(c.district(), c.category(), c.title());
    store.recordMatter(c.id(), matter);
    long count = store.matterCount(matter, c.receivedAt().minusDays(MATTER_DAYS), c.receivedAt());
    if (count >= GROUP_SIZE) {
      String detail =
          "群体性信访：7日内"
              + Districts.label(c.district())
              + "“"
              + Districts.category(c.category())
              + "”类同一事项（标题相同）已收到 "
              + count
              + " 件信访";
      // once per matter in any 7 days: today's key, unless one of the 6 days before has one
      String digest = WarningStore.digest(matter);
      LocalDate today = LocalDate.now(clock.withZone(StatutoryCalendar.ZONE));
      List<String> week =
          IntStream.range(0, MATTER_DAYS)
              .mapToObj(d -> "GROUP:MATTER:" + digest + ":" + today.minusDays(d))
              .toList();
      if (!store.anyExists(week)) {
        warnings.raise(raising(Type.GROUP, week.get(0), c, detail));
      }
      lines.add(detail);
    }
    return lines;
  }

  private static Warning.Raising raising(Type type, String key, PetitionRecord c, String detail) {
    // registered, not yet triaged: the bureau holds the case
    String unit = c.handlingUnit() == null ? PetitionProcess.Group.BUREAU : c.handlingUnit();
    return new Warning.Raising(
        type, key, c.id(), c.caseNumber(), c.district(), c.category(), unit, detail);
  }
}
