package cn.xinfang.browser;

import static cn.xinfang.support.CaseDriver.APPROVE_REPLY;
import static cn.xinfang.support.CaseDriver.HANDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.PublicApi;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The housing bureau handles an accepted petition in Camunda Tasklist with the Chinese handling
 * form and the reply passes both levels of its approval chain (the unit's head, then the leaders),
 * driven by {@code src/test/browser/tasklist-handling.mjs}; see {@link BrowserScript} for what it
 * needs.
 */
@ApplicationIT
class TasklistHandlingIT {

  private static final List<String> SCREENSHOTS =
      List.of(
          "handling-1-form.png",
          "handling-1-extension.png",
          "handling-1-filled.png",
          "handling-2-return.png",
          "handling-2-redraft.png",
          "handling-2-approve-unit.png",
          "handling-2-done.png",
          "handling-3-approve-leader.png",
          "handling-3-done.png");

  @LocalServerPort int port;

  @Autowired HistoryService historyService;
  @Autowired CaseDriver cases;
  @Autowired PublicApi api;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  @Test
  void aReturnedDraftIsRedraftedInTasklistThenApprovedByTheHeadAndTheLeader() throws Exception {
    // Given a housing case accepted by the housing bureau, waiting at 办理信访事项 for unit-housing
    Case c = cases.accepted();

    // When housing1 concludes it in Tasklist, housinghead1 returns the draft with a comment,
    // housing1 redrafts, housinghead1 approves it, then leader1
    List<String> stale =
        Stream.concat(SCREENSHOTS.stream(), Stream.of("handling-failure.png")).toList();
    BrowserScript.Outcome outcome =
        BrowserScript.named("tasklist-handling").run(port, c.number(), stale).assertSucceeded();

    // Then both approvers read the opinion that was typed, and the petitioner reads it in the
    // opinion notice
    String typed = outcome.result().path(Var.OPINION_TEXT).asText();
    assertThat(typed).as("opinion text typed in the browser").contains(c.number());
    assertThat(outcome.result().path("opinionShownToApprovers"))
        .extracting(JsonNode::asText)
        .containsExactly(typed, typed);
    JsonNode view = api.view(c.queryCode()).body();
    assertThat(view.path("status").asText()).isEqualTo("REPLIED");
    assertThat(
            StreamSupport.stream(view.path("notices").spliterator(), false)
                .filter(n -> "HANDLING_OPINION".equals(n.path("type").asText())))
        .singleElement()
        .satisfies(n -> assertThat(n.path("body").asText()).contains(typed));

    // And the engine remembers who completed each task, in order
    List<HistoricTaskInstance> done =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceId(c.pi().getId())
            .taskDefinitionKeyIn(HANDLE, APPROVE_REPLY)
            .finished()
            .orderByHistoricTaskInstanceEndTime()
            .asc()
            .list();
    assertThat(done)
        .extracting(
            HistoricTaskInstance::getTaskDefinitionKey,
            HistoricTaskInstance::getAssignee,
            this::completedBy)
        .containsExactly(
            tuple(HANDLE, "housing1", List.of("housing1")),
            tuple(APPROVE_REPLY, "housinghead1", List.of("housinghead1")),
            tuple(HANDLE, "housing1", List.of("housing1")),
            tuple(APPROVE_REPLY, "housinghead1", List.of("housinghead1")),
            tuple(APPROVE_REPLY, "leader1", List.of("leader1")));

    assertThat(SCREENSHOTS)
        .allSatisfy(
            name ->
                assertThat(BrowserScript.SCREENSHOTS.resolve(name))
                    .isRegularFile()
                    .isNotEmptyFile());
  }

  /**
   * The users in the operation log's completion of the task: Tasklist completes as the logged-in
   * user.
   */
  private List<String> completedBy(HistoricTaskInstance task) {
    return historyService
        .createUserOperationLogQuery()
        .taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .distinct()
        .toList();
  }
}
