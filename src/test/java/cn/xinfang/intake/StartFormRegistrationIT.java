package cn.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A clerk registers a visit with Tasklist's start form: the same REST call Tasklist makes, with the
 * clerk's own credentials and authorizations.
 */
@ApplicationIT
class StartFormRegistrationIT {

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired PetitionStore store;

  @Test
  void clerkRegistersVisitWithStartFormAndPersonalDataLeavesTheEngine() {
    Map<String, Object> form = Petitions.startForm("工地夜间施工噪音", "13912345678");

    ResponseEntity<Map> started = submit("clerk1", form);

    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    ProcessInstance pi =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId((String) started.getBody().get("id"))
            .singleResult();
    PetitionRecord petition = store.get(pi.getBusinessKey());
    assertThat(petition.title()).isEqualTo("工地夜间施工噪音");
    assertThat(petition.channel().name()).isEqualTo("VISIT");
    assertThat(petition.registeredBy())
        .as("the clerk the request authenticated as")
        .isEqualTo("clerk1");
    assertThat(store.persons(petition.id()).get(0).phone()).isEqualTo("13912345678");
    assertThat(runtimeService.getVariables(pi.getId()))
        .containsEntry("caseNumber", petition.caseNumber())
        .containsEntry("receivedOn", "2026-09-20 00:00")
        .doesNotContainKeys(
            "petitionerIdNumber", "petitionerPhone", "petitionerAddress", "content");
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableNameIn(
                    "petitionerIdNumber", "petitionerPhone", "petitionerAddress", "content")
                .includeDeleted()
                .count())
        .as("personal data is not kept in the engine's history")
        .isZero();
    // nor in the form-submission records of the history (ACT_HI_DETAIL is not written at this
    // history level)
    assertThat(
            historyService
                .createHistoricDetailQuery()
                .processInstanceId(pi.getId())
                .variableUpdates()
                .list())
        .extracting(d -> d.toString())
        .noneMatch(d -> d.contains("13912345678") || d.contains("11010519491231002X"));
  }

  @Test
  void invalidStartFormIsRefusedAndCreatesNothing() {
    long before =
        runtimeService.createProcessInstanceQuery().processDefinitionKey("petition").count();
    Map<String, Object> form = Petitions.startForm("电话号码有误", "12345");

    ResponseEntity<Map> response = submit("clerk1", form);

    assertThat(response.getStatusCode().is2xxSuccessful()).isFalse();
    assertThat(String.valueOf(response.getBody().get("message"))).contains("联系电话格式不正确");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("petition").count())
        .isEqualTo(before);
  }

  @Test
  void handlingUnitMayNotRegisterPetitions() {
    ResponseEntity<Map> response = submit("housing1", Map.of("channel", "VISIT"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<Map> submit(String user, Map<String, Object> form) {
    Map<String, Object> variables = new HashMap<>();
    form.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return rest.withBasicAuth(user, "demo")
        .postForEntity(
            "/engine-rest/process-definition/key/petition/submit-form",
            Map.of("variables", variables),
            Map.class);
  }
}
