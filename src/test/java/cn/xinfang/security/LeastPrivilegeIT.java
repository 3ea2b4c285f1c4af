package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Least privilege over /engine-rest, as the demo users of different groups: a unit finds and reads
 * its own tasks, cases and history and nothing of another unit's; an accusation transferred to 纪检监察
 * is readable there and nowhere else; only the bureau starts cases and nobody but administrators
 * deploys.
 */
@ApplicationIT
class LeastPrivilegeIT {

  @Autowired CaseDriver cases;
  @Autowired StaffRest staff;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;

  @Test
  void aUnitReadsItsOwnCaseAndNothingOfAnotherUnits() throws Exception {
    // Given a housing case at the housing bureau and a labour case at the labour bureau
    Case housing = cases.accepted();
    Case labour = cases.register("FUTIAN", "LABOUR", "2026-09-20");
    cases.complete(
        labour, CaseDriver.TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    Task housingTask = cases.task(housing, CaseDriver.HANDLE);

    // Then housing1 finds its task, its case and its history
    assertThat(get("housing1", "/engine-rest/task?processInstanceBusinessKey=" + housing.number()))
        .hasSize(1);
    assertThat(get("housing1", "/engine-rest/process-instance?businessKey=" + housing.number()))
        .hasSize(1);
    assertThat(
            get(
                "housing1",
                "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + housing.number()))
        .hasSize(1);
    assertThat(
            get(
                "housing1",
                "/engine-rest/history/activity-instance?processInstanceId=" + housing.pi().getId()))
        .isNotEmpty();

    // and nothing of the labour case: not its task, its instance, its history or its variables
    assertThat(get("housing1", "/engine-rest/task?processInstanceBusinessKey=" + labour.number()))
        .isEmpty();
    assertThat(get("housing1", "/engine-rest/process-instance?businessKey=" + labour.number()))
        .isEmpty();
    assertThat(
            get(
                "housing1",
                "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + labour.number()))
        .isEmpty();
    assertThat(
            get(
                "housing1",
                "/engine-rest/history/variable-instance?processInstanceId=" + labour.pi().getId()))
        .isEmpty();
    assertThat(
            get(
                "housing1",
                "/engine-rest/variable-instance?processInstanceIdIn=" + labour.pi().getId()))
        .isEmpty();

    // and hrss1 can neither read nor complete housing's task, nor read its case
    assertThat(get("hrss1", "/engine-rest/task?processInstanceBusinessKey=" + housing.number()))
        .isEmpty();
    assertThat(
            status(
                "hrss1",
                HttpMethod.GET,
                "/engine-rest/task/" + housingTask.getId() + "/form-variables",
                null))
        .isIn(403, 404);
    assertThat(
            status(
                "hrss1",
                HttpMethod.POST,
                "/engine-rest/task/" + housingTask.getId() + "/complete",
                Map.of("variables", Map.of())))
        .isIn(403, 404);
    assertThat(
            status(
                "hrss1",
                HttpMethod.GET,
                "/engine-rest/process-instance/" + housing.pi().getId() + "/variables",
                null))
        .isIn(403, 404);
    assertThat(
            get(
                "hrss1",
                "/engine-rest/history/process-instance?processInstanceBusinessKey="
                    + housing.number()))
        .isEmpty();
    assertThat(get("hrss1", "/engine-rest/process-instance"))
        .noneMatch(pi -> pi.path("id").asText().equals(housing.pi().getId()));
  }

  @Test
  void aUnitThatObjectsNoLongerReadsTheCase() throws Exception {
    Case c = cases.transferred();
    assertThat(get("housing1", "/engine-rest/process-instance?businessKey=" + c.number()))
        .hasSize(1);

    cases.complete(
        c,
        CaseDriver.ACCEPT,
        Map.of(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责，应由人社部门处理"));
    // until the bureau agrees (Art. 23), the case is still the unit's
    assertThat(get("housing1", "/engine-rest/process-instance?businessKey=" + c.number()))
        .hasSize(1);
    cases.complete(
        c,
        PetitionProcess.TASK_VERIFY_OBJECTION,
        Map.of(Var.OBJECTION_AGREED, true, Var.VERIFICATION_COMMENT, "同意，属人社部门职责"));

    assertThat(get("housing1", "/engine-rest/process-instance?businessKey=" + c.number()))
        .isEmpty();
    assertThat(
            get(
                "housing1",
                "/engine-rest/history/process-instance?processInstanceBusinessKey=" + c.number()))
        .isEmpty();
  }

  @Test
  void anAccusationTransferredToDisciplineIsReadableOnlyThere() throws Exception {
    // Given an accusation against an official that clerk1 registered at the window and another
    // bureau clerk
    // triaged to 纪检监察 (the process ends there)
    if (identityService.createUserQuery().userId("clerk2").count() == 0) {
      User clerk2 = identityService.newUser("clerk2");
      clerk2.setPassword("demo");
      identityService.saveUser(clerk2);
      identityService.createMembership("clerk2", "bureau");
    }
    String caseNumber = startFormAs("clerk1");
    String processInstanceId = runtimeOrHistoricInstance(caseNumber);
    String triage =
        get("clerk2", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber)
            .get(0)
            .path("id")
            .asText();
    assertThat(
            status(
                "clerk2",
                HttpMethod.POST,
                "/engine-rest/task/" + triage + "/complete",
                Map.of(
                    "variables",
                    Http.variables(
                        Petitions.triage("ACCUSATION", "NONE", false, false, true, true)))))
        .isEqualTo(204);

    // Then discipline1 reads its history and its variables, and so does the clerk who registered it
    String history =
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + caseNumber;
    String variables =
        "/engine-rest/history/variable-instance?processInstanceId=" + processInstanceId;
    assertThat(get("discipline1", history)).hasSize(1);
    assertThat(get("discipline1", variables))
        .anySatisfy(v -> assertThat(v.path("name").asText()).isEqualTo("title"));
    assertThat(get("clerk1", history)).hasSize(1);

    // and in the case file 纪检监察, which handles it, reads the petitioner in full, the clerk only
    // masked
    String file = "/api/staff/cases/" + caseNumber;
    assertThat(get("discipline1", file).path("personalData").asText()).isEqualTo("FULL");
    assertThat(get("discipline1", file).path("persons").get(0).path("phone").asText())
        .isEqualTo("13900000009");
    assertThat(get("clerk1", file).path("personalData").asText()).isEqualTo("MASKED");

    // and no other user finds it: not the other bureau clerk, not a unit, not 政法, not a review
    // level
    for (String user :
        new String[] {"clerk2", "housing1", "futian1", "legal1", "review1", "leader1"}) {
      assertThat(get(user, history)).as(user).isEmpty();
      assertThat(get(user, variables)).as(user).isEmpty();
      assertThat(get(user, "/engine-rest/history/task?processInstanceId=" + processInstanceId))
          .as(user)
          .isEmpty();
      assertThat(status(user, HttpMethod.GET, file, null)).as(user).isEqualTo(404);
    }
  }

  /**
   * A clerk registers a petition with the start form over /engine-rest; answers its case number.
   */
  private String startFormAs(String user) {
    Map<String, Object> form =
        Petitions.startForm("来访：举报某局干部收受礼金 " + System.nanoTime(), "13900000009");
    ResponseEntity<String> started =
        exchange(
            user,
            HttpMethod.POST,
            "/engine-rest/process-definition/key/petition/submit-form",
            Map.of("variables", Http.variables(form)));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    return StaffRest.json(started).path("businessKey").asText();
  }

  private String runtimeOrHistoricInstance(String caseNumber) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(PetitionProcess.PROCESS_KEY)
        .processInstanceBusinessKey(caseNumber)
        .singleResult()
        .getId();
  }

  @Test
  void onlyTheBureauStartsCasesAndOnlyAdministratorsDeploy() {
    String start = "/engine-rest/process-definition/key/petition/start";
    Map<String, Object> body = Map.of("variables", Map.of());
    assertThat(status("housing1", HttpMethod.POST, start, body)).isEqualTo(403);
    assertThat(status("discipline1", HttpMethod.POST, start, body)).isEqualTo(403);

    for (String user : new String[] {"clerk1", "housing1", "leader1"}) {
      assertThat(status(user, HttpMethod.GET, "/engine-rest/deployment", null)).isEqualTo(200);
      assertThat(get(user, "/engine-rest/deployment")).as(user).isEmpty();
      assertThat(get(user, "/engine-rest/authorization"))
          .as(user + " reads no authorization of others")
          .allSatisfy(
              a -> assertThat(a.path("userId").asText() + a.path("groupId").asText()).isNotEmpty());
    }
    assertThat(get("demo", "/engine-rest/deployment")).isNotEmpty();
  }

  private JsonNode get(String user, String path) {
    return staff.get(user, path);
  }

  private int status(String user, HttpMethod method, String path, Object body) {
    return staff.status(user, method, path, body);
  }

  private ResponseEntity<String> exchange(
      String user, HttpMethod method, String path, Object body) {
    return staff.exchange(user, method, path, body);
  }
}
