package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.AttachmentStore;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.CaseNumbers;
import cn.xinfang.casestore.Districts;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_MergePetition (并单): the clerk merges the petition at triage into an open case on the same
 * matter ({@code mergeInto}) instead of routing it. The variable is only a case number the clerk
 * typed: the case is looked up in the case store, locked, and must be
 *
 * <ul>
 *   <li>another case, known, and readable by the clerk as a member of the bureau: never a
 *       DISCIPLINE case (Art. 30), which answers exactly as an unknown number, so that a guess
 *       reveals nothing;
 *   <li>open: not ended (CLOSED, NOT_ACCEPTED, TERMINATED) and not merged itself;
 *   <li>in the same district (事项发生地) as the petition: the same matter happens in one place, and a
 *       case of another district is handled by another 属地 unit (docs/domain.md, "并单").
 * </ul>
 *
 * Otherwise the triage completion fails with a Chinese 400 naming {@code mergeInto}, and as the
 * delegate runs in the completion's transaction nothing is changed. On success, in that
 * transaction: the petition records the case it joined and ends CLOSED; its attachments are copied
 * to that case; that case gets an internal milestone; both get an audit entry; the metric fact
 * counts the petition once (CaseMetricStore.recordMerge). The notice to the petitioner, with the
 * public milestone naming the case, is the model's next step (Task_NotifyMerged).
 */
@Component
public class MergePetitionDelegate implements JavaDelegate {

  private final PetitionStore store;
  private final AttachmentStore attachments;
  private final CaseMetricStore metrics;
  private final AuditTrail audit;
  private final ProcessCase cases;
  private final CurrentUser user;

  public MergePetitionDelegate(
      PetitionStore store,
      AttachmentStore attachments,
      CaseMetricStore metrics,
      AuditTrail audit,
      ProcessCase cases,
      CurrentUser user) {
    this.store = store;
    this.attachments = attachments;
    this.metrics = metrics;
    this.audit = audit;
    this.cases = cases;
    this.user = user;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PetitionRecord petition = cases.of(execution);
    Object value = execution.getVariable(Var.MERGE_INTO);
    String into = value instanceof String text ? text.strip() : null;
    if (!CaseNumbers.isWellFormed(into)) {
      throw refused("并入的信访事项编号格式不正确（应如 XF2026-00000042）");
    }
    String clerk =
        user.id()
            .filter(id -> user.groups().contains(PetitionProcess.Group.BUREAU))
            .orElseThrow(() -> refused("只有信访部门的工作人员可以并单"));
    if (into.equals(petition.caseNumber())) {
      throw refused("不能将信访事项并入其自身（" + into + "）");
    }
    PetitionRecord target = readable(into).orElseThrow(() -> unknown(into));
    // both rows locked, in the order of their ids: two clerks merging two cases into each other
    // wait for one another instead of deadlocking, and the second finds the first closed
    long first = Math.min(petition.id(), target.id());
    lock(first == petition.id() ? petition : target);
    lock(first == petition.id() ? target : petition);
    petition = store.get(petition.caseNumber());
    target = store.get(into);
    check(petition, target);

    store.recordMerge(petition.caseNumber(), into);
    store.moveTo(petition.caseNumber(), PetitionStatus.CLOSED);
    int copied = attachments.copyMerged(petition.id(), petition.caseNumber(), target.id(), clerk);
    store.addMilestone(
        into,
        MilestoneType.MERGED_IN,
        false,
        "信访事项 " + petition.caseNumber() + "（“" + petition.title() + "”）并入本件一并办理",
        copied == 0 ? null : "随附材料 " + copied + " 份已转入本件");
    audit.record(
        petition.caseNumber(),
        AuditTrail.Action.MERGE,
        "merged into " + into + " by " + clerk + ", " + copied + " attachment(s) copied");
    audit.record(
        into,
        AuditTrail.Action.MERGE,
        petition.caseNumber() + " merged into this case by " + clerk);
    metrics.recordMerge(petition.id(), into);
  }

  /**
   * The case, if the bureau reads it (staff/CaseReading: every case but a DISCIPLINE one, whose
   * registering clerk alone of the bureau reads it, and never to merge into).
   */
  private Optional<PetitionRecord> readable(String caseNumber) {
    return store
        .findByCaseNumber(caseNumber)
        .filter(c -> c.route() != Route.DISCIPLINE)
        .filter(c -> c.processInstanceId() != null);
  }

  private void check(PetitionRecord petition, PetitionRecord target) {
    if (target.route() == Route.DISCIPLINE) {
      throw unknown(target.caseNumber());
    }
    if (!petition.open() || petition.status() != PetitionStatus.REGISTERED) {
      throw refused("本件已不在分流环节（" + petition.status().label() + "），不能并单");
    }
    if (target.mergedInto() != null) {
      throw refused(
          "信访事项 "
              + target.caseNumber()
              + " 已并入 "
              + target.mergedInto()
              + "，不能再并入；如属同一事项，请并入 "
              + target.mergedInto());
    }
    if (!target.open()) {
      throw refused(
          "信访事项 "
              + target.caseNumber()
              + " 已办结（"
              + target.status().label()
              + "），只能并入在办的信访事项；本件请依法分流");
    }
    if (!target.district().equals(petition.district())) {
      throw refused(
          "信访事项 "
              + target.caseNumber()
              + " 的事项发生地为"
              + Districts.label(target.district())
              + "，与本件（"
              + Districts.label(petition.district())
              + "）不同，不能并入");
    }
  }

  private void lock(PetitionRecord c) {
    store.lock(c.caseNumber());
  }

  private static RuntimeException unknown(String caseNumber) {
    return refused("信访事项 " + caseNumber + " 不存在或您无权查看，不能并入");
  }

  private static RuntimeException refused(String message) {
    return TaskInputs.invalid(Var.MERGE_INTO, message);
  }
}
