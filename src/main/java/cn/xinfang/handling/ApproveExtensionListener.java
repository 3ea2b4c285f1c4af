package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.notice.Notices;
import cn.xinfang.web.ForbiddenException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Component;

/**
 * approveExtension: the handling unit's head (本机关、单位负责人, Art. 34; the candidate group is the head
 * group of the unit in the case store, {@link UnitHeads}) approves or refuses with an explicit
 * choice ({@code extensionApproved}: a Boolean from a REST client or the text of the form's radio,
 * stored as a Boolean), and an approval must come before the handling deadline. The model's timer
 * ends the task at the deadline; this check covers the moments before the timer job has run.
 *
 * <p>Whoever asked for the extension (completed handlePetition with EXTEND; the engine's operation
 * log of that completion says who, no variable) never approves it: taking the task (assignment) and
 * completing it are refused for them, as for the drafter of a reply.
 */
@Component
public class ApproveExtensionListener implements TaskListener {

  private final ProcessCase cases;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final HistoryService history;

  public ApproveExtensionListener(
      ProcessCase cases, Clock clock, CurrentUser currentUser, HistoryService history) {
    this.cases = cases;
    this.clock = clock;
    this.currentUser = currentUser;
    this.history = history;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      notTheRequester(task, task.getAssignee());
      return;
    }
    notTheRequester(task, currentUser.id().orElse(task.getAssignee()));
    TaskInputs in = new TaskInputs(task);
    boolean approved = in.requireChoice(Var.EXTENSION_APPROVED, "审批意见：批准延期或不予批准");
    in.optionalText(Var.EXTENSION_COMMENT, "审批意见", 500);
    task.setVariable(Var.EXTENSION_APPROVED, approved);
    Date due = Date.from(cases.of(task).handlingDue().toInstant());
    if (approved && clock.instant().isAfter(due.toInstant())) {
      throw TaskInputs.invalid(Var.EXTENSION_APPROVED, "办理期限已于" + Notices.day(due) + "届满，不能再批准延期");
    }
  }

  private void notTheRequester(DelegateTask task, String user) {
    if (user != null && user.equals(requester(task))) {
      throw new ForbiddenException(
          "本延期申请由您提出，不能由您本人批准：延期须经本机关、单位负责人批准，申请人不得审批本人的申请（《信访工作条例》第三十四条）");
    }
  }

  /** The user who completed the handlePetition task that asked for this extension, if known. */
  private String requester(DelegateTask task) {
    List<HistoricTaskInstance> asked =
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .taskDefinitionKey(PetitionProcess.TASK_HANDLE)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .desc()
            .listPage(0, 1);
    if (asked.isEmpty()) {
      return null;
    }
    return history
        .createUserOperationLogQuery()
        .taskId(asked.get(0).getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
