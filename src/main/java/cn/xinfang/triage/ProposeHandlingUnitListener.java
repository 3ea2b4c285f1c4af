package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.engine.GroupNames;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * On creation of triagePetition: the unit the decision table {@code handling-unit} of the process's
 * own deployment proposes for the case's category and district (as a petition, suggestion or
 * enforcement request would go), shown on the form ({@code proposedUnitName}), so that the clerk
 * who chooses another unit (handlingUnitOverride) knows what they override. The route is decided
 * only after the form; the organs the law names for accusations and 涉法涉诉 are not proposed here.
 */
@Component
public class ProposeHandlingUnitListener implements TaskListener {

  static final String DECISION = "handling-unit";

  private final RepositoryService repository;
  private final DecisionService decisions;
  private final GroupNames groupNames;

  public ProposeHandlingUnitListener(
      RepositoryService repository, DecisionService decisions, GroupNames groupNames) {
    this.repository = repository;
    this.decisions = decisions;
    this.groupNames = groupNames;
  }

  @Override
  public void notify(DelegateTask task) {
    String deployment =
        repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
    DecisionDefinition table =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(DECISION)
            .deploymentId(deployment)
            .singleResult();
    if (table == null) {
      return;
    }
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(Var.ROUTE, "PETITION");
    inputs.put(Var.CATEGORY, task.getVariable(Var.CATEGORY));
    inputs.put(Var.DISTRICT, task.getVariable(Var.DISTRICT));
    String unit =
        decisions
            .evaluateDecisionTableById(table.getId(), inputs)
            .getSingleResult()
            .getSingleEntry();
    task.setVariableLocal(Var.PROPOSED_UNIT_NAME, groupNames.name(unit));
  }
}
