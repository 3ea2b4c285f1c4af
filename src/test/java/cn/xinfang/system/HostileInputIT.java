package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Apps;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.PublicApi.Answer;
import cn.xinfang.support.StaffRest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Hostile input: generated bodies and paths against every public endpoint (and the staff case file
 * and audit trail) never give a 5xx; markup in a petition is kept as text; an invalid BPMN deployed
 * over /engine-rest is refused with its error while the deployed process keeps working. The
 * generator is seeded: a failure names the seed and the input, and the same seed repeats it.
 */
@ApplicationIT
class HostileInputIT {

  private static final long SEED = Long.getLong("hostile.seed", 20261202L);
  private static final int ROUNDS = 150;
  private static final String[] NASTY = {
    "",
    " ",
    "null",
    "<script>alert(1)</script>",
    "' or 1=1 --",
    "\u0000",
    "\uD83D\uDE00",
    "\u202E反向",
    "${jndi:ldap://x}",
    "{caseNumber}",
    "%00",
    "../../etc/passwd",
    "　",
    "\n\r\t",
    "9".repeat(40),
    "长".repeat(300),
    "x".repeat(5000),
    "-1",
    "1e309",
    "NaN",
    "2026-13-45",
    "true"
  };

  @Autowired PublicApi api;
  @Autowired CaseDriver cases;
  @Autowired TestRestTemplate rest;
  @Autowired StaffRest staff;
  @Autowired RepositoryService repositoryService;

  private final Random random = new Random(SEED);

