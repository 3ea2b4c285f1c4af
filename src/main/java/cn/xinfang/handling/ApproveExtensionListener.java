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
 * approveExtension: a leader approves or refuses, and an approval must come before the handling
 * deadline (Art. 34). The model's timer ends the task at the deadline; this check covers the
 * moments before the timer job has run.
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
    boolean approved = in.requireBoolean(Var.EXTENSION_APPROVED, "是否批准延期");
    in.optionalText(Var.EXTENSION_COMMENT, "审批意见", 500);
    Date due = Date.from(cases.of(task).handlingDue().toInstant());
    if (approved && clock.instant().isAfter(due.toInstant())) {
      throw TaskInputs.invalid(Var.EXTENSION_APPROVED, "办理期限已于" + Notices.day(due) + "届满，不能再批准延期");
    }
  }
}
