package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's authorization checks take a short list of the user's groups as it is (growth): the
 * engine's authorization manager is replaced, and what a user may see is what it was.
 */
@ApplicationIT
class AuthorizedGroupsIT {

  @Autowired ProcessEngine engine;
  @Autowired CaseDriver cases;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;

  @Test
  void theEngineChecksAuthorizationsWithoutNarrowingAShortListOfGroups() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    Class<?> manager =
        configuration
            .getCommandExecutorTxRequired()
            .execute(context -> context.getSession(AuthorizationManager.class).getClass());
    assertThat(manager).isEqualTo(AuthorizedGroupsConfiguration.GroupsAsTheyAre.class);

    List<String> groups = List.of("bureau", "a-group-without-grants");
    assertThat(
            new AuthorizedGroupsConfiguration.GroupsAsTheyAre(20)
                .filterAuthenticatedGroupIds(groups))
        .isEqualTo(groups);
  }

  @Test
  void whatAUserSeesDependsOnItsGrantsAsBefore() {
    // Given a case waiting at the bureau's triage
    Case c = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    String triage = cases.task(c, CaseDriver.TRIAGE).getId();

    // Then a bureau clerk finds it, also with a group that holds no grant beside the bureau
    assertThat(visibleAs("clerk1", List.of("bureau"), () -> taskIds(c))).containsExactly(triage);
    assertThat(visibleAs("clerk1", List.of("bureau", "a-group-without-grants"), () -> taskIds(c)))
        .containsExactly(triage);
    // and neither a unit nor a user whose only group holds no grant does
    assertThat(visibleAs("housing1", List.of("unit-housing"), () -> taskIds(c))).isEmpty();
    assertThat(visibleAs("stranger", List.of("a-group-without-grants"), () -> taskIds(c)))
        .isEmpty();
  }

  private List<String> taskIds(Case c) {
    return taskService
        .createTaskQuery()
        .processDefinitionKey(PetitionProcess.PROCESS_KEY)
        .processInstanceBusinessKey(c.number())
        .list()
        .stream()
        .map(t -> t.getId())
        .toList();
  }

  private <T> T visibleAs(String user, List<String> groups, Supplier<T> query) {
    identityService.setAuthentication(user, groups);
    try {
      return query.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
