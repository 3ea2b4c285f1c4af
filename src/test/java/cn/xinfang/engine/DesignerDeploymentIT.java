package cn.xinfang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Apps;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What a designer deploys from Camunda Modeler, one changed file at a time, as Modeler sends it
 * (multipart to /engine-rest/deployment/create, "deploy changed only"): it takes effect for new
 * cases, running cases keep their models, and a deployment that would fail at run time is refused
 * with a Chinese message naming what is missing.
 */
@ApplicationIT
class DesignerDeploymentIT {

  @Autowired TestRestTemplate rest;
  @Autowired StaffRest staff;
  @Autowired CaseDriver cases;
  @Autowired RepositoryService repository;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTheDesignersDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true));
  }

  @Test
  void aDecisionTableDeployedAloneDecidesTheTriagesOfNewCasesOnly() throws IOException {
    Case before = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    String routing =
        model("dmn/petition-routing.dmn")
            .replace(
                """
        <outputEntry id="Rule_06_Suggestion_Out1">
                  <text>"SUGGESTION"</text>""",
                """
        <outputEntry id="Rule_06_Suggestion_Out1">
                  <text>"PETITION"</text>""");
    assertThat(routing)
        .as("the designer's change")
        .contains(
            "<text>\"PETITION\"</text>\n        </outputEntry>\n      </rule>\n      <rule id=\"Rule_07");

    JsonNode deployed = deploy(200, Map.of("petition-routing.dmn", routing));
    assertThat(deployed.path("deployedProcessDefinitions").size())
        .as("a new version of the processes (petition, noticeDelivery, supervision)")
        .isEqualTo(3);
    Case after = cases.register("FUTIAN", "HOUSING", "2026-09-20");

    triageAsSuggestion(before);
    triageAsSuggestion(after);
    assertThat(route(before))
        .as("a running case keeps the table it started with")
        .isEqualTo("SUGGESTION");
    assertThat(route(after)).as("a new case routes by the new table").isEqualTo("PETITION");
  }

  @Test
  void aProcessDeployedAloneKeepsItsDecisionTablesAndForms() throws IOException {
    Case before = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    String process =
        model("processes/petition.bpmn").replace("name=\"信访事项分流\"", "name=\"信访事项分流（新版）\"");

    deploy(200, Map.of("petition.bpmn", process));
    Case after = cases.register("FUTIAN", "HOUSING", "2026-09-20");

    assertThat(triageTask(before).path("name").asText()).isEqualTo("信访事项分流");
    assertThat(triageTask(after).path("name").asText()).isEqualTo("信访事项分流（新版）");
    assertThat(
            staff
                .get(
                    "clerk1",
                    "/engine-rest/task/" + triageTask(after).path("id").asText() + "/deployed-form")
                .path("id")
                .asText())
        .isEqualTo("triage-petition");
    triageAsSuggestion(after);
    assertThat(route(after)).isEqualTo("SUGGESTION");
  }

  @Test
  void aFormDeployedAloneIsTheFormOfNewCases() throws IOException {
    Case before = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    String form =
        model("forms/triage-petition.form").replace("\"label\": \"案件编号\"", "\"label\": \"信访件编号\"");
    assertThat(form).contains("信访件编号");

    deploy(200, Map.of("triage-petition.form", form));
    Case after = cases.register("FUTIAN", "HOUSING", "2026-09-20");

    assertThat(deployedForm(before)).contains("案件编号").doesNotContain("信访件编号");
    assertThat(deployedForm(after)).contains("信访件编号");
  }

  @Test
  void theWholeSetDeploysAsItIs() throws IOException {
    Map<String, String> all = new LinkedHashMap<>();
    for (String folder : List.of("processes", "dmn", "forms")) {
      try (var files = Files.list(Path.of(folder))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          all.put(f.getFileName().toString(), Files.readString(f));
        }
      }
    }
    deploy(200, all);
    Case after = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    triageAsSuggestion(after);
    assertThat(route(after)).isEqualTo("SUGGESTION");
  }

  @Test
  void aProcessThatLooksUpAFormNoModelHasIsRefused() throws IOException {
    long versions =
        repository.createProcessDefinitionQuery().processDefinitionKey("petition").count();
    String process =
        model("processes/petition.bpmn")
            .replace(
                "camunda:formRef=\"triage-petition\"", "camunda:formRef=\"triage-petition-v9\"");

    JsonNode refused = deploy(400, Map.of("petition.bpmn", process));

    assertThat(refused.path("message").asText())
        .contains("部署被拒绝")
        .contains("表单 triage-petition-v9（triagePetition）");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("petition").count())
        .isEqualTo(versions);
  }

  @Test
  void aDelegateExpressionNamingNoServiceIsRefused() throws IOException {
    long versions =
        repository.createProcessDefinitionQuery().processDefinitionKey("petition").count();
    String process =
        model("processes/petition.bpmn")
            .replace("${recordRouteDelegate}", "${recordRouteDelegateV2}");

    JsonNode refused = deploy(400, Map.of("petition.bpmn", process));

    assertThat(refused.path("message").asText())
        .contains("部署被拒绝")
        .contains("${recordRouteDelegateV2}");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("petition").count())
        .isEqualTo(versions);
  }

  private static String model(String path) throws IOException {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  /** As Camunda Modeler deploys: multipart, its deployment name and source, only what changed. */
  private JsonNode deploy(int status, Map<String, String> files) {
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "petition");
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("deploy-changed-only", "true");
    files.forEach(
        (name, text) -> {
          HttpHeaders headers = new HttpHeaders();
          headers.setContentDisposition(
              org.springframework.http.ContentDisposition.formData()
                  .name(name)
                  .filename(name)
                  .build());
          headers.setContentType(
              name.endsWith(".form") ? MediaType.APPLICATION_JSON : MediaType.TEXT_XML);
          parts.add(name, new HttpEntity<>(text.getBytes(StandardCharsets.UTF_8), headers));
        });
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.AUTHORIZATION, Apps.basic("demo", "demo"));
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> response =
        rest.exchange(
            "/engine-rest/deployment/create",
            HttpMethod.POST,
            new HttpEntity<>(parts, headers),
            String.class);
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    JsonNode body = StaffRest.json(response);
    if (status == 200) {
      deployments.add(body.path("id").asText());
    }
    return body;
  }

  private JsonNode triageTask(Case c) {
    JsonNode tasks =
        staff.get(
            "clerk1",
            "/engine-rest/task?taskDefinitionKey=triagePetition&processInstanceBusinessKey="
                + c.number());
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  private void triageAsSuggestion(Case c) {
    assertThat(
            staff.status(
                "clerk1",
                HttpMethod.POST,
                "/engine-rest/task/" + triageTask(c).path("id").asText() + "/complete",
                Map.of(
                    "variables",
                    Http.variables(
                        Petitions.triage("SUGGESTION", "NONE", false, false, false, true)))))
        .isEqualTo(204);
  }

  private String route(Case c) {
    return staff.get("demo", "/api/staff/cases/" + c.number()).path("route").asText();
  }

  private String deployedForm(Case c) {
    ResponseEntity<String> form =
        staff.exchange(
            "clerk1",
            HttpMethod.GET,
            "/engine-rest/task/" + triageTask(c).path("id").asText() + "/deployed-form",
            null);
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    return form.getBody();
  }
}
