package cn.xinfang.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * processes/supervision.bpmn against the code's names (SupervisionProcess): a designer may move and
 * add elements, but the task keys, the messages the platform correlates and the listeners that
 * check each task's inputs stay.
 */
class SupervisionModelTest {

  private final BpmnModelInstance model =
      Bpmn.readModelFromFile(Path.of("processes", "supervision.bpmn").toFile());

  @Test
  void theUserTasksAreTheContractsAndEachChecksItsInputsAndShowsTheCase() {
    Collection<UserTask> tasks = model.getModelElementsByType(UserTask.class);
    // a designer may add escalation levels; the contract's tasks stay
    assertThat(tasks.stream().map(UserTask::getId)).containsAll(SupervisionProcess.TASKS);
    for (UserTask t : tasks) {
      List<String> events =
          t
              .getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaTaskListener.class)
              .list()
              .stream()
              .filter(l -> "${supervisionTaskListener}".equals(l.getCamundaDelegateExpression()))
              .map(CamundaTaskListener::getCamundaEvent)
              .toList();
      assertThat(events).as(t.getId()).containsExactlyInAnyOrder("create", "complete");
      assertThat(t.getCamundaFormRef()).as(t.getId()).isNotBlank();
      assertThat(t.getCamundaFormRefBinding()).as(t.getId()).isEqualTo("deployment");
    }
  }

  @Test
  void theMessagesAreTheOnesThePlatformCorrelates() {
    Set<String> messages =
        model.getModelElementsByType(Message.class).stream()
            .map(Message::getName)
            .collect(Collectors.toSet());
    assertThat(messages)
        .containsExactlyInAnyOrder(
            SupervisionProcess.MESSAGE_MANUAL,
            SupervisionProcess.MESSAGE_DISSATISFIED,
            SupervisionProcess.MESSAGE_TASK_ENDED);
  }

  @Test
  void everyActionHasItsFlowAndNoneIsTheDefault() {
    ExclusiveGateway action = model.getModelElementById("Gateway_Action");
    assertThat(action.getDefault().getTarget().getId()).isEqualTo("End_NotSupervised");
    Set<String> conditions =
        action.getOutgoing().stream()
            .filter(f -> f.getConditionExpression() != null)
            .map(SequenceFlow::getConditionExpression)
            .map(c -> c.getTextContent())
            .collect(Collectors.toSet());
    for (SupervisionProcess.Action a : SupervisionProcess.Action.values()) {
      if (a != SupervisionProcess.Action.NONE) {
        assertThat(conditions).contains("${supervisionAction == '" + a.name() + "'}");
      }
    }
  }
}
