package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.ConfinedCaseObserver;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.security.CaseAccess;
import cn.xinfang.triage.ValidateTriageListener.TransferMode;
import cn.xinfang.web.InvalidInputException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_TransferPetition: records the receiving organ chosen by the handling-unit decision (转送/交办,
 * Art. 22) and the moment it received the case, from which its acceptance and objection clocks run.
 * For a DISCIPLINE case the public milestone names no more than 纪检监察机关 (Art. 30). An assignment
 * (交办) fixes the day of the unit's report; a unit the clerk chose instead of the decision table's
 * is recorded with the reason.
 */
@Component
public class TransferPetitionDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final GroupNames groupNames;
  private final CaseAccess access;
  private final ProcessCase cases;
  private final Deadlines deadlines;
  private final List<ConfinedCaseObserver> confinement;
  private final Clock clock;
  private final CaseMetricStore metrics;

  public TransferPetitionDelegate(
      PetitionStore store,
      GroupNames groupNames,
      CaseAccess access,
      ProcessCase cases,
      Deadlines deadlines,
      List<ConfinedCaseObserver> confinement,
      Clock clock,
      CaseMetricStore metrics) {
    this.metrics = metrics;
    this.confinement = confinement;
    this.deadlines = deadlines;
    this.store = store;
    this.groupNames = groupNames;
    this.access = access;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord p = cases.of(execution);
    String caseNumber = p.caseNumber();
    Route route = CaseVariables.route(execution);
    String unit = overridden(execution, caseNumber, route);
    String unitName = groupNames.name(unit);
    // the receiving organ reads this case, and only this one; an accusation nobody else (Art. 30)
    if (route == Route.DISCIPLINE) {
      access.confine(execution.getProcessInstanceId(), unit, p.registeredBy());
      // nobody supervises it any more: supervisors and leaders read nothing of it
      confinement.forEach(o -> o.confined(p));
    } else {
      access.grantUnit(execution.getProcessInstanceId(), unit);
    }
    execution.setVariable(Var.HANDLING_UNIT_NAME, unitName);
    store.recordHandlingUnit(caseNumber, unit, unitName);
    Date now = Date.from(clock.instant());
    // the unit's acceptance clock: the same due date acceptPetition carries (Clocks.ACCEPTANCE)
    metrics.transferred(
        caseNumber,
        unit,
        route.goesToHandlingUnit()
            ? deadlines
                .due(Clocks.ACCEPTANCE, now.toInstant())
                .withOffsetSameInstant(ZoneOffset.UTC)
            : null);
    boolean assigned =
        TransferMode.ASSIGN.name().equals(execution.getVariable(Var.TRANSFER_MODE))
            && route != Route.DISCIPLINE
            && route != Route.POLITICAL_LEGAL;
    String description =
        switch (route) {
          case DISCIPLINE -> "已转送纪检监察机关";
          case POLITICAL_LEGAL -> "已转送政法机关：" + unitName;
          default -> (assigned ? "已交办至：" : "已转送至：") + unitName;
        };
    execution.setVariable(Var.ASSIGNED, assigned);
    if (assigned) {
      // 交办 (Art. 22): the unit reports by the day the bureau set; the case store keeps it
      Date reportDue =
          deadlines.extend(
              Clocks.ASSIGNMENT_FEEDBACK,
              now,
              ((Number) execution.getVariable(Var.FEEDBACK_DAYS)).longValue());
      store.recordAssignment(caseNumber, reportDue.toInstant().atOffset(ZoneOffset.UTC));
      execution.setVariable(Var.ASSIGNMENT_DUE, reportDue);
      description += "，应于" + StatutoryCalendar.chineseDay(reportDue.toInstant()) + "前报送办结报告";
    }
    store.addMilestone(caseNumber, MilestoneType.TRANSFERRED, true, description, "接收单位：" + unit);
    execution.setVariable(Var.TRANSFERRED_AT, now);
    // an earlier round's answer (and objection reason) must not prefill or decide this one;
    // the OBJECTED milestone keeps the reason
    execution.removeVariables(Var.ACCEPTANCE_ANSWER);
  }

  /**
   * The decision table's unit, or the one the clerk chose instead (handlingUnitOverride, checked by
   * the form's options and here: an existing unit, never for the organs the law names), which is
   * then the case's: recorded with the reason on the timeline and in the audit trail.
   */
  private String overridden(DelegateExecution execution, String caseNumber, Route route) {
    String proposed = (String) execution.getVariable(Var.HANDLING_UNIT);
    String override = CaseVariables.text(execution, Var.HANDLING_UNIT_OVERRIDE);
    if (override == null || override.isBlank() || override.equals(proposed)) {
      return proposed;
    }
    if (route == Route.DISCIPLINE || route == Route.POLITICAL_LEGAL) {
      throw new InvalidInputException(
          Var.HANDLING_UNIT_OVERRIDE, "检举控告公职人员的事项和涉法涉诉事项依法转送纪检监察机关、政法机关，不能改选承办单位");
    }
    if (!groupNames.exists(override)) {
      throw new InvalidInputException(Var.HANDLING_UNIT_OVERRIDE, "承办单位 " + override + " 不存在");
    }
    store.addMilestone(
        caseNumber,
        MilestoneType.UNIT_OVERRIDDEN,
        false,
        "分流时改选承办单位：决策表建议" + groupNames.name(proposed) + "，改为" + groupNames.name(override),
        CaseVariables.text(execution, Var.OVERRIDE_REASON));
    execution.setVariable(Var.HANDLING_UNIT, override);
    return override;
  }
}