  @Test
  void generatedInputsNeverCauseAServerError() {
    Case replied = cases.replied();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      Object registration = mutate(Petitions.valid());
      check(
          failures,
          "POST /api/petitions " + registration,
          api.post("/api/petitions", registration));
      Map<String, Object> evaluation = new HashMap<>();
      evaluation.put("satisfaction", value());
      evaluation.put("comment", value());
      check(failures, "evaluation " + evaluation, api.evaluate(replied.queryCode(), evaluation));
      Map<String, Object> reason = new HashMap<>();
      reason.put("reason", value());
      Object appeal = random.nextBoolean() ? reason : value();
      check(
          failures,
          "review " + appeal,
          api.post("/api/petitions/" + replied.queryCode() + "/review-requests", appeal));
      String code = String.valueOf(value());
      check(failures, "GET code " + code, api.view(code.isEmpty() ? "x" : code));
      String number = code.isEmpty() ? "x" : code;
      check(
          failures,
          "GET staff case " + number,
          staffGet("housing1", "/api/staff/cases/{n}", number));
      check(failures, "GET audit " + number, staffGet("demo", "/api/audit/cases/{n}", number));
      check(
          failures,
          "GET audit of user " + number,
          staffGet("demo", "/api/audit/users/{n}", number));
    }
    assertThat(failures).as("seed %d", SEED).isEmpty();
  }

  @Test
  void aUrlTomcatRefusesIsAnsweredInJsonToo() {
    ResponseEntity<String> refused =
        rest.getForEntity(URI.create(rest.getRootUri() + "/api/petitions/%00abc"), String.class);

    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(refused.getHeaders().getContentType())
        .isNotNull()
        .satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
    assertThat(refused.getBody()).contains("\"error\"");
  }

  @Test
  void markupInAPetitionIsKeptAsText() {
    Map<String, Object> body = Petitions.with("title", "<img src=x onerror=alert(1)>漏水");
    body.put("content", "<script>document.cookie</script> 楼上漏水");

    Answer created = api.post("/api/petitions", body);
    Answer view = api.view(created.body().path("queryCode").asText());

    assertThat(created.status()).isEqualTo(201);
    assertThat(view.body().path("title").asText()).isEqualTo("<img src=x onerror=alert(1)>漏水");
    ResponseEntity<String> raw =
        rest.getForEntity(
            "/api/petitions/{code}", String.class, created.body().path("queryCode").asText());
    assertThat(raw.getHeaders().getContentType())
        .isNotNull()
        .satisfies(t -> assertThat(t.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
  }

  @Test
  void thePortalAndThePublicApiAreNeverFramedOrSniffed() {
    ResponseEntity<String> page = rest.getForEntity("/portal/", String.class);
    ResponseEntity<String> api =
        rest.getForEntity("/api/petitions/{code}", String.class, "ABCDEFGHJKLM");

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getBody()).contains("提交信访事项");
    assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
        .contains("frame-ancestors 'none'", "script-src 'self'");
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-cache");
    for (ResponseEntity<String> response : List.of(page, api)) {
      assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }
  }

  @Test
  void anInvalidBpmnIsRefusedAndTheDeployedProcessKeepsWorking() {
    long versions =
        repositoryService.createProcessDefinitionQuery().processDefinitionKey("petition").count();
    LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", "broken");
    parts.add(
        "data",
        new ByteArrayResource(
            ("<?xml version=\"1.0\"?><bpmn:definitions xmlns:bpmn="
                    + "\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\"><bpmn:process id=\"petition\" "
                    + "isExecutable=\"true\"><bpmn:startEvent id=\"s\"/><bpmn:sequenceFlow id=\"f\" sourceRef=\"s\" "
                    + "targetRef=\"nowhere\"/></bpmn:process></bpmn:definitions>")
                .getBytes()) {
          @Override
          public String getFilename() {
            return "petition.bpmn";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    headers.set(HttpHeaders.AUTHORIZATION, Apps.basic("demo", "demo"));

    ResponseEntity<String> refused =
        rest.postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);

    assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
    assertThat(refused.getBody()).contains("nowhere");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("petition")
                .count())
        .isEqualTo(versions);
    assertThat(api.post("/api/petitions", Petitions.valid()).status()).isEqualTo(201);
  }

  private Answer staffGet(String user, String path, String value) {
    ResponseEntity<String> response = staff.exchange(user, HttpMethod.GET, path, null, value);
    return new Answer(
        response.getStatusCode().value(), JsonNodeFactory.instance.textNode(response.getBody()));
  }

  private void check(List<String> failures, String input, Answer answer) {
    if (answer.status() >= 500) {
      failures.add(
          answer.status()
              + " for "
              + abbreviate(input)
              + ": "
              + abbreviate(answer.body().toString()));
    }
  }

  /**
   * A valid body with a few fields replaced by hostile values, removed, or given the wrong type.
   */
  @SuppressWarnings("unchecked")
  private Object mutate(Map<String, Object> body) {
    if (random.nextInt(10) == 0) {
      return value();
    }
    Map<String, Object> mutated = new HashMap<>(body);
    Map<String, Object> petitioner = new HashMap<>((Map<String, Object>) body.get("petitioner"));
    mutated.put("petitioner", petitioner);
    List<String> keys = new ArrayList<>(mutated.keySet());
    keys.addAll(
        List.of(
            "petitioner.name",
            "petitioner.idNumber",
            "petitioner.phone",
            "petitioner.address",
            "representatives",
            "requestId"));
    for (int n = 1 + random.nextInt(3); n > 0; n--) {
      String key = keys.get(random.nextInt(keys.size()));
      boolean nested = key.startsWith("petitioner.");
      if (nested && mutated.get("petitioner") != petitioner) {
        continue;
      }
      Map<String, Object> target = nested ? petitioner : mutated;
      String field = nested ? key.substring("petitioner.".length()) : key;
      if (random.nextInt(5) == 0) {
        target.remove(field);
      } else {
        target.put(field, value());
      }
    }
    return mutated;
  }

  /** A hostile value of any JSON type. */
  private Object value() {
    return switch (random.nextInt(8)) {
      case 0 -> NASTY[random.nextInt(NASTY.length)];
      case 1 -> random.nextLong();
      case 2 -> random.nextDouble() * 1e6 - 5e5;
      case 3 -> random.nextBoolean();
      case 4 -> List.of(NASTY[random.nextInt(NASTY.length)], random.nextInt());
      case 5 -> Map.of("nested", NASTY[random.nextInt(NASTY.length)]);
      case 6 -> randomText(random.nextInt(60));
      default -> null;
    };
  }

  private String randomText(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          random.nextInt(3) == 0 ? 0x4E00 + random.nextInt(0x5000) : 0x20 + random.nextInt(0x5F));
    }
    return text.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
