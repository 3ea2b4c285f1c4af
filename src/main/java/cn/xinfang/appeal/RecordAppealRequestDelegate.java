package cn.xinfang.appeal;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.notice.Notices;
import cn.xinfang.security.CaseAccess;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordReviewRequest and Task_RecordReReviewRequest (input parameter {@code stage}: REVIEW or
 * RE_REVIEW): the petitioner's request arrived (message from the public API, with the reason and
 * the time of receipt); the level must decide within 30 days of receipt (Art. 35, 36).
 */
@Component
public class RecordAppealRequestDelegate implements JavaDelegate {

  private final Deadlines deadlines;
  private final PetitionStore store;
  private final CaseAccess access;
  private final ProcessCase cases;
  private final CaseMetricStore metrics;

  public RecordAppealRequestDelegate(
      Deadlines deadlines,
      PetitionStore store,
      CaseAccess access,
      ProcessCase cases,
      CaseMetricStore metrics) {
    this.metrics = metrics;
    this.deadlines = deadlines;
    this.store = store;
    this.access = access;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OpinionKind stage = OpinionKind.valueOf((String) execution.getVariableLocal("stage"));
    String caseNumber = cases.number(execution);
    if (stage == OpinionKind.REVIEW) {
      Date due =
          deadlines.dueDate(
              Clocks.REVIEW_DECISION, CaseVariables.date(execution, Var.REVIEW_REQUESTED_AT));
      execution.setVariable(Var.REVIEW_DUE, due);
      access.grant(
          execution.getProcessInstanceId(), CaseVariables.text(execution, Var.REVIEW_LEVEL));
      store.moveTo(caseNumber, PetitionStatus.IN_REVIEW);
      metrics.appealed(caseNumber);
      store.addMilestone(
          caseNumber,
          MilestoneType.REVIEW_REQUESTED,
          true,
          "已收到复查请求，由"
              + CaseVariables.text(execution, Var.REVIEW_LEVEL_NAME)
              + "于"
              + Notices.day(due)
              + "前作出复查意见",
          null);
    } else {
      Date due =
          deadlines.dueDate(
              Clocks.RE_REVIEW_DECISION, CaseVariables.date(execution, Var.RE_REVIEW_REQUESTED_AT));
      execution.setVariable(Var.RE_REVIEW_DUE, due);
      access.grant(
          execution.getProcessInstanceId(), CaseVariables.text(execution, Var.RE_REVIEW_LEVEL));
      execution.setVariable(Var.RE_REVIEW_PAUSED_DAYS, 0L);
      execution.setVariable(Var.RE_REVIEW_HEARING_HELD, false);
      store.moveTo(caseNumber, PetitionStatus.IN_RE_REVIEW);
      store.addMilestone(
          caseNumber,
          MilestoneType.RE_REVIEW_REQUESTED,
          true,
          "已收到复核请求，由"
              + CaseVariables.text(execution, Var.RE_REVIEW_LEVEL_NAME)
              + "于"
              + Notices.day(due)
              + "前作出复核意见（听证时间不计入）",
          null);
    }
  }
}
