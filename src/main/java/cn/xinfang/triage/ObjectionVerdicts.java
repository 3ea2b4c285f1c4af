package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.security.CaseAccess;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the bureau's verification of an objection decides (核实同意, Art. 23):
 *
 * <ul>
 *   <li>agreed: the unit no longer holds or reads the case, the route and the unit are decided anew
 *       at a triage due within the re-triage clock (5 working days from the agreement, not the
 *       original 15 days from receipt, long past by then);
 *   <li>refused: the same unit must accept; its acceptance form may no longer object ({@link
 *       #objectionRefused}, read from the case store, not from a variable).
 * </ul>
 */
@Component
class ObjectionVerdicts {

  private final PetitionStore store;
  private final CaseAccess access;
  private final Deadlines deadlines;
  private final Clock clock;
  private final CaseMetricStore metrics;

  ObjectionVerdicts(
      PetitionStore store,
      CaseAccess access,
      Deadlines deadlines,
      Clock clock,
      CaseMetricStore metrics) {
    this.metrics = metrics;
    this.store = store;
    this.access = access;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  void agree(DelegateExecution execution, PetitionRecord p, String comment) {
    String caseNumber = p.caseNumber();
    Date triageDue = deadlines.dueDate(Clocks.RE_TRIAGE, Date.from(clock.instant()));
    store.addMilestone(
        caseNumber,
        MilestoneType.RETURNED_TO_TRIAGE,
        true,
        "承办单位认为不属其职责，信访部门核实同意，将于" + StatutoryCalendar.chineseDay(triageDue.toInstant()) + "前重新分流",
        comment);
    access.revoke(execution.getProcessInstanceId(), p.handlingUnit());
    store.recordRoute(caseNumber, null);
    store.recordHandlingUnit(caseNumber, null, null);
    metrics.objectionAgreed(caseNumber);
    store.updateStatus(caseNumber, PetitionStatus.REGISTERED);
    execution.setVariable(Var.TRIAGE_DUE, triageDue);
    // the next triage decides afresh; objectionReason stays for the triage form
    execution.removeVariables(Var.TRIAGE_DECISION);
    execution.removeVariables(List.of(Var.ACCEPTANCE, Var.OBJECTION_AGREED));
  }

  void refuse(DelegateExecution execution, PetitionRecord p, String comment) {
    store.addMilestone(
        p.caseNumber(),
        MilestoneType.OBJECTION_REFUSED,
        true,
        "信访部门核实后不同意异议，由" + p.handlingUnitName() + "受理办理",
        comment);
    execution.removeVariables(List.of(Var.ACCEPTANCE, Var.OBJECTION_AGREED));
  }

  /** Whether the bureau refused an objection of the unit that holds the case now. */
  static boolean objectionRefused(List<Milestone> timeline) {
    for (int i = timeline.size() - 1; i >= 0; i--) {
      String type = timeline.get(i).type();
      if (MilestoneType.OBJECTION_REFUSED.equals(type)) {
        return true;
      }
      if (MilestoneType.TRANSFERRED.equals(type)) {
        return false;
      }
    }
    return false;
  }
}
