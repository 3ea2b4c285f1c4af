package cn.xinfang.supervision;

import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.supervision.SupervisionProcess.Var;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The start of processes/supervision.bpmn (every start event): links the process to the case
 * store's supervision row that {@link Supervisions} has just opened, once, and drops the variable
 * that named it. A process started without such a row, or naming a row another process carries out,
 * fails here. A decision recorded by hand (MANUAL) becomes the {@code supervisionAction} the
 * model's gateway reads.
 */
@Component
public class SupervisionStartListener implements ExecutionListener {

  private final SupervisionStore store;

  public SupervisionStartListener(SupervisionStore store) {
    this.store = store;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object id = execution.getVariable(Var.SUPERVISION_ID);
    if (!(id instanceof Number n) || !store.link(n.longValue(), execution.getProcessInstanceId())) {
      throw new IllegalStateException(
          "督办流程只能由平台按案件库中尚未办理的督办记录启动（" + Var.SUPERVISION_ID + "=" + id + "）");
    }
    execution.removeVariable(Var.SUPERVISION_ID);
    Supervision s = store.byProcessInstance(execution.getProcessInstanceId()).orElseThrow();
    if (s.action() != null) {
      execution.setVariable(Var.ACTION, s.action());
    }
  }
}
