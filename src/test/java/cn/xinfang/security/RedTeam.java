package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.security.RedTeamClient.Answer;
import cn.xinfang.supervision.SupervisionProcess;
import cn.xinfang.support.Apps;
import cn.xinfang.support.Http;
import cn.xinfang.support.JarProcess;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.SampleFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The red team: every attack a demo staff account tried against the packaged application, replayed
 * on the packaged jar, each asserting the refusal and that nothing changed: no file written, no
 * case, variable or task changed, no grant left. Run on H2 ({@link RedTeamH2IT}) and PostgreSQL
 * ({@link RedTeamPostgresIT}).
 *
 * <p>Keep it growing: every new endpoint, task or form adds its abuse cases here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RedTeam {

  /** A deployable process nobody uses, for the legitimate and the cross-site deployment. */
  static final String PROBE_BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_RedTeamProbe"
          targetNamespace="http://bpmn.io/schema/bpmn">
        <bpmn:process id="redTeamProbe" name="探针" isExecutable="true" camunda:historyTimeToLive="1">
          <bpmn:startEvent id="StartEvent_Probe" name="开始" />
        </bpmn:process>
      </bpmn:definitions>
      """;

  JarProcess app;
  RedTeamClient client;
  final Path workDir = Path.of("target", "red-team", getClass().getSimpleName());

  /** Datasource properties of the database under attack. */
  abstract Map<String, Object> database() throws Exception;

  @BeforeAll
  void start() throws Exception {
    Files.createDirectories(workDir);
    Map<String, Object> properties = new HashMap<>(database());
    properties.put("petition.demo-data", true);
    // client addresses from X-Forwarded-For (trusted from loopback), so that one test's throttling
    // is its own
    properties.put("server.forward-headers-strategy", "native");
    properties.put("petition.security.login-failures-per-address", 5);
    properties.put("petition.security.login-failure-window", "PT1M");
    // the engine's per-user delay after a wrong password, short enough to wait for in a test
    properties.put("camunda.bpm.generic-properties.properties.login-delay-base", 1);
    properties.put("camunda.bpm.generic-properties.properties.login-delay-max-time", 2);
    // attachments (issue 13): a small per-case total, so that reaching it takes two files
    properties.put("petition.attachments.max-case-size", "1MB");
    // 预警 (issue 15): the scan would add warnings and letters to cases between two snapshots
    properties.put("petition.warnings.scan-interval", "PT100000H");
    app = JarProcess.start(properties, workDir.resolve("application.log"));
    client = new RedTeamClient(app.base());
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.close();
    }
  }

  // --- 1. code execution through an Object variable
  // -------------------------------------------------------

  @Test
  void anObjectVariableNeverRunsCode() throws Exception {
    Case c = registered();
    JsonNode triage = client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number);
    Path marker = workDir.toAbsolutePath().resolve("pwned-" + UUID.randomUUID());
    Map<String, Object> payload = dataSource(marker);
    String before = snapshot(c);
    String task = "/engine-rest/task/" + triage.path("id").asText();

    // a candidate of the task writes the variable every way the API offers
    assertThat(client.call("clerk1", "PUT", task + "/localVariables/probe", payload).status())
        .isEqualTo(403);
    assertThat(client.call("clerk1", "PUT", task + "/variables/probe", payload).status())
        .isEqualTo(403);
    assertThat(
            client
                .post(
                    "clerk1",
                    task + "/variables",
                    Map.of("modifications", Map.of("probe", payload)))
                .status())
        .isEqualTo(403);
    Answer asInput =
        client.post(
            "clerk1", task + "/complete", Map.of("variables", Map.of(Var.TRIAGE_COMMENT, payload)));
    assertThat(asInput.status()).isEqualTo(400);
    assertThat(asInput.json().path("field").asText()).isEqualTo(Var.TRIAGE_COMMENT);
    assertThat(asInput.error()).contains("类型不允许");
    Answer javaSerialized =
        client.post(
            "clerk1",
            task + "/complete",
            Map.of(
                "variables",
                Map.of(
                    Var.TRIAGE_COMMENT,
                    Map.of(
                        "type",
                        "Object",
                        "value",
                        "rO0ABXQABHRlc3Q=",
                        "valueInfo",
                        Map.of(
                            "objectTypeName",
                            "java.lang.String",
                            "serializationDataFormat",
                            "application/x-java-serialized-object")))));
    assertThat(javaSerialized.status()).isEqualTo(400);
    Map<String, Object> startForm =
        new HashMap<>(Http.variables(Petitions.startForm("对象变量", "13900000001")));
    startForm.put("title", payload);
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/process-definition/key/petition/submit-form",
                    Map.of("variables", startForm))
                .status())
        .isEqualTo(400);

    // even an administrator's Object variable of that class is never turned back into one
    String variable = "/engine-rest/process-instance/" + c.instance + "/variables/probe";
    assertThat(client.call("demo", "PUT", variable, payload).status()).isEqualTo(204);
    assertThat(client.get("demo", variable).status())
        .as("read with deserialization")
        .isNotEqualTo(200);
    // a listing of the history shows the variable as one it cannot read
    assertThat(
            client.read(
                "demo",
                "/engine-rest/history/variable-instance?processInstanceId="
                    + c.instance
                    + "&variableName=probe"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path("value").isNull()).isTrue();
              assertThat(v.path("errorMessage").asText()).contains("Cannot deserialize");
            });
    assertThat(client.get("demo", variable + "?deserializeValue=false").status()).isEqualTo(200);
    assertThat(client.call("demo", "DELETE", variable, null).status()).isEqualTo(204);

    assertThat(marker).as("the data source's INIT script never ran").doesNotExist();
    assertThat(snapshot(c)).isEqualTo(before);
  }

  // --- 2. a second process for someone else's case
  // ------------------------------------------------------

  @Test
  void noStaffStartsAProcessPastRegistration() {
    Case accusation = triaged(Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    Case housing = transferred();
    String accusationBefore = snapshot(accusation);
    String housingBefore = snapshot(housing);
    long instances = instances();
    String start = "/engine-rest/process-definition/key/petition/start";

    for (String activity :
        List.of(PetitionProcess.TASK_TRIAGE, "Task_DeliverOpinion", "Task_NotifyNotReaccepted")) {
      Answer answer =
          client.post(
              "clerk1",
              start,
              Map.of(
                  "businessKey",
                  accusation.number,
                  "variables",
                  Http.variables(
                      Map.of(
                          "caseNumber",
                          housing.number,
                          Var.HANDLING_OUTCOME,
                          "NOT_SUPPORTED",
                          Var.OPINION_TEXT,
                          "不予支持")),
                  "startInstructions",
                  List.of(Map.of("type", "startBeforeActivity", "activityId", activity))));
      assertThat(answer.status()).as(activity).isEqualTo(403);
      assertThat(answer.json().path("message").asText()).contains("无权执行此操作");
    }
    assertThat(client.post("clerk1", start, Map.of()).status()).isEqualTo(403);
    assertThat(
            client
                .post("clerk1", start, Map.of("skipCustomListeners", true, "skipIoMappings", true))
                .status())
        .isIn(400, 403);
    // the same through Tasklist's own API, with the webapp's session and CSRF token
    Answer tasklist =
        client.new Webapp("clerk1")
            .post(
                "/camunda/api/engine/engine/default/process-definition" + "/key/petition/start",
                Map.of(
                    "businessKey",
                    accusation.number,
                    "startInstructions",
                    List.of(
                        Map.of(
                            "type",
                            "startBeforeActivity",
                            "activityId",
                            PetitionProcess.TASK_TRIAGE))));
    assertThat(tasklist.status()).isEqualTo(403);
    // the start form registers a new case and nothing else: no business key, no case number of its
    // own
    String submit = "/engine-rest/process-definition/key/petition/submit-form";
    assertThat(
            client
                .post(
                    "clerk1",
                    submit,
                    Map.of(
                        "businessKey",
                        accusation.number,
                        "variables",
                        Http.variables(Petitions.startForm("换号", "13900000002"))))
                .status())
        .isEqualTo(403);
    Map<String, Object> withNumber = new HashMap<>(Petitions.startForm("带案号", "13900000003"));
    withNumber.put("caseNumber", accusation.number);
    Answer numbered =
        client.post("clerk1", submit, Map.of("variables", Http.variables(withNumber)));
    assertThat(numbered.status()).isEqualTo(400);
    assertThat(numbered.json().path("field").asText()).isEqualTo("caseNumber");

    assertThat(instances()).as("no process was started").isEqualTo(instances);
    assertThat(client.get("clerk1", "/api/staff/cases/" + accusation.number).status())
        .isEqualTo(404);
    assertThat(snapshot(accusation)).isEqualTo(accusationBefore);
    assertThat(snapshot(housing)).isEqualTo(housingBefore);
  }

  // --- 3. the approval chain (三审)
  // ------------------------------------------------------------------------

  @Test
  void theApprovalChainIsTheCaseStores() {
    Case c = accepted();
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_HANDLE, c.number),
        Map.of(Var.HANDLING_OUTCOME, "NOT_SUPPORTED", Var.OPINION_TEXT, "经核实，所反映问题不属实，不予支持。"));
    JsonNode first = client.task("housinghead1", PetitionProcess.TASK_APPROVE_REPLY, c.number);
    String before = snapshot(c);
    String complete = "/engine-rest/task/" + first.path("id").asText() + "/complete";

    Map<String, Object> ownGroupThrice =
        Map.of(
            "type",
            "Json",
            "value",
            "[\"unit-housing-head\",\"unit-housing-head\",\"unit-housing-head\"]");
    for (Object chain : List.of(ownGroupThrice, Map.of("value", List.of("unit-housing-head")))) {
      Answer answer =
          client.post(
              "housinghead1",
              complete,
              Map.of(
                  "variables",
                  Map.of(Var.REPLY_APPROVED, Map.of("value", true), "replyApprovers", chain)));
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("field").asText()).isEqualTo("replyApprovers");
    }
    assertThat(
            client
                .post(
                    "housinghead1",
                    "/engine-rest/process-instance/" + c.instance + "/variables",
                    Map.of("modifications", Map.of("replyApprovers", ownGroupThrice)))
                .status())
        .isIn(403, 404);
    assertThat(snapshot(c)).isEqualTo(before);

    // approved at its level, the draft goes on to the bureau and then the leader, never back to the
    // unit's head
    client.complete("housinghead1", first, Map.of(Var.REPLY_APPROVED, true));
    assertThat(
            client.read("housinghead1", "/engine-rest/task?processInstanceBusinessKey=" + c.number))
        .isEmpty();
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_APPROVE_REPLY, c.number),
        Map.of(Var.REPLY_APPROVED, true));
    assertThat(status(c)).as("no opinion before the last level").isEqualTo("ACCEPTED");
    client.complete(
        "leader1",
        client.task("leader1", PetitionProcess.TASK_APPROVE_REPLY, c.number),
        Map.of(Var.REPLY_APPROVED, true));
    assertThat(status(c)).isEqualTo("REPLIED");
  }

  // --- 3a. approval that cannot be done by accident, nor by the drafter (三审, Art. 34)
  // ------------------------------------------------------------------------

  @Test
  void theDrafterNeverApprovesTheirOwnDraft() {
    // a head of the housing bureau who is also one of its clerks drafts the reply
    createUser("housingchief", "unit-housing");
    if (client
            .read("demo", "/engine-rest/group/count?id=unit-housing-head&member=housingchief")
            .path("count")
            .asLong()
        == 0) {
      assertThat(
              client
                  .call(
                      "demo",
                      "PUT",
                      "/engine-rest/group/unit-housing-head/members/housingchief",
                      null)
                  .status())
          .isEqualTo(204);
    }
    Case c = accepted();
    client.complete(
        "housingchief",
        client.task("housingchief", PetitionProcess.TASK_HANDLE, c.number),
        Map.of(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "经核实，责成物业公司维修。"));
    JsonNode approval = client.task("housingchief", PetitionProcess.TASK_APPROVE_REPLY, c.number);
    String task = "/engine-rest/task/" + approval.path("id").asText();
    String before = snapshot(c);

    Answer claim = client.post("housingchief", task + "/claim", Map.of("userId", "housingchief"));
    assertThat(claim.status()).isEqualTo(403);
    assertThat(claim.error()).contains("起草人不得审批本人起草的答复意见");
    Answer complete =
        client.post(
            "housingchief",
            task + "/complete",
            Map.of("variables", Http.variables(Map.of(Var.REPLY_APPROVED, true))));
    assertThat(complete.status()).isEqualTo(403);
    assertThat(complete.error()).contains("起草人不得审批本人起草的答复意见").doesNotContain("ENGINE-");
    Answer submit =
        client.post(
            "housingchief",
            task + "/submit-form",
            Map.of("variables", Http.variables(Map.of(Var.REPLY_APPROVED, "true"))));
    assertThat(submit.status()).isEqualTo(403);
    // a colleague of the head group cannot hand it to the drafter either
    assertThat(
            client
                .post("housinghead1", task + "/assignee", Map.of("userId", "housingchief"))
                .status())
        .isEqualTo(403);
    // nor through Tasklist's own API
    RedTeamClient.Webapp tasklist = client.new Webapp("housingchief");
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status())
        .isEqualTo(200);
    Answer viaTasklist =
        tasklist.post(
            "/camunda/api/engine/engine/default/task/" + approval.path("id").asText() + "/claim",
            Map.of("userId", "housingchief"));
    assertThat(viaTasklist.status()).isEqualTo(403);
    assertThat(viaTasklist.error()).contains("起草人不得审批本人起草的答复意见");
    assertThat(snapshot(c)).isEqualTo(before);

    // another member of the head group approves it
    client.complete("housinghead1", approval, Map.of(Var.REPLY_APPROVED, true));
    assertThat(client.task("leader1", PetitionProcess.TASK_APPROVE_REPLY, c.number)).isNotNull();
  }

  @Test
  void anApprovalWithoutAnExplicitChoiceIsRefusedInChineseAndChangesNothing() {
    Case c = accepted();
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_HANDLE, c.number),
        Map.of(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "经核实，责成物业公司维修。"));
    JsonNode approval = client.task("housinghead1", PetitionProcess.TASK_APPROVE_REPLY, c.number);
    String task = "/engine-rest/task/" + approval.path("id").asText();
    String before = snapshot(c);

    List<Map<String, Object>> wrong =
        List.of(
            Map.of(),
            Map.of(Var.REPLY_APPROVED, Map.of("value", "")),
            Map.of(Var.REPLY_APPROVED, Map.of("value", "yes")),
            Map.of(Var.REPLY_APPROVED, Map.of("value", 1)),
            Map.of(Var.APPROVAL_COMMENT, Map.of("value", "同意")),
            Map.of(Var.REPLY_APPROVED, Map.of("value", false)),
            Map.of(Var.REPLY_APPROVED, Map.of("value", "false")));
    for (Map<String, Object> variables : wrong) {
      for (String how : List.of("/complete", "/submit-form")) {
        Answer answer = client.post("housinghead1", task + how, Map.of("variables", variables));
        assertThat(answer.status()).as("%s %s", how, variables).isEqualTo(400);
        assertThat(answer.error())
            .as("%s %s", how, variables)
            .doesNotContain("ENGINE-")
            .containsPattern("[\\u4e00-\\u9fff]");
        assertThat(answer.json().path("field").asText())
            .isIn(Var.REPLY_APPROVED, Var.APPROVAL_COMMENT);
      }
    }
    // and the same through Tasklist's own API, as the form sends it
    RedTeamClient.Webapp tasklist = client.new Webapp("housinghead1");
    assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status())
        .isEqualTo(200);
    for (Map<String, Object> variables :
        List.of(
            Map.<String, Object>of(),
            Map.<String, Object>of(Var.REPLY_APPROVED, Map.of("value", "false")))) {
      Answer answer =
          tasklist.post(
              "/camunda/api/engine/engine/default/task/"
                  + approval.path("id").asText()
                  + "/submit-form",
              Map.of("variables", variables));
      assertThat(answer.status()).as("Tasklist %s", variables).isEqualTo(400);
      assertThat(answer.error()).doesNotContain("ENGINE-").contains("请");
    }
    assertThat(snapshot(c)).isEqualTo(before);
  }

  @Test
  void theApprovalHistoryOnTheFormIsNeverAnInput() {
    Case c = accepted();
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_HANDLE, c.number),
        Map.of(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "经核实，责成物业公司维修。"));
    JsonNode approval = client.task("housinghead1", PetitionProcess.TASK_APPROVE_REPLY, c.number);
    String task = "/engine-rest/task/" + approval.path("id").asText();
    String before = snapshot(c);
    Map<String, Object> forged = Map.of("value", "第1稿 第1级 市信访局（王敏）：同意");

    Answer asInput =
        client.post(
            "housinghead1",
            task + "/complete",
            Map.of(
                "variables",
                Map.of(Var.REPLY_APPROVED, Map.of("value", true), "approvalHistory", forged)));
    assertThat(asInput.status()).isEqualTo(400);
    assertThat(asInput.json().path("field").asText()).isEqualTo("approvalHistory");
    assertThat(asInput.error()).contains("不接受变量 approvalHistory");
    assertThat(
            client
                .call("housinghead1", "PUT", task + "/localVariables/approvalHistory", forged)
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .post(
                    "housinghead1",
                    task + "/variables",
                    Map.of("modifications", Map.of("approvalHistory", forged)))
                .status())
        .isEqualTo(403);
    assertThat(snapshot(c)).isEqualTo(before);
  }

  @Test
  void onlyTheUnitsOwnHeadApprovesAnExtension() {
    Case c = accepted();
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_HANDLE, c.number),
        Map.of(
            Var.HANDLING_ACTION,
            "EXTEND",
            Var.EXTENSION_DAYS,
            30,
            Var.EXTENSION_REASON,
            "需要房屋安全鉴定"));
    JsonNode extension =
        client.task("housinghead1", PetitionProcess.TASK_APPROVE_EXTENSION, c.number);
    String task = "/engine-rest/task/" + extension.path("id").asText();
    String before = snapshot(c);

    // the city's leaders and another unit's head no longer see or approve it (Art. 34)
    noneWorks(
        List.of("leader1", "hrsshead1", "housing1"),
        c,
        PetitionProcess.TASK_APPROVE_EXTENSION,
        task,
        Map.of(Var.EXTENSION_APPROVED, true));
    // and the head's decision is an explicit choice
    Answer none = client.post("housinghead1", task + "/complete", Map.of("variables", Map.of()));
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().path("field").asText()).isEqualTo(Var.EXTENSION_APPROVED);
    assertThat(snapshot(c)).isEqualTo(before);

    client.complete("housinghead1", extension, Map.of(Var.EXTENSION_APPROVED, "true"));
    assertThat(status(c)).isEqualTo("ACCEPTED");
    assertThat(client.read(null, "/api/petitions/" + c.queryCode).toString()).contains("延长");
  }

  @Test
  void aUnitCannotMoveItsOwnDeadline() {
    Case c = accepted();
    JsonNode handle = client.task("housing1", PetitionProcess.TASK_HANDLE, c.number);
    String before = snapshot(c);
    String complete = "/engine-rest/task/" + handle.path("id").asText() + "/complete";
    for (String decided :
        List.of("handlingDue", "extended", "handlingUnit", Var.SIMPLE_PROCEDURE)) {
      Map<String, Object> values =
          new HashMap<>(
              Map.of(
                  Var.HANDLING_ACTION,
                  "EXTEND",
                  Var.EXTENSION_DAYS,
                  30,
                  Var.EXTENSION_REASON,
                  "案情复杂，需进一步调查"));
      values.put(
          decided,
          decided.equals("handlingDue")
              ? "2030-01-01T00:00:00.000+0800"
              : decided.equals("handlingUnit") ? "unit-hrss" : false);
      Answer answer =
          client.post("housing1", complete, Map.of("variables", Http.variables(values)));
      assertThat(answer.status()).as(decided).isEqualTo(400);
      assertThat(answer.json().path("field").asText()).isEqualTo(decided);
    }
    assertThat(
            client
                .call(
                    "housing1",
                    "PUT",
                    "/engine-rest/task/" + handle.path("id").asText(),
                    Map.of("name", "办理信访事项", "due", "2030-01-01T00:00:00.000+0800"))
                .status())
        .isEqualTo(403);
    assertThat(snapshot(c)).isEqualTo(before);
  }

  // --- 4. the registering clerk
  // ------------------------------------------------------------------------------

  @Test
  void theRegisteringClerkIsWhoeverRegistered() {
    createUser("clerk2", "bureau");
    Map<String, Object> spoofed = new HashMap<>(Petitions.startForm("冒名登记", "13900000004"));
    spoofed.put("registeredBy", "clerk2");
    Answer answer =
        client.post(
            "clerk1",
            "/engine-rest/process-definition/key/petition/submit-form",
            Map.of("variables", Http.variables(spoofed)));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().path("field").asText()).isEqualTo("registeredBy");

    // an accusation clerk1 registers at the counter, triaged by clerk2: readable by clerk1, not by
    // clerk2
    String caseNumber =
        client
            .send(
                "clerk1",
                "/engine-rest/process-definition/key/petition/submit-form",
                Map.of(
                    "variables",
                    Http.variables(
                        Petitions.startForm("来访：举报干部 " + UUID.randomUUID(), "13900000005"))),
                200)
            .path("businessKey")
            .asText();
    JsonNode triage = client.task("clerk2", PetitionProcess.TASK_TRIAGE, caseNumber);
    String task = "/engine-rest/task/" + triage.path("id").asText();
    assertThat(
            client
                .call("clerk2", "PUT", task + "/variables/registeredBy", Map.of("value", "clerk2"))
                .status())
        .isEqualTo(403);
    Map<String, Object> withClerk =
        new HashMap<>(Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    withClerk.put("registeredBy", "clerk2");
    assertThat(
            client
                .post("clerk2", task + "/complete", Map.of("variables", Http.variables(withClerk)))
                .status())
        .isEqualTo(400);
    client.complete(
        "clerk2", triage, Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

    JsonNode registering = client.read("clerk1", "/api/staff/cases/" + caseNumber);
    assertThat(registering.path("personalData").asText()).isEqualTo("MASKED");
    assertThat(client.get("clerk2", "/api/staff/cases/" + caseNumber).status()).isEqualTo(404);
    JsonNode handling = client.read("discipline1", "/api/staff/cases/" + caseNumber);
    assertThat(handling.path("personalData").asText()).isEqualTo("FULL");
    // the internal notes (here: to whom it went) are for the organ that holds the case, not the
    // clerk
    assertThat(handling.path("internalNotes").asBoolean()).isTrue();
    assertThat(handling.path("milestones").findValuesAsText("internalNote"))
        .contains("接收单位：discipline");
    assertThat(registering.path("internalNotes").asBoolean()).isFalse();
    assertThat(registering.path("milestones").findValues("internalNote"))
        .allMatch(JsonNode::isNull);
  }

  // --- 5. access that ends
  // ---------------------------------------------------------------------------------

  @Test
  void aUnitThatObjectsReadsNothingOfTheCaseAfterwards() {
    Case c = registered();
    Map<String, Object> triage = Petitions.triage("CLAIM", "NONE", false, false, false, true);
    triage.put(Var.TRIAGE_COMMENT, "内部：信访人曾多次来访，注意稳控");
    client.complete("clerk1", client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number), triage);
    // once the case is at the unit, the bureau reads nothing of it through the engine, its note
    // included
    assertThat(historicVariables("clerk1", c)).isEmpty();
    assertThat(client.read("clerk1", "/engine-rest/history/task?processInstanceId=" + c.instance))
        .isEmpty();
    assertThat(historicVariables("housing1", c)).contains(Var.TRIAGE_COMMENT);

    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_ACCEPT, c.number),
        Map.of(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责，应由人社部门处理"));
    // the objection is not the unit's to grant itself: the case stays readable to it until the
    // bureau agrees (Art. 23)
    assertThat(historicVariables("housing1", c)).contains(Var.TRIAGE_COMMENT);
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_VERIFY_OBJECTION, c.number),
        Map.of(Var.OBJECTION_AGREED, true, Var.VERIFICATION_COMMENT, "同意，属人社部门职责"));

    assertThat(historicVariables("housing1", c)).isEmpty();
    assertThat(client.read("housing1", "/engine-rest/history/task?processInstanceId=" + c.instance))
        .isEmpty();
    assertThat(
            client.read(
                "housing1",
                "/engine-rest/history/process-instance?processInstanceId=" + c.instance))
        .isEmpty();
    assertThat(
            client.read(
                "housing1",
                "/engine-rest/history/activity-instance?processInstanceId=" + c.instance))
        .isEmpty();
    assertThat(client.get("housing1", "/api/staff/cases/" + c.number).status()).isEqualTo(404);
    assertThat(
            client.read(
                "demo",
                "/engine-rest/authorization?groupIdIn=unit-housing&resourceId=" + c.instance))
        .as("no grant left")
        .isEmpty();
    assertThat(
            client
                .read("demo", "/engine-rest/authorization/count?resourceType=19")
                .path("count")
                .asLong())
        .as("no task leaves a grant on its history")
        .isZero();
    // back at the bureau, which holds it again, the triage form shows the objection
    assertThat(
            client
                .read(
                    "clerk1",
                    "/engine-rest/task/"
                        + client
                            .task("clerk1", PetitionProcess.TASK_TRIAGE, c.number)
                            .path("id")
                            .asText()
                        + "/form-variables")
                .path(Var.OBJECTION_REASON)
                .path("value")
                .asText())
        .contains("人社部门");
  }

  @Test
  void aReviewLevelReadsTheCaseOnlyUntilItsOpinion() {
    Case c = accepted();
    issueTheOpinion(c);
    client.send(
        null,
        "/api/petitions/" + c.queryCode + "/review-requests",
        Map.of("reason", "赔偿请求应予支持"),
        201);
    assertThat(
            client.read(
                "review1", "/engine-rest/history/process-instance?processInstanceId=" + c.instance))
        .hasSize(1);

    client.complete(
        "review1",
        client.task("review1", PetitionProcess.TASK_REVIEW, c.number),
        Map.of(Var.REVIEW_OUTCOME, "UPHOLD", Var.OPINION_TEXT, "原处理意见认定事实清楚，予以维持。"));

    assertThat(status(c)).isEqualTo("REVIEWED");
    assertThat(
            client.read(
                "review1", "/engine-rest/history/process-instance?processInstanceId=" + c.instance))
        .isEmpty();
    assertThat(historicVariables("review1", c)).isEmpty();
    assertThat(client.get("review1", "/api/staff/cases/" + c.number).status()).isEqualTo(404);
    assertThat(
            client.read(
                "demo",
                "/engine-rest/authorization?groupIdIn=review-municipal&resourceId=" + c.instance))
        .isEmpty();
  }

  // --- 6. the public filters and the routed path
  // ---------------------------------------------------------------

  @Test
  void publicFiltersCannotBeWalkedAround() {
    Case c = registered();
    String from = "203.0.113." + (1 + (int) (Math.random() * 200));
    for (int i = 0; i < 5; i++) {
      assertThat(
              client
                  .call(null, "GET", "/api/petitions/WRONGCODE" + i, null, "X-Forwarded-For", from)
                  .status())
          .isEqualTo(404);
    }
    assertThat(
            client
                .call(null, "GET", "/api/petitions/" + c.queryCode, null, "X-Forwarded-For", from)
                .status())
        .isEqualTo(429);
    for (String variant :
        List.of(
            "/api;x=1/petitions/",
            "/api;/petitions/",
            "/api/%70etitions/",
            "/api/petitions;x=1/",
            "/api/petitions%2F",
            "/api%2Fpetitions/")) {
      String status =
          client
              .raw(
                  "GET "
                      + variant
                      + c.queryCode
                      + " HTTP/1.1\r\nHost: localhost\r\n"
                      + "X-Forwarded-For: "
                      + from
                      + "\r\n")
              .lines()
              .findFirst()
              .orElseThrow();
      assertThat(status).as(variant).doesNotContain(" 200 ").matches("HTTP/1.1 (400|429) .*");
    }
    // a body of 5 MB to a path variant is refused on its announced length, before any of it is read
    for (String variant : List.of("/api;x=1/petitions", "/api/%70etitions", "/api/petitions")) {
      String status =
          client
              .raw(
                  "POST "
                      + variant
                      + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + 5 * 1024 * 1024
                      + "\r\nX-Forwarded-For: 203.0.113.250\r\n",
                  "{\"title\":\"xxxx")
              .lines()
              .findFirst()
              .orElseThrow();
      assertThat(status).as(variant).matches("HTTP/1.1 (400|413) .*");
    }
    // the staff API answers nobody without a login, however its path is written
    for (String variant :
        List.of("/api;x=1/staff/cases/", "/api/%73taff/cases/", "/api/staff;x=1/cases/")) {
      String status =
          client
              .raw("GET " + variant + c.number + " HTTP/1.1\r\nHost: localhost\r\n")
              .lines()
              .findFirst()
              .orElseThrow();
      assertThat(status).as(variant).matches("HTTP/1.1 (400|401) .*");
    }
  }

  // --- 7. lock-out
  // ---------------------------------------------------------------------------------------------

  @Test
  void failedLoginsSlowTheAttackerButNeverLockTheUserOut() {
    String attacker = "198.51.100.66";
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      statuses.add(
          client
              .call(
                  null,
                  "GET",
                  "/engine-rest/user/demo/profile",
                  null,
                  "Authorization",
                  cn.xinfang.support.Apps.basic("demo", "guess" + i),
                  "X-Forwarded-For",
                  attacker)
              .status());
    }
    assertThat(statuses.subList(0, 5)).containsOnly(401);
    assertThat(statuses.subList(5, 12))
        .as("the address is throttled before the engine sees a password")
        .containsOnly(429);
    // the webapps' login form counts against the same address
    Answer form = loginForm("demo", "guess", attacker);
    assertThat(form.status()).isEqualTo(429);
    assertThat(form.error()).contains("登录失败次数过多");

    // guessing from many addresses, once each, more often than the engine's old limit of 10
    for (int i = 0; i < 15; i++) {
      assertThat(
              client
                  .call(
                      null,
                      "GET",
                      "/engine-rest/user/demo/profile",
                      null,
                      "Authorization",
                      cn.xinfang.support.Apps.basic("demo", "guess" + i),
                      "X-Forwarded-For",
                      "192.0.2." + (10 + i))
                  .status())
          .isIn(401);
    }
    // the administrator, from the office, is in again within the engine's short delay
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                client
                        .call(
                            "demo",
                            "GET",
                            "/engine-rest/user/demo/profile",
                            null,
                            "X-Forwarded-For",
                            "10.1.2.3")
                        .status()
                    == 200);
  }

  // --- 8. the low items
  // --------------------------------------------------------------------------------------------

  @Test
  void aBrowserPageOfAnotherSiteCannotActForAUser() {
    long deployments = client.read("demo", "/engine-rest/deployment/count").path("count").asLong();
    Answer crossSite =
        client.deploy("demo", "red-team-probe", PROBE_BPMN, "Origin", "http://evil.example");
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(crossSite.error()).contains("拒绝跨站请求");
    assertThat(
            client
                .deploy("demo", "red-team-probe", PROBE_BPMN, "Sec-Fetch-Site", "cross-site")
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .call(
                    "demo",
                    "POST",
                    "/engine-rest/filter/create",
                    Map.of("resourceType", "Task", "name", "探针", "query", Map.of()),
                    "Origin",
                    "null")
                .status())
        .isEqualTo(403);
    assertThat(client.read("demo", "/engine-rest/deployment/count").path("count").asLong())
        .isEqualTo(deployments);

    // Camunda Modeler and scripts send no Origin: they deploy as before
    Answer modeler = client.deploy("demo", "red-team-probe", PROBE_BPMN);
    assertThat(modeler.status()).isEqualTo(200);
    assertThat(
            client
                .call(
                    "demo",
                    "DELETE",
                    "/engine-rest/deployment/"
                        + modeler.json().path("id").asText()
                        + "?cascade=true",
                    null)
                .status())
        .isEqualTo(204);
  }

  @Test
  void redirectsNeverNameTheRequestsHost() {
    for (String path : List.of("/", "/camunda/", "/camunda/app/")) {
      String head = client.raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\n");
      assertThat(head).as(path).startsWith("HTTP/1.1 30").doesNotContain("evil.example");
    }
  }

  @Test
  void statisticsOverEveryCaseAreForAdministrators() {
    registered();
    String definition =
        client.read("demo", "/engine-rest/process-definition/key/petition").path("id").asText();
    for (String path :
        List.of(
            "/engine-rest/process-definition/statistics",
            "/engine-rest/process-definition/" + definition + "/statistics",
            "/engine-rest/process-definition/key/petition/statistics",
            "/engine-rest/history/process-definition/" + definition + "/statistics",
            "/engine-rest/deployment/statistics")) {
      for (String user : List.of("housing1", "clerk1", "leader1")) {
        assertThat(client.get(user, path).status()).as("%s %s", user, path).isIn(403, 404);
      }
    }
    assertThat(client.read("demo", "/engine-rest/process-definition/statistics")).isNotEmpty();
  }

  @Test
  void messagesAndSignalsAreRefusedAlikeForCasesThatExistAndThatDoNot() {
    Case c = registered();
    String before = snapshot(c);
    Answer existing =
        client.post(
            "clerk1",
            "/engine-rest/message",
            Map.of("messageName", "ReviewRequested", "businessKey", c.number));
    Answer missing =
        client.post(
            "clerk1",
            "/engine-rest/message",
            Map.of("messageName", "ReviewRequested", "businessKey", "XF2026-99999999"));
    assertThat(existing.status()).isEqualTo(403);
    assertThat(missing.status()).isEqualTo(403);
    assertThat(existing.body()).isEqualTo(missing.body());
    assertThat(
            client
                .post("clerk1", "/engine-rest/signal", Map.of("name", "ReviewRequested"))
                .status())
        .isEqualTo(403);
    assertThat(snapshot(c)).isEqualTo(before);
  }

  // --- what held, and must keep holding; and what a task's candidate may not do besides completing
  // it ------

  @Test
  void aCandidateWorksItsTaskAndDoesNothingElseWithIt() {
    createUser("housing2", "unit-housing");
    Case c = transferred();
    JsonNode accept = client.task("housing1", PetitionProcess.TASK_ACCEPT, c.number);
    String task = "/engine-rest/task/" + accept.path("id").asText();
    String before = snapshot(c);

    assertThat(
            client
                .post(
                    "housing1",
                    task + "/bpmnError",
                    Map.of(
                        "errorCode",
                        "END",
                        "variables",
                        Http.variables(Map.of(Var.ACCEPTANCE, "ACCEPT"))))
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .post("housing1", task + "/bpmnEscalation", Map.of("escalationCode", "X"))
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .post("housing1", task + "/comment/create", Map.of("message", "<b>备注</b>"))
                .status())
        .isIn(400, 403);
    assertThat(client.read("demo", task + "/comment")).as("no comment was written").isEmpty();
    assertThat(
            client
                .call(
                    "housing1",
                    "PUT",
                    task,
                    Map.of("name", "改名", "due", "2030-01-01T00:00:00.000+0800"))
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .post(
                    "housing1",
                    task + "/identity-links",
                    Map.of("groupId", "unit-hrss", "type", "candidate"))
                .status())
        .isEqualTo(403);
    assertThat(client.post("housing1", task + "/delegate", Map.of("userId", "hrss1")).status())
        .isEqualTo(403);
    assertThat(client.post("housing1", task + "/claim", Map.of("userId", "hrss1")).status())
        .isEqualTo(403);
    assertThat(client.post("housing1", task + "/assignee", Map.of("userId", "hrss1")).status())
        .isEqualTo(403);
    assertThat(client.get("hrss1", task).status()).as("nor did another unit get it").isIn(403, 404);
    assertThat(snapshot(c)).isEqualTo(before);

    // what Tasklist does: claim, hand back, give it to a colleague of the unit
    assertThat(client.post("housing1", task + "/claim", Map.of("userId", "housing1")).status())
        .isEqualTo(204);
    assertThat(client.post("housing1", task + "/unclaim", null).status()).isEqualTo(204);
    assertThat(client.post("housing1", task + "/assignee", Map.of("userId", "housing2")).status())
        .isEqualTo(204);
    assertThat(client.read("housing2", task).path("assignee").asText()).isEqualTo("housing2");
  }

  @Test
  void staffManageNothingOfTheEngineItself() {
    assertThat(client.deploy("clerk1", "red-team-probe", PROBE_BPMN).status()).isEqualTo(403);
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/filter/create",
                    Map.of("resourceType", "Task", "name", "探针", "query", Map.of()))
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/user/create",
                    Map.of(
                        "profile", Map.of("id", "mole"), "credentials", Map.of("password", "demo")))
                .status())
        .isEqualTo(403);
    assertThat(client.post("clerk1", "/engine-rest/group/create", Map.of("id", "moles")).status())
        .isEqualTo(403);
    assertThat(
            client
                .call("clerk1", "PUT", "/engine-rest/group/camunda-admin/members/clerk1", null)
                .status())
        .isEqualTo(403);
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/authorization/create",
                    Map.of(
                        "type",
                        1,
                        "permissions",
                        List.of("ALL"),
                        "userId",
                        "clerk1",
                        "resourceType",
                        8,
                        "resourceId",
                        "*"))
                .status())
        .isEqualTo(403);
    assertThat(client.get("clerk1", "/engine-rest/task?dueAfterExpression=%24%7Btrue%7D").status())
        .isIn(400, 403);
    String filter = client.read("clerk1", "/engine-rest/filter").get(0).path("id").asText();
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/filter/" + filter + "/list",
                    Map.of("dueAfterExpression", "${identitySetup}"))
                .status())
        .as("nor in a filter's extending query")
        .isIn(400, 403);
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/job/retries",
                    Map.of("retries", 5, "jobQuery", Map.of()))
                .status())
        .isEqualTo(403);
    assertThat(client.read("demo", "/engine-rest/user?id=mole")).isEmpty();
  }

  // --- 10. petitioners who write, come or call: receipts, deliveries, what staff enter for them
  // ------------

  @Test
  void theQueryCodeAndTheReceiptAreForTheRegistrarAndTheBureauOnly() {
    Case c = accepted();
    String file = "/api/staff/cases/" + c.number;
    // the unit handling the case reads it, never the code that lets the petitioner act online
    assertThat(client.read("housing1", file).path("queryCode").isNull()).isTrue();
    assertThat(client.read("housing1", file).toString()).doesNotContain(c.queryCode);
    assertThat(client.get("housing1", file + "/receipt").status()).isEqualTo(404);
    assertThat(client.get("hrss1", file + "/receipt").status()).isEqualTo(404);
    assertThat(client.get("hrss1", file + "/receipt").body()).doesNotContain(c.queryCode);
    assertThat(client.read("housing1", "/api/staff/registrations")).isEmpty();
    // an accusation against an official: not even the bureau that triaged it reads its code
    Case accusation = triaged(Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    assertThat(client.get("clerk1", "/api/staff/cases/" + accusation.number).status())
        .isEqualTo(404);
    assertThat(client.get("clerk1", "/api/staff/cases/" + accusation.number + "/receipt").status())
        .isEqualTo(404);
  }

  @Test
  void whatOfflinePetitionersSayIsEnteredOnlyByThoseWhoMayAndOnlyAsTheLawAllows() {
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    String tomorrow =
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
    Case c = offlineReplied();
    JsonNode confirm = client.task("housing1", PetitionProcess.TASK_CONFIRM_DELIVERY, c.number);
    String before = snapshot(c);

    // the windows are not the unit's to move: only the day and the method, not in the future, and
    // no other variable; another unit does not even find the task
    for (Map<String, Object> forged :
        List.<Map<String, Object>>of(
            Map.of("deliveredAt", tomorrow, "deliveryMethod", "POST"),
            Map.of("deliveredAt", today, "deliveryMethod", "ONLINE"),
            Map.of(
                "deliveredAt", today, "deliveryMethod", "POST", "reviewRequestDue", "2099-01-01"),
            Map.of("deliveredAt", today, "deliveryMethod", "POST", "deliveryToConfirm", false),
            Map.of("deliveredAt", today, "deliveryMethod", "POST", "deliveredOpinion", "REVIEW"))) {
      Answer refused =
          client.post(
              "housing1",
              "/engine-rest/task/" + confirm.path("id").asText() + "/complete",
              Map.of("variables", Http.variables(forged)));
      assertThat(refused.status()).as(forged.toString()).isEqualTo(400);
    }
    assertThat(
            client
                .post(
                    "hrss1",
                    "/engine-rest/task/" + confirm.path("id").asText() + "/complete",
                    Map.of(
                        "variables",
                        Http.variables(Map.of("deliveredAt", today, "deliveryMethod", "POST"))))
                .status())
        .isIn(403, 404);
    // nobody enters a request or an evaluation before the petitioner has the opinion
    assertThat(
            client
                .post(
                    "clerk1",
                    "/api/staff/cases/" + c.number + "/review-requests",
                    Map.of("reason", "不服", "receivedAt", today))
                .status())
        .isEqualTo(409);
    assertThat(snapshot(c)).isEqualTo(before);

    client.complete("housing1", confirm, Map.of("deliveredAt", today, "deliveryMethod", "DIRECT"));
    String delivered = snapshot(c);

    // the unit does not record the petitioner's evaluation, another unit does not find the case,
    // the bureau only with the contract's values
    String evaluation = "/api/staff/cases/" + c.number + "/evaluation";
    Map<String, Object> rating = Map.of("satisfaction", "SATISFIED", "channel", "PHONE");
    assertThat(client.post("housing1", evaluation, rating).status()).isEqualTo(403);
    assertThat(client.post("hrss1", evaluation, rating).status()).isEqualTo(404);
    assertThat(client.post("hrss1", evaluation, rating).body().replace(c.number, "?"))
        .as("the same answer as for a case that does not exist")
        .isEqualTo(
            client
                .post("hrss1", "/api/staff/cases/XF2026-99999999/evaluation", rating)
                .body()
                .replace("XF2026-99999999", "?"));
    assertThat(
            client
                .post(
                    "clerk1", evaluation, Map.of("satisfaction", "SATISFIED", "channel", "ONLINE"))
                .status())
        .isEqualTo(400);
    // a request is entered by the bureau or the review level, never the unit, never dated ahead
    String requests = "/api/staff/cases/" + c.number + "/review-requests";
    Map<String, Object> request = Map.of("reason", "不服处理意见", "receivedAt", today);
    assertThat(client.post("housing1", requests, request).status()).isEqualTo(403);
    assertThat(client.post("hrss1", requests, request).status()).isEqualTo(404);
    assertThat(
            client
                .post("review1", requests, Map.of("reason", "不服", "receivedAt", tomorrow))
                .status())
        .isEqualTo(400);
    // and no clerk starts the review past these checks by correlating the message itself
    assertThat(
            client
                .post(
                    "clerk1",
                    "/engine-rest/message",
                    Map.of(
                        "messageName",
                        PetitionProcess.MESSAGE_REVIEW_REQUESTED,
                        "businessKey",
                        c.number))
                .status())
        .isEqualTo(403);
    assertThat(snapshot(c)).isEqualTo(delivered);

    // the lawful entries work, once
    assertThat(client.post("clerk1", evaluation, rating).status()).isEqualTo(201);
    assertThat(client.post("clerk1", evaluation, rating).status()).isEqualTo(409);
    assertThat(client.post("review1", requests, request).status()).isEqualTo(201);
    assertThat(client.post("clerk1", requests, request).status()).isEqualTo(409);
    assertThat(status(c)).isEqualTo("IN_REVIEW");
  }

  // --- 11. the law's corrections: objection check, the clerk's choice of unit, 交办 and its report,
  // the simple procedure turned ordinary. Each new step takes its own inputs from its own people.
  // ------------

  @Test
  void anObjectionIsTheBureausToGrantAndARefusedOneIsFinal() {
    Case c = transferred();
    JsonNode accept = client.task("housing1", PetitionProcess.TASK_ACCEPT, c.number);
    String acceptTask = "/engine-rest/task/" + accept.path("id").asText() + "/complete";
    String before = snapshot(c);
    // the unit cannot grant its own objection along with it
    Answer selfGranted =
        client.post(
            "housing1",
            acceptTask,
            Map.of(
                "variables",
                Http.variables(
                    Map.of(
                        Var.ACCEPTANCE, "OBJECT",
                        Var.OBJECTION_REASON, "不属本单位职责，应由人社部门处理",
                        Var.OBJECTION_AGREED, true))));
    assertThat(selfGranted.status()).isEqualTo(400);
    assertThat(selfGranted.json().path("field").asText()).isEqualTo(Var.OBJECTION_AGREED);
    assertThat(snapshot(c)).isEqualTo(before);

    client.complete(
        "housing1",
        accept,
        Map.of(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "不属本单位职责，应由人社部门处理"));
    JsonNode verify = client.task("clerk1", PetitionProcess.TASK_VERIFY_OBJECTION, c.number);
    String verifyTask = "/engine-rest/task/" + verify.path("id").asText() + "/complete";
    Map<String, Object> agreed =
        Map.of(Var.OBJECTION_AGREED, true, Var.VERIFICATION_COMMENT, "同意，属人社部门职责");
    String objected = snapshot(c);
    // nor verify it: the check is the bureau's task, invisible to the unit
    assertThat(
            client
                .post("housing1", verifyTask, Map.of("variables", Http.variables(agreed)))
                .status())
        .isIn(403, 404);
    // the bureau decides explicitly, with a reason, and sets nothing else (not the next unit)
    for (Map<String, Object> forged :
        List.<Map<String, Object>>of(
            Map.of(Var.VERIFICATION_COMMENT, "同意，属人社部门职责"),
            Map.of(Var.OBJECTION_AGREED, "maybe", Var.VERIFICATION_COMMENT, "同意，属人社部门职责"),
            Map.of(Var.OBJECTION_AGREED, true),
            Map.of(
                Var.OBJECTION_AGREED, true,
                Var.VERIFICATION_COMMENT, "同意，属人社部门职责",
                Var.HANDLING_UNIT, "unit-hrss"))) {
      assertThat(
              client
                  .post("clerk1", verifyTask, Map.of("variables", Http.variables(forged)))
                  .status())
          .as(forged.toString())
          .isEqualTo(400);
    }
    assertThat(snapshot(c)).isEqualTo(objected);

    // refused, the case is back with the unit, which may accept and nothing else
    client.complete(
        "clerk1",
        verify,
        Map.of(Var.OBJECTION_AGREED, false, Var.VERIFICATION_COMMENT, "漏水维修属住建部门监管职责"));
    JsonNode again = client.task("housing1", PetitionProcess.TASK_ACCEPT, c.number);
    String refused = snapshot(c);
    Answer objectsAgain =
        client.post(
            "housing1",
            "/engine-rest/task/" + again.path("id").asText() + "/complete",
            Map.of(
                "variables",
                Http.variables(
                    Map.of(Var.ACCEPTANCE, "OBJECT", Var.OBJECTION_REASON, "仍认为不属本单位职责"))));
    assertThat(objectsAgain.status()).isEqualTo(400);
    assertThat(snapshot(c)).isEqualTo(refused);
    client.complete("housing1", again, Map.of(Var.ACCEPTANCE, "ACCEPT"));
    assertThat(status(c)).isEqualTo("ACCEPTED");
  }

  @Test
  void theClerksChoiceOfUnitIsAUnitWithAReasonAndTheAssignmentsDeadlineIsTheLaws() {
    Case c = registered();
    JsonNode triage = client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number);
    String task = "/engine-rest/task/" + triage.path("id").asText() + "/complete";
    String before = snapshot(c);
    for (Map.Entry<String, Object> forged :
        Map.<String, Object>of(
                Var.HANDLING_UNIT_OVERRIDE, "camunda-admin",
                Var.HANDLING_UNIT, "unit-hrss",
                Var.ASSIGNMENT_DUE, "2099-01-01",
                Var.FEEDBACK_DAYS, 999L)
            .entrySet()) {
      Map<String, Object> vars =
          new java.util.HashMap<>(Petitions.triage("CLAIM", "NONE", false, false, false, true));
      if (forged.getKey().equals(Var.HANDLING_UNIT_OVERRIDE)) {
        vars.put(Var.OVERRIDE_REASON, "拖欠工程款引发，主要属劳动保障事项");
      }
      vars.put("transferMode", "ASSIGN");
      vars.put(forged.getKey(), forged.getValue());
      Answer answer = client.post("clerk1", task, Map.of("variables", Http.variables(vars)));
      assertThat(answer.status()).as(forged.getKey()).isEqualTo(400);
      assertThat(answer.json().path("field").asText()).isEqualTo(forged.getKey());
    }
    // an accusation against an official goes where the law sends it, whoever the clerk prefers
    Map<String, Object> accusation =
        new java.util.HashMap<>(Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    accusation.put(Var.HANDLING_UNIT_OVERRIDE, "unit-hrss");
    accusation.put(Var.OVERRIDE_REASON, "由人社局先行核查");
    assertThat(
            client.post("clerk1", task, Map.of("variables", Http.variables(accusation))).status())
        .isEqualTo(400);
    assertThat(snapshot(c)).isEqualTo(before);
  }

  @Test
  void theReportOnAnAssignedCaseAndTheConversionTakeOnlyTheirOwnInputs() {
    Map<String, Object> assign =
        new java.util.HashMap<>(Petitions.triage("CLAIM", "NONE", false, false, false, true));
    assign.put("transferMode", "ASSIGN");
    assign.put(Var.FEEDBACK_DAYS, 30L);
    Case c = replied(Petitions.valid(), assign);
    JsonNode report = client.task("housing1", PetitionProcess.TASK_REPORT_COMPLETION, c.number);
    String task = "/engine-rest/task/" + report.path("id").asText() + "/complete";
    String text = "已责成物业公司完成维修，信访人已收到处理意见。";
    String before = snapshot(c);
    assertThat(
            client
                .post(
                    "hrss1",
                    task,
                    Map.of("variables", Http.variables(Map.of(Var.COMPLETION_REPORT, text))))
                .status())
        .isIn(403, 404);
    for (Map<String, Object> forged :
        List.<Map<String, Object>>of(
            Map.of(Var.COMPLETION_REPORT, "已办结"),
            Map.of(Var.COMPLETION_REPORT, text, Var.ASSIGNED, false),
            Map.of(Var.COMPLETION_REPORT, text, "nextStatus", "CLOSED"))) {
      assertThat(
              client.post("housing1", task, Map.of("variables", Http.variables(forged))).status())
          .as(forged.toString())
          .isEqualTo(400);
    }
    assertThat(snapshot(c)).isEqualTo(before);
    client.complete("housing1", report, Map.of(Var.COMPLETION_REPORT, text));
    assertThat(client.read("clerk1", "/api/staff/cases/" + c.number).toString()).contains(text);

    // the procedure is the case store's: a unit does not shorten or lengthen it by a variable
    Case ordinary = accepted();
    JsonNode handle = client.task("housing1", PetitionProcess.TASK_HANDLE, ordinary.number);
    String handleTask = "/engine-rest/task/" + handle.path("id").asText() + "/complete";
    String accepted = snapshot(ordinary);
    for (Map<String, Object> forged :
        List.<Map<String, Object>>of(
            Map.of(Var.HANDLING_ACTION, "ORDINARY", Var.CONVERSION_REASON, "涉及多户业主，需现场勘验"),
            Map.of(
                Var.HANDLING_ACTION,
                "EXTEND",
                Var.EXTENSION_DAYS,
                10L,
                Var.EXTENSION_REASON,
                "需现场勘验",
                "simpleProcedure",
                true),
            Map.of(
                Var.HANDLING_ACTION, "ORDINARY",
                Var.CONVERSION_REASON, "涉及多户业主，需现场勘验",
                Var.HANDLING_DUE, "2099-01-01"))) {
      assertThat(
              client
                  .post("housing1", handleTask, Map.of("variables", Http.variables(forged)))
                  .status())
          .as(forged.toString())
          .isEqualTo(400);
    }
    assertThat(snapshot(ordinary)).isEqualTo(accepted);
  }

  // --- 12. attachments: who adds, who downloads, what a file may be (issue 13)
  // ------------------------------------------------------------

  @Test
  void onlyTheUnitHoldingTheCaseAddsAndDownloadsItsAttachments() {
    Case c = accepted();
    String list = "/api/staff/cases/" + c.number + "/attachments";
    byte[] pdf = SampleFiles.pdf(c.number);
    String before = snapshot(c);
    // another unit finds nothing, exactly as for a case that does not exist; readers who do not
    // hold the case (the bureau after the transfer, the administrator) may not add to it
    Answer other = client.upload("hrss1", list, "a.pdf", "application/pdf", pdf);
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body().replace(c.number, "?"))
        .isEqualTo(
            client
                .upload(
                    "hrss1",
                    "/api/staff/cases/XF2026-99999999/attachments",
                    "a.pdf",
                    "application/pdf",
                    pdf)
                .body()
                .replace("XF2026-99999999", "?"));
    assertThat(client.upload("clerk1", list, "a.pdf", "application/pdf", pdf).status())
        .isEqualTo(403);
    assertThat(client.upload("demo", list, "a.pdf", "application/pdf", pdf).status())
        .isEqualTo(403);
    assertThat(client.upload(null, list, "a.pdf", "application/pdf", pdf).status()).isEqualTo(401);
    assertThat(client.read("demo", list).path("attachments")).isEmpty();

    // the unit adds one; another unit downloads nothing of it, nor by another case's number
    JsonNode added = client.upload("housing1", list, "现场.pdf", "application/pdf", pdf).json();
    String link = list + "/" + added.path("id").asText();
    assertThat(client.download("housing1", link).status()).isEqualTo(200);
    assertThat(client.download("hrss1", link).status()).isEqualTo(404);
    Case elsewhere = accepted();
    assertThat(
            client
                .download(
                    "housing1",
                    "/api/staff/cases/"
                        + elsewhere.number
                        + "/attachments/"
                        + added.path("id").asText())
                .status())
        .isEqualTo(404);
    for (String id : List.of("0", "-1", "1e3", "..%2F..%2Fetc", "99999999999999999999")) {
      assertThat(client.download("housing1", list + "/" + id).status()).as(id).isIn(400, 404);
    }
    // readers of the masked file see the list, never the bytes
    for (String masked : List.of("demo", "clerk1")) {
      Answer refused = client.download(masked, link);
      assertThat(refused.status()).as(masked).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("%PDF");
      assertThat(client.read(masked, list).path("attachments").get(0).path("download").isNull())
          .isTrue();
    }
    // nothing of the case changed but the one attachment
    assertThat(snapshot(c)).isEqualTo(before);
    assertThat(client.read("demo", list).path("attachments")).hasSize(1);
  }

  @Test
  void filesAreCheckedByTheirBytesAndTheirSizeAndNamesAreOnlyLabels() {
    Case c = accepted();
    String list = "/api/staff/cases/" + c.number + "/attachments";
    // markup and scripts, whatever they are called or declared as
    for (Object[] fake :
        List.of(
            new Object[] {"合同.pdf", "application/pdf", SampleFiles.html()},
            new Object[] {"合同.html", "text/html", SampleFiles.html()},
            new Object[] {"图.svg", "image/svg+xml", SampleFiles.svg()},
            new Object[] {"图.png", "image/png", SampleFiles.svg()},
            new Object[] {"图.png", "text/html", SampleFiles.png()},
            new Object[] {"图.pdf", "application/pdf", SampleFiles.png()})) {
      Answer refused =
          client.upload("housing1", list, (String) fake[0], (String) fake[1], (byte[]) fake[2]);
      assertThat(refused.status()).as(fake[0] + " " + fake[1]).isEqualTo(400);
      assertThat(refused.error()).as(fake[0] + " " + fake[1]).containsAnyOf("只能上传", "不符");
    }
    // a body announced larger than one file is refused on its length, before any of it is read
    String status =
        client
            .raw(
                "POST "
                    + list
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + cn.xinfang.support.Apps.basic("housing1", "demo")
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: "
                    + 50 * 1024 * 1024
                    + "\r\n",
                "--x\r\n")
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(status).matches("HTTP/1.1 413 .*");
    // the other /api paths keep their small cap
    assertThat(
            client
                .raw(
                    "POST /api/staff/cases/"
                        + c.number
                        + "/evaluation HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                        + cn.xinfang.support.Apps.basic("clerk1", "demo")
                        + "\r\nContent-Type: application/json\r\nContent-Length: "
                        + 5 * 1024 * 1024
                        + "\r\n",
                    "{")
                .lines()
                .findFirst()
                .orElseThrow())
        .matches("HTTP/1.1 413 .*");
    // one byte over the per-file limit
    Answer big =
        client.upload(
            "housing1",
            list,
            "大.pdf",
            "application/pdf",
            SampleFiles.pdfOfSize(10 * 1024 * 1024 + 1));
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.error()).contains("10 MB");
    assertThat(client.read("demo", list).path("attachments")).isEmpty();

    // path traversal in a name is a label: no directory, no separator, no dot-dot
    for (String name :
        List.of("../../../../tmp/pwned.pdf", "..\\..\\pwned.pdf", "/etc/passwd.pdf", "....pdf")) {
      Answer stored =
          client.upload("housing1", list, name, "application/pdf", SampleFiles.pdf("x"));
      assertThat(stored.status()).as(name).isEqualTo(201);
      String fileName = stored.json().path("fileName").asText();
      assertThat(fileName).as(name).doesNotContain("/", "\\", "..").endsWith(".pdf");
      Answer back = client.download("housing1", list + "/" + stored.json().path("id").asText());
      assertThat(back.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("attachment;")
          .doesNotContain("/", "..");
      assertThat(back.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(back.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("sandbox", "default-src 'none'");
      assertThat(back.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    }
    assertThat(Path.of("/tmp/pwned.pdf")).doesNotExist();
  }

  @Test
  void aCaseTakesSoManyAttachmentsAndSoManyBytes() {
    Case c = accepted();
    String list = "/api/staff/cases/" + c.number + "/attachments";
    // the red team's jar takes 1 MB a case: the second file of 600 KB is one too many
    assertThat(
            client
                .upload(
                    "housing1", list, "a.pdf", "application/pdf", SampleFiles.pdfOfSize(600_000))
                .status())
        .isEqualTo(201);
    Answer full =
        client.upload("housing1", list, "b.pdf", "application/pdf", SampleFiles.pdfOfSize(600_000));
    assertThat(full.status()).isEqualTo(409);
    assertThat(full.error()).contains("合计不得超过 1 MB");
    // 20 files at most
    for (int i = 2; i <= 20; i++) {
      assertThat(
              client.upload("housing1", list, i + ".png", "image/png", SampleFiles.png()).status())
          .as("file %d", i)
          .isEqualTo(201);
    }
    Answer tooMany = client.upload("housing1", list, "21.png", "image/png", SampleFiles.png());
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.error()).contains("20 个附件");
    assertThat(client.read("demo", list).path("attachments")).hasSize(20);
  }

  @Test
  void thePetitionerAddsOnlyWithTheRightCodeAndNoFasterThanTheLimit() {
    Case c = registered();
    String from = "203.0.113." + (1 + (int) (Math.random() * 200));
    // a wrong code uploads nothing and costs a token of the look-up limit, like any wrong code
    for (int i = 0; i < 5; i++) {
      assertThat(
              client
                  .upload(
                      null,
                      "/api/petitions/WRONGCODE" + i + "/attachments",
                      "a.pdf",
                      "application/pdf",
                      SampleFiles.pdf("x"),
                      "X-Forwarded-For",
                      from)
                  .status())
          .isEqualTo(404);
    }
    assertThat(
            client
                .upload(
                    null,
                    "/api/petitions/" + c.queryCode + "/attachments",
                    "a.pdf",
                    "application/pdf",
                    SampleFiles.pdf("x"),
                    "X-Forwarded-For",
                    from)
                .status())
        .isEqualTo(429);
    // the right code: 10 uploads a minute from one address, then 429
    String other = "198.51.100." + (1 + (int) (Math.random() * 200));
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 11; i++) {
      statuses.add(
          client
              .upload(
                  null,
                  "/api/petitions/" + c.queryCode + "/attachments",
                  i + ".png",
                  "image/png",
                  SampleFiles.png(),
                  "X-Forwarded-For",
                  other)
              .status());
    }
    assertThat(statuses.subList(0, 10)).containsOnly(201);
    assertThat(statuses.get(10)).isEqualTo(429);
    // the petitioner's list is theirs: no staff names, no download
    JsonNode own = client.read(null, "/api/petitions/" + c.queryCode + "/attachments");
    assertThat(own.path("attachments")).hasSize(10);
    own.path("attachments")
        .forEach(
            a -> {
              assertThat(a.path("addedBy").isNull()).isTrue();
              assertThat(a.path("download").isNull()).isTrue();
            });
  }

  @Test
  void anAccusationsAttachmentsAreForDisciplineOnly() {
    // the petitioner adds evidence to an accusation, which triage sends to 纪检监察
    Case c = registered();
    JsonNode evidence =
        client
            .upload(
                null,
                "/api/petitions/" + c.queryCode + "/attachments",
                "证据.jpg",
                "image/jpeg",
                SampleFiles.jpeg(),
                "X-Forwarded-For",
                "192.0.2." + (1 + (int) (Math.random() * 200)))
            .json();
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number),
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    String link = "/api/staff/cases/" + c.number + "/attachments/" + evidence.path("id").asText();
    // the bureau that triaged it, a unit and 政法 find nothing
    for (String user : List.of("clerk1", "housing1", "legal1")) {
      assertThat(client.download(user, link).status()).as(user).isEqualTo(404);
      assertThat(client.get(user, "/api/staff/cases/" + c.number + "/attachments").status())
          .as(user)
          .isEqualTo(404);
    }
    // 纪检监察 reads it
    Answer read = client.download("discipline1", link);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type")).hasValue("image/jpeg");
  }

  @Test
  void theCaseFileTabsSessionCannotBeRiddenByAnotherSite() {
    Case c = accepted();
    String list = "/api/staff/cases/" + c.number + "/attachments";
    RedTeamClient.Webapp housing = client.new Webapp("housing1");
    // as Tasklist does after the login: a webapp request hands out the new session's CSRF token
    assertThat(housing.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
    // the session reads what housing1 reads
    assertThat(housing.get(list).status()).isEqualTo(200);
    // a change needs the webapps' CSRF token, which a page of another site cannot read
    assertThat(housing.upload(list, SampleFiles.pdf("x"), false).status()).isEqualTo(401);
    // and a page of another site is refused by its origin, token or not
    assertThat(
            housing
                .upload(list, SampleFiles.pdf("x"), true, "Origin", "https://evil.example")
                .status())
        .isEqualTo(403);
    assertThat(client.read("demo", list).path("attachments")).isEmpty();
    // with the token, from the application's own page, it works
    assertThat(housing.upload(list, SampleFiles.pdf("x"), true).status()).isEqualTo(201);
    // another unit's session reads nothing of it
    RedTeamClient.Webapp hrss = client.new Webapp("hrss1");
    assertThat(hrss.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
    assertThat(hrss.get(list).status()).isEqualTo(404);
    assertThat(hrss.upload(list, SampleFiles.pdf("x"), true).status()).isEqualTo(404);
  }

  // --- 13. supervision (网上督, issue 14): superviseCase is the supervisors', with its form's inputs;
  // the answer the late group's; the leader who took a case in hand follows it and works nothing of
  // it; nobody supervises, or reads through supervision, an accusation passed to 纪检监察
  // ------------------------------------------------------------

  @Test
  void nobodySupervisesOrReadsThroughSupervisionAnAccusationPassedToDiscipline() {
    // an accusation against an official received 25 days ago: superviseCase opened at registration
    Case c = received(25);
    JsonNode supervise = superviseCase(c);
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number),
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

    // the superviseCase of the triage ended with the transfer: it decides nothing, and no leader
    // follows the accusation through it
    Answer leader =
        client.post(
            "supervisor1",
            "/engine-rest/task/" + supervise.path("id").asText() + "/complete",
            Map.of(
                "variables",
                Http.variables(
                    decision("LEADER", SupervisionProcess.Var.LEADER_OWNER, "leader1"))));
    assertThat(leader.status()).as(leader.body()).isEqualTo(404);
    assertThat(leader.error()).contains("不存在或已办结").doesNotContain("ENGINE-");

    // the supervisors read nothing of it, over the staff API as over /engine-rest, and may not
    // supervise it by hand: the same answers as for a case that does not exist
    String file = "/api/staff/cases/" + c.number;
    Answer read = client.get("supervisor1", file);
    assertThat(read.status()).isEqualTo(404);
    assertThat(read.error()).contains("不存在或您无权查看");
    Answer byHand = client.post("supervisor1", file + "/supervision", decision("REMIND"));
    assertThat(byHand.status()).isEqualTo(404);
    assertThat(byHand.body().replace(c.number, "?"))
        .isEqualTo(
            client
                .post(
                    "supervisor1",
                    "/api/staff/cases/XF2026-99999999/supervision",
                    decision("REMIND"))
                .body()
                .replace("XF2026-99999999", "?"));
    for (String user : List.of("supervisor1", "leader1")) {
      assertThat(client.get(user, file).status()).as(user).isEqualTo(404);
      assertReadsNothingOfTheProcess(user, c);
    }
    assertThat(
            client.read(
                "demo", "/engine-rest/authorization?userIdIn=leader1&resourceId=" + c.instance))
        .isEmpty();
  }

  @Test
  void aLeaderWhoTookACaseInHandReadsNothingOfItOnceItIsAnAccusationPassedToDiscipline() {
    Case c = inHandOfLeader1();

    // triage finds an accusation against an official: 纪检监察 alone reads it from now on (Art. 30)
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number),
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

    assertThat(client.get("leader1", "/api/staff/cases/" + c.number).status()).isEqualTo(404);
    assertReadsNothingOfTheProcess("leader1", c);
    assertThat(
            client.read(
                "demo", "/engine-rest/authorization?userIdIn=leader1&resourceId=" + c.instance))
        .as("no grant left")
        .isEmpty();
    assertThat(
            client
                .read("discipline1", "/api/staff/cases/" + c.number)
                .path("personalData")
                .asText())
        .isEqualTo("FULL");
  }

  @Test
  void superviseCaseIsTheSupervisorsAndTheSupervisorsWorkNothingElse() {
    Case c = received(25);
    JsonNode supervise = superviseCase(c);
    String supervision = supervise.path("processInstanceId").asText();
    String superviseTask = "/engine-rest/task/" + supervise.path("id").asText();
    JsonNode triage = client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number);
    String triageTask = "/engine-rest/task/" + triage.path("id").asText();
    Case atTheUnit = transferred();
    String acceptTask =
        "/engine-rest/task/"
            + client
                .task("housing1", PetitionProcess.TASK_ACCEPT, atTheUnit.number)
                .path("id")
                .asText();
    String before = supervised(c);
    String unitBefore = snapshot(atTheUnit);
    long supervisions = supervisions();

    // nobody but a supervisor claims or decides superviseCase
    for (String user : List.of("clerk1", "housing1", "leader1")) {
      client.post(user, superviseTask + "/claim", Map.of("userId", user)).refused(403, "无权执行此操作");
      client
          .post(
              user,
              superviseTask + "/complete",
              Map.of("variables", Http.variables(decision("REMIND"))))
          .refused(403, "无权执行此操作");
    }
    // a supervisor does not work the tasks it supervises: neither the bureau's nor a unit's
    for (Map.Entry<String, Map<String, Object>> work :
        Map.of(
                triageTask,
                Petitions.triage("CLAIM", "NONE", false, false, false, true),
                acceptTask,
                Map.<String, Object>of(Var.ACCEPTANCE, "ACCEPT"))
            .entrySet()) {
      String task = work.getKey();
      client
          .post(
              "supervisor1",
              task + "/complete",
              Map.of("variables", Http.variables(work.getValue())))
          .refused(403, "无权执行此操作");
      client
          .post("supervisor1", task + "/claim", Map.of("userId", "supervisor1"))
          .refused(403, "无权执行此操作");
      // nor moves it up or down the worklists
      assertThat(
              client
                  .call("supervisor1", "PUT", task, Map.of("name", "信访事项", "priority", 10))
                  .status())
          .as(task)
          .isIn(403, 404);
    }
    // not even its own
    client
        .call("supervisor1", "PUT", superviseTask, Map.of("name", "督查督办", "priority", 10))
        .refused(403, "无权执行此操作：创建或修改任务");
    // nor writes a variable of the supervision, however the API offers it
    for (Answer write :
        List.of(
            client.call(
                "supervisor1",
                "PUT",
                "/engine-rest/process-instance/" + supervision + "/variables/supervisionAction",
                Map.of("value", "NONE")),
            client.post(
                "supervisor1",
                "/engine-rest/process-instance/" + supervision + "/variables",
                Map.of("modifications", Map.of("supervisionId", Map.of("value", 1)))),
            client.call(
                "supervisor1",
                "PUT",
                superviseTask + "/localVariables/leaderChoices",
                Map.of("value", "督查督办处（supervisor1）")),
            client.post(
                "supervisor1",
                superviseTask + "/variables",
                Map.of("modifications", Map.of("replyDays", Map.of("value", 30)))))) {
      write.refused(403, "无权执行此操作");
    }
    // nobody starts a supervision, or its 回访核查, past the platform: not by starting the process,
    // not by its messages, for this case or any
    for (String user : List.of("supervisor1", "clerk1")) {
      Answer start =
          client.post(
              user,
              "/engine-rest/process-definition/key/supervision/start",
              Map.of(
                  "businessKey",
                  c.number,
                  "variables",
                  Http.variables(Map.of("supervisionId", 1, "supervisionAction", "LEADER"))));
      start.refused(403, "无权执行此操作");
      client
          .post(
              user,
              "/engine-rest/process-definition/key/supervision/submit-form",
              Map.of("variables", Map.of()))
          .refused(403, "无权执行此操作");
      assertThat(
              client
                  .post(
                      user,
                      "/engine-rest/process-definition/key/supervision/submit-form",
                      Map.of("variables", Http.variables(Map.of("supervisionId", 1))))
                  .status())
          .as(user)
          .isIn(400, 403);
      for (String message :
          List.of(SupervisionProcess.MESSAGE_MANUAL, SupervisionProcess.MESSAGE_DISSATISFIED)) {
        Answer correlated =
            client.post(
                user,
                "/engine-rest/message",
                Map.of(
                    "messageName",
                    message,
                    "businessKey",
                    c.number,
                    "processVariables",
                    Http.variables(Map.of("supervisionId", 1))));
        correlated.refused(403, "无权执行此操作：发送流程消息");
      }
    }
    assertThat(supervisions()).as("no supervision process was started").isEqualTo(supervisions);
    assertThat(supervised(c)).isEqualTo(before);
    assertThat(snapshot(atTheUnit)).isEqualTo(unitBefore);

    // what the supervisor may do: claim it and decide
    assertThat(
            client
                .post("supervisor1", superviseTask + "/claim", Map.of("userId", "supervisor1"))
                .status())
        .isEqualTo(204);
    client.complete("supervisor1", supervise, decision("REMIND"));
    assertThat(client.read("demo", triageTask + "/comment").toString()).contains("【催办】");
  }

  @Test
  void superviseCaseTakesItsFormsInputsOnlyAndARefusedDecisionDecidesNothing() throws Exception {
    Case c = received(25);
    JsonNode supervise = superviseCase(c);
    String task = "/engine-rest/task/" + supervise.path("id").asText();
    String before = supervised(c);
    Path marker = workDir.toAbsolutePath().resolve("pwned-" + UUID.randomUUID());
    Map<String, Object> letter =
        Http.variables(decision("LETTER", SupervisionProcess.Var.REPLY_DAYS, 5));

    Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
    refused.put("answerDue", with(letter, "answerDue", Map.of("value", "2030-01-01")));
    refused.put("supervisionId", with(letter, "supervisionId", Map.of("value", 1)));
    refused.put("leaderChoices", with(letter, "leaderChoices", Map.of("value", "clerk1")));
    refused.put("caseNumber", with(letter, "caseNumber", Map.of("value", "XF2026-99999999")));
    refused.put(
        SupervisionProcess.Var.COMMENT,
        with(letter, SupervisionProcess.Var.COMMENT, dataSource(marker)));
    refused.put(
        SupervisionProcess.Var.ACTION,
        with(letter, SupervisionProcess.Var.ACTION, Map.of("type", "Json", "value", "\"LETTER\"")));
    for (int days : new int[] {0, 31}) {
      refused.put(
          SupervisionProcess.Var.REPLY_DAYS + "=" + days,
          with(letter, SupervisionProcess.Var.REPLY_DAYS, Map.of("value", days)));
    }
    for (String notALeader : List.of("clerk1", "supervisor1", "demo", "nobody")) {
      refused.put(
          SupervisionProcess.Var.LEADER_OWNER + "=" + notALeader,
          Http.variables(decision("LEADER", SupervisionProcess.Var.LEADER_OWNER, notALeader)));
    }
    for (String action : List.of("ESCALATE", "letter", "")) {
      refused.put(SupervisionProcess.Var.ACTION + "=" + action, Http.variables(decision(action)));
    }
    refused.put(
        SupervisionProcess.Var.RECOMMENDATION_TYPE,
        Http.variables(
            decision(
                "RECOMMEND",
                SupervisionProcess.Var.RECOMMENDATION_TYPE,
                "DISMISSAL",
                SupervisionProcess.Var.RECOMMENDATION_TEXT,
                "建议撤换承办人员")));
    for (Map.Entry<String, Map<String, Object>> attack : refused.entrySet()) {
      String field = attack.getKey().replaceAll("=.*", "");
      for (String how : List.of("/complete", "/submit-form")) {
        Answer answer =
            client.post("supervisor1", task + how, Map.of("variables", attack.getValue()));
        assertThat(answer.status())
            .as("%s %s: %s", how, attack.getKey(), answer.body())
            .isEqualTo(400);
        assertThat(answer.json().path("field").asText())
            .as("%s %s", how, attack.getKey())
            .isEqualTo(field);
        assertThat(answer.error())
            .as("%s %s", how, attack.getKey())
            .doesNotContain("ENGINE-")
            .containsPattern("[\\u4e00-\\u9fff]");
      }
    }
    assertThat(marker).as("the data source's INIT script never ran").doesNotExist();
    assertThat(
            client
                .task("supervisor1", SupervisionProcess.TASK_SUPERVISE, c.number)
                .path("id")
                .asText())
        .as("superviseCase is still open")
        .isEqualTo(supervise.path("id").asText());
    assertThat(supervised(c)).isEqualTo(before);
  }

  @Test
  void supervisionByHandIsTheBureausAndTheSupervisorsWithItsInputsOnly() {
    // a case received today, at the housing bureau: not late, supervised by hand only
    Case c = received(0);
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number),
        Petitions.triage("CLAIM", "NONE", false, false, false, true));
    String path = "/api/staff/cases/" + c.number + "/supervision";
    String before = supervised(c);

    // the unit that holds the case reads it and may not supervise itself; who does not read it
    // finds
    // nothing
    Answer unit = client.post("housing1", path, decision("REMIND"));
    unit.refused(403, "只有信访部门和督查督办人员可以督办");
    for (String user : List.of("leader1", "hrss1", "discipline1")) {
      Answer answer = client.post(user, path, decision("REMIND"));
      assertThat(answer.status()).as(user).isIn(403, 404);
      assertThat(answer.error()).as(user).containsAnyOf("只有信访部门和督查督办人员可以督办", "不存在或您无权查看");
    }
    // the decision's own fields, and only them, checked as superviseCase checks them
    Map<String, Map<String, Object>> refused = new java.util.LinkedHashMap<>();
    refused.put("answerDue", with(decision("LETTER", "replyDays", 5), "answerDue", "2030-01-01"));
    refused.put("supervisionId", with(decision("REMIND"), "supervisionId", 1));
    refused.put("taskId", with(decision("REMIND"), "taskId", "any"));
    refused.put("replyDays=0", decision("LETTER", "replyDays", 0));
    refused.put("replyDays=31", decision("LETTER", "replyDays", 31));
    refused.put("replyDays={}", decision("LETTER", "replyDays", Map.of("days", 5)));
    refused.put("leaderOwner", decision("LEADER", "leaderOwner", "clerk1"));
    refused.put("supervisionAction=NONE", decision("NONE"));
    refused.put("supervisionAction=ESCALATE", decision("ESCALATE"));
    refused.put("supervisionAction=[]", decision(null, "supervisionAction", List.of("REMIND")));
    refused.put("supervisionComment", with(decision("REMIND"), "supervisionComment", ""));
    for (Map.Entry<String, Map<String, Object>> attack : refused.entrySet()) {
      Answer answer = client.post("clerk1", path, attack.getValue());
      assertThat(answer.status()).as("%s: %s", attack.getKey(), answer.body()).isEqualTo(400);
      assertThat(answer.json().path("field").asText())
          .as(attack.getKey())
          .isEqualTo(attack.getKey().replaceAll("=.*", ""));
      assertThat(answer.error()).as(attack.getKey()).containsPattern("[\\u4e00-\\u9fff]");
    }
    assertThat(supervised(c)).isEqualTo(before);

    // the supervisor's reminder is a note in the unit's worklist
    assertThat(
            client
                .send("supervisor1", path, decision("REMIND"), 201)
                .path("supervisionAction")
                .asText())
        .isEqualTo("REMIND");
    assertThat(
            client
                .read(
                    "demo",
                    "/engine-rest/task/"
                        + client
                            .task("housing1", PetitionProcess.TASK_ACCEPT, c.number)
                            .path("id")
                            .asText()
                        + "/comment")
                .toString())
        .contains("【催办】");
  }

  @Test
  void theLeaderWhoTookACaseInHandFollowsItsTasksAndWorksNoneOfThem() {
    Case c = inHandOfLeader1();
    JsonNode triage = client.task("leader1", PetitionProcess.TASK_TRIAGE, c.number);
    String task = "/engine-rest/task/" + triage.path("id").asText();
    String before = supervised(c);

    Map<String, Object> triaged =
        Map.of(
            "variables",
            Http.variables(Petitions.triage("CLAIM", "NONE", false, false, false, true)));
    client
        .post("leader1", task + "/claim", Map.of("userId", "leader1"))
        .refused(403, "无权执行此操作：只有任务的办理人和候选组的成员");
    client.post("leader1", task + "/complete", triaged).refused(403, "无权执行此操作");
    client.post("leader1", task + "/submit-form", triaged).refused(403, "无权执行此操作");
    client.post("leader1", task + "/assignee", Map.of("userId", "leader1")).refused(403, "无权执行此操作");
    client.post("leader1", task + "/unclaim", null).refused(403, "无权执行此操作");
    // a clerk of the bureau cannot hand it to the leader either: the leader is no candidate
    client
        .post("clerk1", task + "/assignee", Map.of("userId", "leader1"))
        .refused(403, "把任务交给本组以外的人员");
    assertThat(supervised(c)).isEqualTo(before);
  }

  @Test
  void aSupervisionLetterIsAnsweredByTheLateGroupAlone() {
    Case c = received(25);
    client.complete(
        "supervisor1", superviseCase(c), decision("LETTER", SupervisionProcess.Var.REPLY_DAYS, 5));
    JsonNode answer = client.task("clerk1", SupervisionProcess.TASK_ANSWER, c.number);
    String task = "/engine-rest/task/" + answer.path("id").asText();
    Map<String, Object> text = Map.of(SupervisionProcess.Var.ANSWER, "来信地址不详，核实后已于今日分流");
    String before = supervised(c);

    // the triage was the bureau's: neither the unit, the supervisor who wrote the letter nor a
    // leader answers for it
    noneWorks(
        List.of("housing1", "supervisor1", "leader1"),
        c,
        SupervisionProcess.TASK_ANSWER,
        task,
        text);
    // the bureau answers with the answer alone
    Answer forged =
        client.post(
            "clerk1",
            task + "/complete",
            Map.of("variables", Http.variables(with(text, "supervisionAction", "NONE"))));
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().path("field").asText()).isEqualTo("supervisionAction");
    assertThat(supervised(c)).isEqualTo(before);

    client.complete("clerk1", answer, text);
    assertThat(
            client.read(
                "clerk1",
                "/engine-rest/task?taskDefinitionKey=answerSupervision&processInstanceBusinessKey="
                    + c.number))
        .isEmpty();
  }

  // --- 14. metrics (网上判, issue 15): the leaders, the supervisors and administrators read
  // aggregates; nobody else, no parameter reaches the SQL, no request scans more than five years
  // ------------------------------------------------------------

  @Test
  void theMetricsAreForLeadersSupervisorsAndAdministratorsOnly() {
    registered();
    String path = "/api/metrics?by=unit";
    assertThat(client.read("leader1", path).path("rows").size()).isPositive();
    assertThat(client.get("supervisor1", path).status()).isEqualTo(200);
    assertThat(client.get("demo", path).status()).isEqualTo(200);
    // a unit clerk, a unit head, the bureau's clerk, 纪检监察: refused in Chinese, no figure leaks
    for (String user : List.of("housing1", "housinghead1", "clerk1", "discipline1")) {
      Answer refused = client.get(user, path).refused(403, "仅限");
      assertThat(refused.body()).as(user).doesNotContain("registered", "unit-housing", "rows");
    }
    // the petitioner has no login: the staff login is asked for, nothing else is said
    Answer anonymous = client.get(null, path);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(String.valueOf(anonymous.body())).doesNotContain("registered", "rows");
    // nor is a made-up user (a wrong password of a real one would delay its next logins)
    Answer wrong =
        client.call(null, "GET", path, null, "Authorization", Apps.basic("metrics-reader", "demo"));
    assertThat(wrong.status()).isEqualTo(401);
    // the webapps' session reads as the user it belongs to (the leaders' dashboard)
    assertThat(client.new Webapp("leader1").get(path).status()).isEqualTo(200);
    client.new Webapp("housing1").get(path).refused(403, "仅限");
  }

  @Test
  void noParameterOfTheMetricsReachesTheirSql() {
    Case c = registered();
    long before =
        client.read("leader1", "/api/metrics").path("rows").get(0).path("registered").asLong();
    for (String by :
        List.of(
            "unit;drop table case_metric",
            "district' or '1'='1",
            "(select max(petitioner_key) from case_metric)",
            "petitioner_key",
            "case_number",
            "UNIT",
            "x".repeat(5000))) {
      Answer refused =
          client
              .get("leader1", "/api/metrics?by=" + URLEncoder.encode(by, StandardCharsets.UTF_8))
              .refused(400, "统计维度");
      assertThat(refused.json().path("field").asText()).isEqualTo("by");
      assertThat(refused.body()).doesNotContain("case_metric", "ID:", "NP:", "xxxxxxxxxx");
    }
    for (String day :
        List.of("2026-01-01' or 1=1--", "2026-01-01;select 1", "now()", "+999999999-01-01")) {
      Answer refused =
          client
              .get("leader1", "/api/metrics?from=" + URLEncoder.encode(day, StandardCharsets.UTF_8))
              .refused(400, "日期");
      assertThat(refused.json().path("field").asText()).isEqualTo("from");
      assertThat(refused.body()).doesNotContain("or 1=1", "select");
    }
    // nothing changed, and no case number or petitioner is ever answered
    JsonNode after = client.read("leader1", "/api/metrics");
    assertThat(after.path("rows").get(0).path("registered").asLong()).isEqualTo(before);
    assertThat(after.toString()).doesNotContain(c.number(), "ID:", "NP:");
  }

  @Test
  void noMetricsRequestScansMoreThanFiveYears() {
    client
        .get("leader1", "/api/metrics?from=0001-01-01&to=9999-12-31&by=month")
        .refused(400, "不能超过 5 年");
    client.get("leader1", "/api/metrics?from=1900-01-01&by=month").refused(400, "不能超过 5 年");
    // a far future year is a short, empty range
    assertThat(
            client
                .read("leader1", "/api/metrics?to=9999-12-31")
                .path("rows")
                .get(0)
                .path("registered")
                .asLong())
        .isZero();
    client.get("leader1", "/api/metrics?from=2026-12-31&to=2026-01-01").refused(400, "起始日期");
  }

  // --- 15. early warning (预警, issue 15): the warnings are the leaders', the supervisors' and the
  // administrators'; a unit clerk neither reads nor acknowledges them; a warning of an accusation
  // passed to 纪检监察 says nothing of it; forged ids find nothing; the triage form's caseWarnings is
  // shown, never taken
  // ------------------------------------------------------------

  @Test
  void onlyLeadersSupervisorsAndAdministratorsReadOrAcknowledgeWarnings() {
    Case c = repeated(Petitions.valid());
    JsonNode warning = warningOf(c, "REPEAT");
    String ack = "/api/warnings/" + warning.path("id").asText() + "/acknowledgement";
    String before = snapshot(c);

    for (String user :
        List.of("clerk1", "housing1", "housinghead1", "futian1", "discipline1", "review1")) {
      client.get(user, "/api/warnings").refused(403, "仅限");
      client.get(user, "/api/warnings?status=all&type=REPEAT").refused(403, "仅限");
      client.post(user, ack, Map.of("comment", "已阅")).refused(403, "仅限");
      // a forged id is refused the same way: the refusal says nothing about which warnings exist
      client
          .post(user, "/api/warnings/999999999/acknowledgement", Map.of("comment", "已阅"))
          .refused(403, "仅限");
    }
    assertThat(client.get(null, "/api/warnings").status()).isEqualTo(401);
    assertThat(client.post(null, ack, Map.of("comment", "已阅")).status()).isEqualTo(401);

    // nothing changed: the warning is open, the case as it was
    JsonNode still = warningOf(c, "REPEAT");
    assertThat(still.has("acknowledgedAt")).isFalse();
    assertThat(snapshot(c)).isEqualTo(before);
    for (String reader : List.of("leader1", "supervisor1", "demo")) {
      assertThat(client.get(reader, "/api/warnings?limit=1").status()).as(reader).isEqualTo(200);
    }
  }

  @Test
  void aWarningOfAnAccusationPassedToDisciplineSaysNothingOfIt() {
    Map<String, Object> accusation = Petitions.with("title", "举报某局副局长收受开发商贿赂");
    accusation.put("content", "某局副局长多次收受某开发商贿赂并为其违规办理审批，请求纪检监察机关查处。");
    accusation.put("personCount", 6);
    Case c = repeated(accusation);
    // the case's warnings, raised at registration, while the bureau still holds it
    List<String> ids =
        List.of(
            warningOf(c, "REPEAT").path("id").asText(), warningOf(c, "GROUP").path("id").asText());
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number),
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));

    for (String reader : List.of("supervisor1", "leader1", "demo")) {
      Answer all = client.get(reader, "/api/warnings?status=all&limit=500");
      assertThat(all.status()).isEqualTo(200);
      // still counted, but nothing of the case: no number, category, unit or letter
      List<JsonNode> ofCase = new java.util.ArrayList<>();
      all.json()
          .forEach(
              w -> {
                if (ids.contains(w.path("id").asText())) {
                  ofCase.add(w);
                }
              });
      assertThat(ofCase).as(reader).hasSize(2);
      for (JsonNode w : ofCase) {
        assertThat(w.path("detail").asText()).as(reader).contains("预警详情保密");
        assertThat(w.has("caseNumber")).isFalse();
        assertThat(w.has("category")).isFalse();
        assertThat(w.has("unit")).isFalse();
        assertThat(w.has("noticeId")).isFalse();
      }
      assertThat(all.body())
          .as(reader)
          .doesNotContain(c.number)
          .doesNotContain("副局长")
          .doesNotContain("贿赂")
          .doesNotContain("张三");
    }
    // and the supervisors still read nothing of the case itself
    assertThat(client.get("supervisor1", "/api/staff/cases/" + c.number).status()).isEqualTo(404);
  }

  @Test
  void forgedWarningIdsFindNothingAndAWarningIsAcknowledgedOnce() {
    Case c = repeated(Petitions.valid());
    JsonNode warning = warningOf(c, "REPEAT");
    String ack = "/api/warnings/" + warning.path("id").asText() + "/acknowledgement";

    for (String id : List.of("999999999", "-1", "0", "abc", "1.5", "99999999999999999999")) {
      client
          .post("leader1", "/api/warnings/" + id + "/acknowledgement", Map.of("comment", "已阅"))
          .refused(404, "不存在");
    }
    // no comment, or a comment of the wrong kind, acknowledges nothing
    client.post("leader1", ack, Map.of()).refused(400, "确认意见");
    assertThat(client.post("leader1", ack, Map.of("comment", Map.of("value", "x"))).status())
        .isEqualTo(400);
    assertThat(warningOf(c, "REPEAT").has("acknowledgedAt")).isFalse();

    assertThat(client.post("supervisor1", ack, Map.of("comment", "已约谈信访人，做好解释疏导")).status())
        .isEqualTo(200);
    client.post("leader1", ack, Map.of("comment", "改写确认意见")).refused(409, "不能重复确认");
    JsonNode done = warningOf(c, "REPEAT");
    assertThat(done.path("acknowledgedBy").asText()).isEqualTo("supervisor1");
    assertThat(done.path("acknowledgement").asText()).isEqualTo("已约谈信访人，做好解释疏导");
    assertThat(client.read("demo", "/api/audit/cases/" + c.number).path("entries").toString())
        .contains("acknowledged: 已约谈信访人，做好解释疏导");
  }

  @Test
  void theTriageFormShowsCaseWarningsButNoCompletionWritesThem() {
    Case c = repeated(Petitions.valid());
    assertThat(
            client
                .read(
                    "demo",
                    "/engine-rest/process-instance/"
                        + c.instance
                        + "/variables/"
                        + Var.CASE_WARNINGS)
                .path("value")
                .asText())
        .startsWith("重复信访：");
    JsonNode triage = client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number);
    String task = "/engine-rest/task/" + triage.path("id").asText();
    String before = snapshot(c);

    Map<String, Object> forged = Petitions.triage("CLAIM", "NONE", false, false, false, true);
    forged.put(Var.CASE_WARNINGS, "无预警");
    for (String how : List.of("/complete", "/submit-form")) {
      Answer answer =
          client.post("clerk1", task + how, Map.of("variables", Http.variables(forged)));
      assertThat(answer.status()).as("%s: %s", how, answer.body()).isEqualTo(400);
      assertThat(answer.json().path("field").asText()).isEqualTo(Var.CASE_WARNINGS);
      assertThat(answer.error()).doesNotContain("ENGINE-").containsPattern("[\\u4e00-\\u9fff]");
    }
    assertThat(
            client
                .call(
                    "clerk1",
                    "PUT",
                    task + "/variables/" + Var.CASE_WARNINGS,
                    Map.of("value", "无预警"))
                .status())
        .isEqualTo(403);
    assertThat(snapshot(c)).isEqualTo(before);
    assertThat(warningOf(c, "REPEAT").path("detail").asText()).startsWith("重复信访：");
  }

  // --- 16. duplicates and 并单 (issue 15): the similar cases are listed to readers of the case only
  // and never name a case the reader may not read; mergeInto is triage's input alone, and the case
  // it
  // names is checked in the case store: never a DISCIPLINE case, never another district's
  // ------------------------------------------------------------

  @Test
  void aUnitListsNoSimilarCasesOfACaseItCannotRead() {
    Case c = registered(petition("NANSHAN", "科技园小区电梯困人无人处理"));
    client.get("housing1", "/api/staff/cases/" + c.number + "/similar").refused(404, "不存在或您无权查看");
    assertThat(client.get("housing1", "/api/staff/cases/" + c.number + "/similar").body())
        .doesNotContain("电梯");
    assertThat(client.get(null, "/api/staff/cases/" + c.number + "/similar").status())
        .isEqualTo(401);
    // the bureau reads it
    assertThat(
            client
                .read("clerk1", "/api/staff/cases/" + c.number + "/similar")
                .path("caseNumber")
                .asText())
        .isEqualTo(c.number);
  }

  @Test
  void aForgedMergeIntoAnAccusationOrAnotherDistrictsCaseIsRefusedAndChangesNothing() {
    Case accusation = registered(petition("NANSHAN", "举报科技园街道某干部收受电梯维保公司好处"));
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, accusation.number),
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    Case elsewhere = registered(petition("LUOHU", "东门某小区电梯困人无人处理"));
    client.complete(
        "clerk1",
        client.task("clerk1", PetitionProcess.TASK_TRIAGE, elsewhere.number),
        Petitions.triage("CLAIM", "NONE", false, false, false, true));
    Case c = registered(petition("NANSHAN", "科技园街道某小区电梯维保公司不作为"));
    // the accusation is never listed to the bureau, its title never shown
    String similar = client.read("clerk1", "/api/staff/cases/" + c.number + "/similar").toString();
    assertThat(similar).doesNotContain(accusation.number, "收受");
    String before = snapshot(c);
    String accusationBefore = snapshot(accusation);
    String task =
        "/engine-rest/task/"
            + client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number).path("id").asText();

    for (Map.Entry<String, String> forged :
        Map.of(
                accusation.number,
                "不存在或您无权查看",
                elsewhere.number,
                "与本件（南山区）不同",
                "XF2026-99999999",
                "不存在或您无权查看")
            .entrySet()) {
      for (String how : List.of("/complete", "/submit-form")) {
        Answer refused =
            client.post(
                "clerk1",
                task + how,
                Map.of("variables", Http.variables(Map.of(Var.MERGE_INTO, forged.getKey()))));
        refused.refused(400, forged.getValue());
        assertThat(refused.json().path("field").asText()).isEqualTo(Var.MERGE_INTO);
        assertThat(refused.body()).doesNotContain("收受", "纪检");
      }
    }
    assertThat(snapshot(c)).isEqualTo(before);
    assertThat(snapshot(accusation)).isEqualTo(accusationBefore);
    assertThat(status(c)).isEqualTo("REGISTERED");
  }

  @Test
  void mergeIntoIsAnInputOfTriageAloneAndOnlyTheBureauMerges() {
    Case target = transferred();
    Case c = accepted();
    String before = snapshot(c);
    // the unit cannot merge the case it handles by passing mergeInto to its own tasks
    JsonNode handle = client.task("housing1", PetitionProcess.TASK_HANDLE, c.number);
    client
        .post(
            "housing1",
            "/engine-rest/task/" + handle.path("id").asText() + "/complete",
            Map.of(
                "variables",
                Http.variables(
                    Map.of(
                        Var.MERGE_INTO,
                        target.number,
                        Var.HANDLING_OUTCOME,
                        "SUPPORTED",
                        Var.OPINION_TEXT,
                        "经核实，本件已并入其他信访事项一并办理。"))))
        .refused(400, "不接受变量 mergeInto");
    // nor set it on the process for a later triage
    assertThat(
            client
                .call(
                    "housing1",
                    "PUT",
                    "/engine-rest/process-instance/" + c.instance + "/variables/" + Var.MERGE_INTO,
                    Map.of("value", target.number))
                .status())
        .isIn(400, 403, 404);
    assertThat(snapshot(c)).isEqualTo(before);
    // and a unit sees no triage task to merge with
    Case fresh = registered();
    assertThat(
            client.read(
                "housing1",
                "/engine-rest/task?taskDefinitionKey=triagePetition&processInstanceBusinessKey="
                    + fresh.number))
        .isEmpty();
  }

  /** A valid registration in that district with that title, from a petitioner of its own. */
  static Map<String, Object> petition(String district, String title) {
    Map<String, Object> body = Petitions.with("district", district);
    body.put("title", title);
    body.put(
        "petitioner",
        new HashMap<>(
            Map.of(
                "name",
                "红队" + UUID.randomUUID().toString().substring(0, 4),
                "phone",
                "13600136000",
                "address",
                "深圳市南山区科技园 1 号")));
    return body;
  }

  // --- 17. the leaders' dashboard and the operators' addresses (网上判, issue 15): the dashboard's
  // figures for leaders, supervisors and administrators only, counts and never a case; its page
  // behind the webapps' login, sending only to its own fixed login address; Prometheus and the
  // OpenAPI description for administrators only, whatever way the address is written
  // ------------------------------------------------------------

  @Test
  void theDashboardsFiguresAreForLeadersSupervisorsAndAdministratorsOnly() {
    Case c = registered();
    for (String path : List.of("/api/dashboard/heatmap", "/api/dashboard/overdue")) {
      assertThat(client.get(null, path).status()).as(path).isEqualTo(401);
      for (String user : List.of("clerk1", "housing1", "discipline1", "review1", "futianhead1")) {
        client.get(user, path).refused(403, "无权查看");
      }
      for (String user : List.of("leader1", "supervisor1", "demo")) {
        Answer answer = client.get(user, path);
        assertThat(answer.status()).as("%s as %s", path, user).isEqualTo(200);
        // counts, never a case, a petitioner or a query code
        assertThat(answer.body())
            .doesNotContain(c.number())
            .doesNotContain(c.queryCode())
            .doesNotContain("张三")
            .doesNotContain("13800138000");
      }
    }
    // a clerk's webapp session is refused the same
    RedTeamClient.Webapp clerk = client.new Webapp("clerk1");
    assertThat(clerk.get("/api/dashboard/overdue").status()).isEqualTo(403);
    // dates are dates: anything else is a Chinese 400 naming the field, never SQL
    client
        .get("leader1", "/api/dashboard/heatmap?from=2026-01-01%27%20or%201%3D1--&to=2026-12-31")
        .refused(400, "YYYY-MM-DD");
    client
        .get("leader1", "/api/dashboard/heatmap?from=2026-12-31&to=2026-01-01")
        .refused(400, "起始日期");
    client
        .get("leader1", "/api/dashboard/heatmap?from=2000-01-01&to=2026-12-31")
        .refused(400, "5 年");
  }

  @Test
  void theDashboardPageIsBehindTheWebappLoginAndSendsOnlyToItsOwnLogin() {
    String login = "/camunda/app/welcome/default/?returnTo=%2Fdashboard%2F#!/login";
    for (String path :
        List.of(
            "/dashboard/",
            "/dashboard/index.html",
            "/dashboard/dashboard.js",
            "/dashboard/?returnTo=https://evil.example/",
            "/dashboard")) {
      Answer anonymous = client.get(null, path);
      assertThat(anonymous.status()).as(path).isEqualTo(302);
      assertThat(anonymous.headers().firstValue("Location")).as(path).hasValue(login);
      // HTTP Basic is no login of the page: it is the webapps' session or the login form
      assertThat(client.get("leader1", path).status()).as(path).isEqualTo(302);
    }
    RedTeamClient.Webapp clerk = client.new Webapp("clerk1");
    Answer refused = clerk.get("/dashboard/");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("无权查看");
    assertThat(clerk.get("/dashboard/dashboard.js").status()).isEqualTo(403);
    RedTeamClient.Webapp leader = client.new Webapp("leader1");
    Answer page = leader.get("/dashboard/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("态势分析");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
    // and the leader's webapp access is Tasklist's and Welcome's, never Cockpit's or Admin's
    for (String app : List.of("cockpit", "admin")) {
      Answer other =
          client.form(
              "/camunda/api/admin/auth/user/default/login/" + app,
              "username=leader1&password=demo");
      assertThat(other.status()).as(app).isEqualTo(403);
    }
  }

  @Test
  void theOperatorsAddressesAreForAdministratorsWhateverWayTheyAreWritten() {
    for (String path :
        List.of(
            "/actuator/prometheus",
            "/v3/api-docs",
            "/v3/api-docs.yaml",
            "/v3/api-docs/swagger-config",
            "/swagger-ui/index.html",
            "/swagger-ui.html")) {
      assertThat(client.get(null, path).status()).as(path).isEqualTo(401);
      // a made-up user (a wrong password of a real one would delay its next logins), from an
      // address of its own per path so that the failures throttle nothing else
      assertThat(
              client
                  .call(
                      null,
                      "GET",
                      path,
                      null,
                      "Authorization",
                      Apps.basic("prometheus-scraper", "demo"),
                      "X-Forwarded-For",
                      "198.51.100." + path.length())
                  .status())
          .as(path)
          .isEqualTo(401);
      for (String user : List.of("clerk1", "leader1", "supervisor1", "housing1")) {
        client.get(user, path).refused(403, "仅系统管理员");
      }
      assertThat(client.get("demo", path).status()).as(path).isIn(200, 302);
    }
    // a leader's webapp session reads no more there than the leader's password
    RedTeamClient.Webapp leader = client.new Webapp("leader1");
    assertThat(leader.get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(leader.get("/v3/api-docs").status()).isEqualTo(403);
    // the same address written otherwise is never answered with the figures
    for (String path :
        List.of(
            "/actuator/prometheus/",
            "/actuator//prometheus",
            "/actuator/prometheus;x=1",
            "/actuator/%70rometheus",
            "/actuator/./prometheus",
            "/v3/api-docs/",
            "/v3;x=1/api-docs",
            "/v3//api-docs")) {
      Answer answer = client.get("clerk1", path);
      assertThat(answer.status()).as(path).isNotEqualTo(200);
      assertThat(answer.body()).as(path).doesNotContain("xinfang_").doesNotContain("openapi");
    }
    // health stays open to monitoring
    assertThat(client.get(null, "/actuator/health").status()).isEqualTo(200);
  }

  // --- helpers
  // -------------------------------------------------------------------------------------------------

  /**
   * A case received 25 days ago that supervisor1 has leader1 take in hand (领导包案); leader1 reads it
   * in full.
   */
  private Case inHandOfLeader1() {
    Case c = received(25);
    client.complete(
        "supervisor1",
        superviseCase(c),
        decision("LEADER", SupervisionProcess.Var.LEADER_OWNER, "leader1"));
    assertThat(client.read("leader1", "/api/staff/cases/" + c.number).path("personalData").asText())
        .isEqualTo("FULL");
    return c;
  }

  /**
   * None of {@code users} sees the case's task of {@code key} in a task list, nor claims it or
   * completes it with {@code variables} at {@code task} (its /engine-rest path).
   */
  private void noneWorks(
      List<String> users, Case c, String key, String task, Map<String, Object> variables) {
    for (String user : users) {
      assertThat(
              client.read(
                  user,
                  "/engine-rest/task?taskDefinitionKey="
                      + key
                      + "&processInstanceBusinessKey="
                      + c.number))
          .as(user)
          .isEmpty();
      client.post(user, task + "/claim", Map.of("userId", user)).refused(403, "无权执行此操作");
      client
          .post(user, task + "/complete", Map.of("variables", Http.variables(variables)))
          .refused(403, "无权执行此操作");
    }
  }

  record Case(String number, String queryCode, String instance) {}

  /**
   * A petition registered twice by the same petitioner: the second case, a repeat petition (重复信访)
   * with its REPEAT warning.
   */
  Case repeated(Map<String, Object> petition) {
    registered(petition);
    return registered(petition);
  }

  /** The case's one warning of that type, as an administrator lists them. */
  JsonNode warningOf(Case c, String type) {
    List<JsonNode> found = new java.util.ArrayList<>();
    client
        .read("demo", "/api/warnings?status=all&limit=500&type=" + type)
        .forEach(
            w -> {
              if (c.number.equals(w.path("caseNumber").asText())) {
                found.add(w);
              }
            });
    assertThat(found).as("%s warnings of %s", type, c.number).hasSize(1);
    return found.get(0);
  }

  Case registered() {
    return registered(Petitions.valid());
  }

  Case registered(Map<String, Object> petition) {
    JsonNode created = client.send(null, "/api/petitions", petition, 201);
    String number = created.path("caseNumber").asText();
    String instance =
        client
            .read(
                "demo",
                "/engine-rest/process-instance?processDefinitionKey=petition&businessKey=" + number)
            .get(0)
            .path("id")
            .asText();
    return new Case(number, created.path("queryCode").asText(), instance);
  }

  Case triaged(Map<String, Object> triage) {
    Case c = registered();
    client.complete("clerk1", client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number), triage);
    return c;
  }

  Case transferred() {
    return triaged(Petitions.triage("CLAIM", "NONE", false, false, false, true));
  }

  Case accepted() {
    Case c = transferred();
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_ACCEPT, c.number),
        Map.of(Var.ACCEPTANCE, "ACCEPT"));
    return c;
  }

  /** A letter petitioner's case whose handling opinion is issued: the unit must deliver it. */
  Case offlineReplied() {
    Map<String, Object> letter = Petitions.valid();
    letter.put("channel", "LETTER");
    return replied(letter, Petitions.triage("CLAIM", "NONE", false, false, false, true));
  }

  /** A case registered and triaged as given, whose handling opinion the housing unit issued. */
  Case replied(Map<String, Object> petition, Map<String, Object> triage) {
    Case c = registered(petition);
    client.complete("clerk1", client.task("clerk1", PetitionProcess.TASK_TRIAGE, c.number), triage);
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_ACCEPT, c.number),
        Map.of(Var.ACCEPTANCE, "ACCEPT"));
    issueTheOpinion(c);
    return c;
  }

  /**
   * The housing unit concludes the accepted case, its head and the leader approve: the opinion is
   * issued.
   */
  void issueTheOpinion(Case c) {
    client.complete(
        "housing1",
        client.task("housing1", PetitionProcess.TASK_HANDLE, c.number),
        Map.of(
            Var.HANDLING_OUTCOME, "PARTIALLY_SUPPORTED", Var.OPINION_TEXT, "经核实，责成物业维修，赔偿请求不予支持。"));
    client.complete(
        "housinghead1",
        client.task("housinghead1", PetitionProcess.TASK_APPROVE_REPLY, c.number),
        Map.of(Var.REPLY_APPROVED, true));
    client.complete(
        "leader1",
        client.task("leader1", PetitionProcess.TASK_APPROVE_REPLY, c.number),
        Map.of(Var.REPLY_APPROVED, true));
  }

  String snapshot(Case c) {
    return client.snapshot(c.number, c.instance);
  }

  /**
   * The case's file, process and supervisions (网上督): what a refused supervision must not change.
   */
  String supervised(Case c) {
    return snapshot(c) + client.supervisionSnapshot(c.number, c.instance);
  }

  /**
   * A petition received that many days ago and registered now: received 25 days ago, its triage (15
   * days) is late at registration, and superviseCase opens at once.
   */
  Case received(int daysAgo) {
    return registered(
        Petitions.with(
            "receivedAt",
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                .minusDays(daysAgo)
                .toString()));
  }

  /** The supervisors' superviseCase of the case's late task. */
  JsonNode superviseCase(Case c) {
    return client.task("supervisor1", SupervisionProcess.TASK_SUPERVISE, c.number);
  }

  /** A supervisor's decision: the action, a comment, and more variables as name, value pairs. */
  static Map<String, Object> decision(String action, Object... more) {
    Map<String, Object> decision = new HashMap<>();
    decision.put(SupervisionProcess.Var.ACTION, action);
    decision.put(SupervisionProcess.Var.COMMENT, "环节已超期，请说明原因并抓紧办理");
    for (int i = 0; i < more.length; i += 2) {
      decision.put((String) more[i], more[i + 1]);
    }
    return decision;
  }

  /** A copy of the values with one more. */
  static Map<String, Object> with(Map<String, Object> values, String name, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(name, value);
    return copy;
  }

  /** Supervision processes ever started, for every case. */
  long supervisions() {
    return client
        .read(
            "demo",
            "/engine-rest/history/process-instance/count?processDefinitionKey="
                + SupervisionProcess.PROCESS_KEY)
        .path("count")
        .asLong();
  }

  /** The user finds nothing of the case's process over /engine-rest, running or in its history. */
  void assertReadsNothingOfTheProcess(String user, Case c) {
    for (String path :
        List.of(
            "/engine-rest/process-instance?businessKey=" + c.number,
            "/engine-rest/task?processInstanceId=" + c.instance,
            "/engine-rest/variable-instance?processInstanceIdIn=" + c.instance,
            "/engine-rest/history/process-instance?processInstanceId=" + c.instance,
            "/engine-rest/history/variable-instance?processInstanceId=" + c.instance,
            "/engine-rest/history/task?processInstanceId=" + c.instance,
            "/engine-rest/history/activity-instance?processInstanceId=" + c.instance)) {
      assertThat(client.read(user, path)).as("%s %s", user, path).isEmpty();
    }
    for (String path :
        List.of(
            "/engine-rest/process-instance/" + c.instance,
            "/engine-rest/history/process-instance/" + c.instance)) {
      assertThat(client.get(user, path).status()).as("%s %s", user, path).isIn(403, 404);
    }
  }

  String status(Case c) {
    return client.read(null, "/api/petitions/" + c.queryCode).path("status").asText();
  }

  long instances() {
    return client
        .read("demo", "/engine-rest/history/process-instance/count?processDefinitionKey=petition")
        .path("count")
        .asLong();
  }

  String historicVariables(String user, Case c) {
    StringBuilder names = new StringBuilder();
    client
        .read(
            user,
            "/engine-rest/history/variable-instance?processInstanceId="
                + c.instance
                + "&deserializeValues=false")
        .forEach(v -> names.append(v.path("name").asText()).append(' '));
    return names.toString().strip();
  }

  void createUser(String id, String group) {
    if (client.read("demo", "/engine-rest/user/count?id=" + id).path("count").asLong() == 0) {
      client.send(
          "demo",
          "/engine-rest/user/create",
          Map.of(
              "profile",
              Map.of("id", id, "firstName", id, "lastName", group, "email", id + "@example.org"),
              "credentials",
              Map.of("password", "demo")),
          204);
      assertThat(
              client
                  .call("demo", "PUT", "/engine-rest/group/" + group + "/members/" + id, null)
                  .status())
          .isEqualTo(204);
    }
  }

  Answer loginForm(String user, String password, String from) {
    return client.form(
        "/camunda/api/admin/auth/user/default/login/tasklist",
        "username=" + user + "&password=" + password,
        "X-Forwarded-For",
        from);
  }

  /** A JDBC data source whose URL makes H2 write a file when a connection is opened. */
  static Map<String, Object> dataSource(Path marker) throws Exception {
    String url =
        "jdbc:h2:mem:redteam;INIT=CALL FILE_WRITE('pwned', '"
            + marker.toString().replace("'", "")
            + "')";
    return Map.of(
        "type",
        "Object",
        "value",
        RedTeamClient.JSON.writeValueAsString(Map.of("url", url, "username", "sa", "password", "")),
        "valueInfo",
        Map.of(
            "objectTypeName",
            "org.springframework.jdbc.datasource.DriverManagerDataSource",
            "serializationDataFormat",
            "application/json"));
  }
}
