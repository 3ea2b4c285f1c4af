package cn.xinfang.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A decision table tested on the plain in-memory engine of src/test/resources/camunda.cfg.xml (no
 * Spring); the subclass deploys its table with @Deployment. History level full records which rule
 * matched, so a test can prove first-hit order, not only the output.
 */
public abstract class DecisionTableTest {

  @RegisterExtension
  final ProcessEngineExtension engineExtension = ProcessEngineExtension.builder().build();

  private final String decisionKey;

  protected DecisionTableTest(String decisionKey) {
    this.decisionKey = decisionKey;
  }

  protected ProcessEngine engine() {
    return engineExtension.getProcessEngine();
  }

  protected DmnDecisionTableResult evaluate(Map<String, Object> inputs) {
    return engine().getDecisionService().evaluateDecisionTableByKey(decisionKey, inputs);
  }

  /** The rule that produced the output of the one evaluation in this test's deployment. */
  protected String matchedRule() {
    List<HistoricDecisionInstance> evaluations =
        engine()
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(decisionKey)
            .includeOutputs()
            .list();
    assertThat(evaluations).hasSize(1);
    assertThat(evaluations.get(0).getOutputs()).hasSize(1);
    return evaluations.get(0).getOutputs().get(0).getRuleId();
  }

  /** Every rule that matched in the one evaluation of this test (hit policy COLLECT), in order. */
  protected List<String> matchedRules() {
    List<HistoricDecisionInstance> evaluations =
        engine()
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(decisionKey)
            .includeOutputs()
            .list();
    assertThat(evaluations).hasSize(1);
    return evaluations.get(0).getOutputs().stream().map(o -> o.getRuleId()).toList();
  }
}
