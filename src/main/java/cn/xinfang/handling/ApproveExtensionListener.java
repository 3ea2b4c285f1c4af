package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.notice.Notices;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * approveExtension: the handling unit's head (本机关、单位负责人, Art. 34; the candidate group is the head
 * group of the unit in the case store, {@link UnitHeads}) approves or refuses with an explicit
 * choice ({@code extensionApproved}: a Boolean from a REST client or the text of the form's radio,
 * stored as a Boolean), and an approval must come before the handling deadline. The model's timer
 * ends the task at the deadline; this check covers the moments before the timer job has run.
 */
@Component
public class ApproveExtensionListener implements TaskListener {

  private final ProcessCase cases;
  private final Clock clock;

  public ApproveExtensionListener(ProcessCase cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    boolean approved = in.requireChoice(Var.EXTENSION_APPROVED, "审批意见：批准延期或不予批准");
    in.optionalText(Var.EXTENSION_COMMENT, "审批意见", 500);
    task.setVariable(Var.EXTENSION_APPROVED, approved);
    Date due = Date.from(cases.of(task).handlingDue().toInstant());
    if (approved && clock.instant().isAfter(due.toInstant())) {
      throw TaskInputs.invalid(Var.EXTENSION_APPROVED, "办理期限已于" + Notices.day(due) + "届满，不能再批准延期");
    }
  }
}
