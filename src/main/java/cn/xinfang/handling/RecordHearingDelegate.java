package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Hearing;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.notice.Notices;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordHearing and Task_RecordReReviewHearing (input parameter {@code stage}: HANDLING or
 * RE_REVIEW): stores the hearing and tells the petitioner it took place. During a re-review the
 * time from the decision to hold a hearing until its record is not counted in the 30 days
 * (《信访工作条例》第三十六条), so the re-review deadline moves by those days.
 */
@Component
public class RecordHearingDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final OpinionStore opinions;
  private final Deadlines deadlines;
  private final ProcessCase cases;
  private final Clock clock;

  public RecordHearingDelegate(
      PetitionStore store,
      OpinionStore opinions,
      Deadlines deadlines,
      ProcessCase cases,
      Clock clock) {
    this.store = store;
    this.opinions = opinions;
    this.deadlines = deadlines;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpinionKind stage = OpinionKind.valueOf((String) execution.getVariableLocal("stage"));
    PetitionRecord p = cases.of(execution);
    LocalDate heldOn = LocalDate.parse(CaseVariables.text(execution, Var.HEARING_DATE).strip());
    opinions.insertHearing(
        p.id(),
        new Hearing(
            stage,
            heldOn,
            CaseVariables.text(execution, Var.HEARING_PARTICIPANTS),
            CaseVariables.text(execution, Var.HEARING_SUMMARY)));
    store.addMilestone(
        p.caseNumber(),
        MilestoneType.HEARING,
        true,
        "已举行听证（"
            + StatutoryCalendar.chineseDay(heldOn.atStartOfDay(StatutoryCalendar.ZONE).toInstant())
            + "）",
        null);
    if (stage == OpinionKind.RE_REVIEW) {
      Instant pausedSince = CaseVariables.date(execution, Var.HEARING_REQUESTED_AT).toInstant();
      long paused = deadlines.daysBetween(Clocks.RE_REVIEW_DECISION, pausedSince, clock.instant());
      Object before = execution.getVariable(Var.RE_REVIEW_PAUSED_DAYS);
      long total = (before == null ? 0 : ((Number) before).longValue()) + paused;
      Date due =
          deadlines.dueDateExcluding(
              Clocks.RE_REVIEW_DECISION,
              CaseVariables.date(execution, Var.RE_REVIEW_REQUESTED_AT),
              total);
      execution.setVariable(Var.RE_REVIEW_PAUSED_DAYS, total);
      // only an opinion that went through a hearing may be published (Art. 36)
      execution.setVariable(Var.RE_REVIEW_HEARING_HELD, true);
      execution.setVariable(Var.RE_REVIEW_DUE, due);
      store.addMilestone(
          p.caseNumber(),
          MilestoneType.HEARING_TIME_EXCLUDED,
          true,
          "听证所需 " + paused + " 日不计入复核期限，复核期限至" + Notices.day(due),
          null);
    }
    execution.removeVariables(
        List.of(
            Var.HEARING_DATE,
            Var.HEARING_PARTICIPANTS,
            Var.HEARING_SUMMARY,
            Var.HEARING_REQUESTED_AT));
  }
}
