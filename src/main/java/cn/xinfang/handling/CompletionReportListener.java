package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of reportCompletion: the assigned unit's report (办结报告), required. */
@Component
public class CompletionReportListener implements TaskListener {

  static final int REPORT_MAX = 4000;

  @Override
  public void notify(DelegateTask task) {
    new TaskInputs(task).requireText(Var.COMPLETION_REPORT, "办结报告", REPORT_MAX);
  }
}
