package cn.xinfang.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Notices announced by SMS: the call-out runs as an async continuation of its own process
 * (noticeDelivery) after the notice's transaction, so a failing gateway never holds up the case;
 * failures are retried and end as an incident that administrators see and retry over /engine-rest
 * (what Cockpit does). A fake gateway on a local port records what it was sent.
 */
@ApplicationIT
class NoticeDeliveryIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();
  private static final AtomicInteger ANSWER = new AtomicInteger(200);
  private static final HttpServer GATEWAY = gateway();

  @DynamicPropertySource
  static void smsGateway(DynamicPropertyRegistry registry) {
    // a database of its own: the deliveries' jobs stay out of the other tests' engine
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:xinfang-sms;DB_CLOSE_DELAY=-1");
    registry.add(
        "petition.notices.sms.gateway-url",
        () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
  }

  @Autowired CaseDriver cases;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired PetitionStore store;
  @Autowired StaffRest staff;

  @BeforeEach
  void gatewayTakesMessages() {
    ANSWER.set(200);
    RECEIVED.clear();
  }

  @Test
  void eachNoticeIsAnnouncedBySmsAfterItsTransaction() {
    // Given a petition triaged and transferred: its notices are issued
    Case c = cases.transferred();
    List<Job> jobs = deliveryJobs(c);

    // Then the case went on at once, and nothing was sent inside the notices' transaction
    cases.assertWaitingAt(c, CaseDriver.ACCEPT);
    assertThat(jobs).hasSameSizeAs(toThePetitioner(c));
    assertThat(RECEIVED).isEmpty();

    // When the job executor runs the deliveries
    jobs.forEach(job -> managementService.executeJob(job.getId()));

    // Then each notice went to the petitioner's mobile once: case number and title, with a stable
    // reference
    assertThat(RECEIVED)
        .hasSameSizeAs(jobs)
        .allSatisfy(
            sms -> {
              assertThat(sms.path("phone").asText()).isEqualTo(CaseDriver.PETITIONER.phone());
              assertThat(sms.path("text").asText())
                  .contains(c.number(), "查询码")
                  .doesNotContain("楼上住户漏水");
              assertThat(sms.path("reference").asText()).startsWith("notice-");
            });
    assertThat(RECEIVED)
        .extracting(sms -> sms.path("text").asText())
        .anySatisfy(text -> assertThat(text).contains("转送"));
    for (JsonNode sms : RECEIVED) {
      long noticeId = Long.parseLong(sms.path("reference").asText().substring("notice-".length()));
      assertThat(store.smsNotice(noticeId))
          .hasValueSatisfying(n -> assertThat(n.smsSentAt()).isNotNull());
    }
    assertThat(deliveryJobs(c)).isEmpty();
    // the phone number was never a process variable
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .processInstanceIdIn(deliveryInstances(c))
                .list())
        .allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain("13800138000"));
  }

  @Test
  void aPetitionerRegisteredAtTheCounterGetsTheQueryCodeBySmsOnce() {
    // Given a visit registered at the counter and transferred
    Case c =
        cases.transferred(
            cases.register(
                "VISIT", CaseDriver.PETITIONER, 1, "FUTIAN", "HOUSING", CaseDriver.RECEIVED),
            "CLAIM",
            false);

    // When the deliveries run
    deliveryJobs(c).forEach(job -> managementService.executeJob(job.getId()));

    // Then the receipt's SMS gives the case number and the query code, and no other SMS does
    assertThat(RECEIVED)
        .extracting(sms -> sms.path("text").asText())
        .filteredOn(text -> text.contains(c.queryCode()))
        .singleElement()
        .satisfies(text -> assertThat(text).contains(c.number(), "已登记"));
    assertThat(RECEIVED).hasSameSizeAs(toThePetitioner(c));
  }

  @Test
  void aFailingGatewayIsRetriedThenAnIncidentThatAnAdministratorRetries() {
    // Given a gateway that answers 503 and a transferred case
    ANSWER.set(503);
    Case c = cases.transferred();
    Job job = deliveryJobs(c).get(0);

    // When the first attempt fails
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("HTTP 503");

    // Then the engine will retry it (5 attempts in all, 10 minutes apart) and the case is not held
    // up
    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries())
        .isEqualTo(4);
    cases.assertWaitingAt(c, CaseDriver.ACCEPT);
    assertThat(cases.stored(c).status().name()).isEqualTo("TRANSFERRED");

    // When the last attempt fails too
    managementService.setJobRetries(job.getId(), 1);
    assertThatThrownBy(() -> managementService.executeJob(job.getId()))
        .hasMessageContaining("HTTP 503");

    // Then administrators see an incident (Cockpit reads the same), which names the answer and not
    // the phone
    JsonNode incidents =
        staff.get("demo", "/engine-rest/incident?processInstanceId=" + job.getProcessInstanceId());
    assertThat(incidents)
        .singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.path("incidentType").asText()).isEqualTo("failedJob");
              assertThat(incident.path("activityId").asText()).isEqualTo("Task_SendNoticeSms");
              assertThat(incident.path("incidentMessage").asText())
                  .contains("HTTP 503")
                  .doesNotContain("13800138000");
            });
    // and a unit neither sees it nor may retry it
    assertThat(
            staff.get(
                "housing1",
                "/engine-rest/incident?processInstanceId=" + job.getProcessInstanceId()))
        .isEmpty();
    Map<String, Object> oneRetry = Map.of("retries", 1);
    assertThat(
            staff.status(
                "housing1",
                HttpMethod.PUT,
                "/engine-rest/job/" + job.getId() + "/retries",
                oneRetry))
        .isIn(403, 404);

    // When the gateway is mended and the administrator retries
    ANSWER.set(200);
    assertThat(
            staff.status(
                "demo", HttpMethod.PUT, "/engine-rest/job/" + job.getId() + "/retries", oneRetry))
        .isEqualTo(204);
    managementService.executeJob(job.getId());

    // Then the SMS is sent and the incident is resolved
    assertThat(RECEIVED).hasSize(1);
    assertThat(
            staff.get(
                "demo", "/engine-rest/incident?processInstanceId=" + job.getProcessInstanceId()))
        .isEmpty();
  }

  private List<Job> deliveryJobs(Case c) {
    Set<String> instances = Set.of(deliveryInstances(c));
    return managementService
        .createJobQuery()
        .processDefinitionKey(Notices.DELIVERY_PROCESS)
        .list()
        .stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()))
        .toList();
  }

  private String[] deliveryInstances(Case c) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(Notices.DELIVERY_PROCESS)
        .processInstanceBusinessKey(c.number())
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .toArray(String[]::new);
  }

  private static HttpServer gateway() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/sms",
          exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status = ANSWER.get();
            if (status == 200) {
              RECEIVED.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The case's notices to the petitioner; the internal ones (预警提示函, 督办函) have no SMS. */
  private List<cn.xinfang.casestore.Notice> toThePetitioner(Case c) {
    return store.notices(c.id()).stream().filter(n -> !n.internal()).toList();
  }
}
