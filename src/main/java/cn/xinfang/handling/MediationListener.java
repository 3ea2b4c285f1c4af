package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * mediatePetition: mediation is voluntary (《信访工作条例》第三十三条); an agreement needs both sides' consent
 * and its terms, and ends the case: the first round's conclusion for the metrics.
 */
@Component
public class MediationListener implements TaskListener {

  private final ProcessCase cases;
  private final CaseMetricStore metrics;
  private final Clock clock;

  public MediationListener(ProcessCase cases, CaseMetricStore metrics, Clock clock) {
    this.cases = cases;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    MediationResult result = in.requireEnum(Var.MEDIATION_RESULT, MediationResult.class, "调解结果");
    if (result == MediationResult.AGREED) {
      if (!in.optionalBoolean(Var.PETITIONER_CONSENTS, "信访人同意调解")) {
        throw TaskInputs.invalid(Var.PETITIONER_CONSENTS, "调解协议须经信访人自愿同意");
      }
      if (!in.optionalBoolean(Var.OTHER_PARTY_CONSENTS, "对方当事人同意调解")) {
        throw TaskInputs.invalid(Var.OTHER_PARTY_CONSENTS, "调解协议须经对方当事人自愿同意");
      }
      in.requireText(Var.MEDIATION_AGREEMENT, "调解协议内容", 2000);
      metrics.concluded(cases.number(task), OffsetDateTime.now(clock));
    } else {
      in.optionalText(Var.MEDIATION_AGREEMENT, "调解情况", 2000);
    }
  }

  public enum MediationResult {
    AGREED,
    FAILED
  }
}
