package cn.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.Petitions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public intake API of docs/domain.md, "The contract" over real HTTP: registration, validation
 * (400 with a Chinese message and the field at fault, nothing stored), the petitioner's masked
 * view, idempotency under races, the triage deadline, and the authenticated engine REST API.
 */
@ApplicationIT
class PetitionApiIT {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final String RAW_ID = "11010519491231002X";
  private static final String RAW_PHONE = "13800138000";
  private static final String PROCESS_KEY = "petition";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;

  @Autowired RuntimeService runtimeService;

  @Autowired HistoryService historyService;

  @Autowired TaskService taskService;

  // ---------------------------------------------------------------- registration and the view

  @Test
  void registersValidPetitionWithCaseNumberQueryCodeAndLocation() {
    Response created = post(Petitions.valid());

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String caseNumber = created.json().path("caseNumber").asText();
    String queryCode = created.json().path("queryCode").asText();
    int year = LocalDate.now(BEIJING).getYear();
    assertThat(caseNumber).matches("XF" + year + "-\\d{8}");
    assertThat(queryCode).hasSize(12).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{12}");
    assertThat(queryCode)
        .doesNotContain(caseNumber.substring(caseNumber.length() - 8))
        .doesNotContain(caseNumber.substring(caseNumber.length() - 4));
    assertThat(created.json().path("status").asText()).isEqualTo("REGISTERED");
    assertThat(created.body()).doesNotContain(RAW_ID).doesNotContain(RAW_PHONE);

    String location = created.headers().firstValue("Location").orElseThrow();
    assertThat(location).endsWith("/api/petitions/" + queryCode);
    Response viaLocation = get(URI.create(base()).resolve(location).getPath());
    assertThat(viaLocation.status()).isEqualTo(200);
    assertThat(viaLocation.json().path("caseNumber").asText()).isEqualTo(caseNumber);
  }

  @Test
  void queryCodesOfConsecutiveCasesAreUnrelated() {
    Registered a = register(Petitions.valid());
    Registered b = register(Petitions.valid());

    assertThat(a.caseNumber()).isNotEqualTo(b.caseNumber());
    assertThat(a.queryCode()).isNotEqualTo(b.queryCode());
    // not a counter: the codes of two consecutive cases differ in more than their last symbols
    assertThat(a.queryCode().substring(0, 8)).isNotEqualTo(b.queryCode().substring(0, 8));
  }

  @Test
  void viewShowsStatusRegisteredMilestoneAndMaskedPersonalData() {
    Registered r = register(Petitions.valid());

    Response view = get("/api/petitions/" + r.queryCode());

    assertThat(view.status()).isEqualTo(200);
    assertThat(view.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode json = view.json();
    assertThat(json.path("caseNumber").asText()).isEqualTo(r.caseNumber());
    assertThat(json.path("status").asText()).isEqualTo("REGISTERED");
    assertThat(json.path("milestones").findValuesAsText("type")).contains("REGISTERED");
    JsonNode registered = milestone(json, "REGISTERED");
    assertThat(registered.path("at").asText()).isNotBlank();
    assertThat(json.path("petitioner").path("idNumber").asText()).isEqualTo("110105********002X");
    assertThat(json.path("petitioner").path("phone").asText()).isEqualTo("138****8000");
    assertThat(view.body())
        .doesNotContain(RAW_ID)
        .doesNotContain(RAW_ID.toLowerCase())
        .doesNotContain("19491231")
        .doesNotContain(RAW_PHONE)
        .doesNotContain("福华路");
  }

  @Test
  void queryCodeLookupIgnoresCaseAndSurroundingSpaces() {
    Registered r = register(Petitions.valid());

    Response lower = get("/api/petitions/" + r.queryCode().toLowerCase());
    Response padded = get("/api/petitions/%20" + r.queryCode() + "%20");

    assertThat(lower.status()).isEqualTo(200);
    assertThat(lower.json().path("caseNumber").asText()).isEqualTo(r.caseNumber());
    assertThat(padded.status()).isEqualTo(200);
    assertThat(padded.json().path("caseNumber").asText()).isEqualTo(r.caseNumber());
  }

  @Test
  void unknownQueryCodeAnswers404WithError() {
    Response response = get("/api/petitions/ZZZZZZZZZZZZ");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(response.json().path("error").asText()).matches(".*\\p{IsHan}.*");
  }

  // ---------------------------------------------------------------- bad input: 400, nothing stored

  /**
   * One field wrong at a time: 400 naming that field, with a Chinese message, and nothing stored.
   */
  static Stream<Arguments> invalidFields() {
    String tomorrow = LocalDate.now(BEIJING).plusDays(1).toString();
    String inAnHour =
        OffsetDateTime.now(ZoneOffset.ofHours(8))
            .plusHours(1)
            .truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return Stream.of(
        invalid("channel missing", "channel", null, "channel"),
        invalid("channel unknown", "channel", "EMAIL", "channel"),
        invalid("receivedAt with slashes", "receivedAt", "2026/09/20", "receivedAt"),
        invalid("receivedAt 30 February", "receivedAt", "2026-02-30", "receivedAt"),
        invalid("receivedAt in words", "receivedAt", "昨天", "receivedAt"),
        invalid("receivedAt tomorrow", "receivedAt", tomorrow, "receivedAt"),
        invalid("receivedAt an hour ahead, with offset", "receivedAt", inAnHour, "receivedAt"),
        invalid("petitioner missing", "petitioner", null, "petitioner"),
        invalid("name missing", "petitioner.name", null, "petitioner.name"),
        invalid("name over 50 characters", "petitioner.name", "张".repeat(51), "petitioner.name"),
        invalid(
            "ID number with wrong check digit",
            "petitioner.idNumber",
            "110105194912310021",
            "petitioner.idNumber"),
        invalid(
            "ID number of 17 digits",
            "petitioner.idNumber",
            "11010519491231002",
            "petitioner.idNumber"),
        // 1949-02-31 does not exist; the check digit is right, so only the date is at fault
        invalid(
            "ID number born 31 February",
            "petitioner.idNumber",
            withCheckDigit("11010519490231002"),
            "petitioner.idNumber"),
        invalid("phone of 10 digits", "petitioner.phone", "1380013800", "petitioner.phone"),
        invalid("phone in words", "petitioner.phone", "电话", "petitioner.phone"),
        invalid("phone missing", "petitioner.phone", null, "petitioner.phone"),
        invalid("address missing", "petitioner.address", null, "petitioner.address"),
        invalid("personCount 0", "personCount", 0, "personCount"),
        invalid("personCount negative", "personCount", -3, "personCount"),
        invalid("personCount not a number", "personCount", "五", "personCount"),
        // a number of people is a whole number: 2.5 must not be truncated to 2, nor 4.9 to 4 (group
        // petition)
        invalid("personCount 2.5", "personCount", 2.5, "personCount"),
        invalid("personCount 4.9", "personCount", 4.9, "personCount"),
        invalid("personCount beyond int", "personCount", 10_000_000_000L, "personCount"),
        invalid("district missing", "district", null, "district"),
        invalid("title blank", "title", "   ", "title"),
        invalid("title over 200 characters", "title", "题".repeat(201), "title"),
        invalid("content blank", "content", " \n ", "content"),
        invalid("content of 20,001 characters", "content", "诉".repeat(20_001), "content"));
  }

  private static Arguments invalid(String name, String path, Object value, String field) {
    return Arguments.of(name, path, value, field);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidFields")
  void rejectsAnInvalidField(String name, String path, Object value, String field) {
    assertRejected(Petitions.with(path, value), field);
  }

  @Test
  void acceptsIdNumberWithLowercaseCheckX() {
    Registered r = register(Petitions.with("petitioner.idNumber", "11010519491231002x"));

    Response view = get("/api/petitions/" + r.queryCode());
    assertThat(view.json().path("petitioner").path("idNumber").asText())
        .isEqualTo("110105********002X");
    assertThat(view.body()).doesNotContain("11010519491231002");
  }

  @Test
  void acceptsPetitionerWithoutIdNumber() {
    Registered r = register(Petitions.with("petitioner.idNumber", null));

    Response view = get("/api/petitions/" + r.queryCode());
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.json().path("petitioner").path("idNumber").isNull()).isTrue();
  }

  @Test
  void blankIdNumberMeansNotGiven() {
    Registered r = register(Petitions.with("petitioner.idNumber", " "));

    Response view = get("/api/petitions/" + r.queryCode());
    assertThat(view.json().path("petitioner").path("idNumber").isNull()).isTrue();
  }

  @Test
  void acceptsLandlineAndMasksIt() {
    Registered r = register(Petitions.with("petitioner.phone", "0755-12345678"));

    Response view = get("/api/petitions/" + r.queryCode());
    String masked = view.json().path("petitioner").path("phone").asText();
    assertThat(masked).startsWith("0755").contains("*").endsWith("78");
    assertThat(view.body()).doesNotContain("0755-12345678").doesNotContain("12345678");
  }

  @Test
  void acceptsContentOfExactlyTwentyThousandCharacters() {
    String content = "诉".repeat(20_000);
    Registered r = register(Petitions.with("content", content));

    String stored =
        jdbc.sql("select content from petition where case_number = ?")
            .param(r.caseNumber())
            .query(String.class)
            .single();
    assertThat(stored).isEqualTo(content);
  }

  @Test
  void acceptsFiveRepresentatives() {
    Map<String, Object> body = Petitions.with("personCount", 30);
    body.put("representatives", representatives(5));

    Registered r = register(body);

    long people =
        jdbc.sql(
                "select count(*) from petitioner p join petition c on c.id = p.petition_id "
                    + "where c.case_number = ? and p.representative")
            .param(r.caseNumber())
            .query(Long.class)
            .single();
    assertThat(people).isEqualTo(5);
  }

  @Test
  void rejectsMoreThanFiveRepresentatives() {
    Map<String, Object> body = Petitions.with("personCount", 30);
    body.put("representatives", representatives(6));

    assertRejected(body, "representatives");
  }

  @Test
  void rejectsMalformedJsonWithoutNamingAField() {
    Counts before = counts();

    Response response = postRaw("{\"channel\": \"ONLINE\", \"title\": ", "application/json");

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertError(response);
    assertThat(response.json().has("field")).as(response.body()).isFalse();
    assertThat(counts()).isEqualTo(before);
  }

  @Test
  void rejectsJsonThatIsNotAnObject() {
    Counts before = counts();

    Response response = postRaw("[1, 2, 3]", "application/json");

    assertRefusedAndNothingStored(response, 400, before);
  }

  @Test
  void rejectsWrongContentTypeWith415() {
    Counts before = counts();

    Response response = postRaw(json(Petitions.valid()), "text/plain");

    assertRefusedAndNothingStored(response, 415, before);
  }

  @Test
  void rejectsBodyOverTheLimitWith413() {
    Counts before = counts();
    Map<String, Object> body = Petitions.valid();
    body.put("padding", "x".repeat(300 * 1024));

    Response response = postRaw(json(body), "application/json");

    assertRefusedAndNothingStored(response, 413, before);
  }

  @Test
  void rejectsChunkedBodyOverTheLimitWith413() {
    Counts before = counts();
    Map<String, Object> body = Petitions.valid();
    body.put("padding", "x".repeat(300 * 1024));
    byte[] bytes = json(body).getBytes(StandardCharsets.UTF_8);

    // no declared length: the body arrives chunked and is cut off while it is read
    Response response =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/petitions"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));

    assertRefusedAndNothingStored(response, 413, before);
  }

  @Test
  void rejectsEmptyBody() {
    Counts before = counts();

    Response response =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/api/petitions"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.noBody()));

    assertRefusedAndNothingStored(response, 400, before);
  }

  // ---------------------------------------------------------------- group petitions and receivedAt

  /** 集体访: five people or more (a missing personCount is one person). */
  @ParameterizedTest(name = "personCount {0} -> {1} people, group {2}")
  @CsvSource(
      nullValues = "null",
      value = {"5, 5, true", "4, 4, false", "null, 1, false"})
  void fivePeopleOrMoreMakeAGroupPetition(Integer personCount, int people, boolean group) {
    Registered r = register(Petitions.with("personCount", personCount));

    JsonNode view = get("/api/petitions/" + r.queryCode()).json();
    assertThat(view.path("personCount").asInt()).isEqualTo(people);
    assertThat(view.path("groupPetition").asBoolean()).isEqualTo(group);
  }

  @ParameterizedTest(name = "receivedAt {0} → {1} in Beijing")
  @CsvSource({
    "2026-09-20,                2026-09-20T00:00:00",
    "2026-09-20T10:30:00,       2026-09-20T10:30:00",
    "2026-09-20T10:30:00+08:00, 2026-09-20T10:30:00",
    "2026-09-20T02:30:00Z,      2026-09-20T10:30:00",
    "2026-09-19T18:15:00Z,      2026-09-20T02:15:00",
  })
  void acceptsReceivedAtVariantsAndShowsThemInBeijingTime(
      String receivedAt, LocalDateTime beijing) {
    Registered r = register(Petitions.with("receivedAt", receivedAt));

    String shown = get("/api/petitions/" + r.queryCode()).json().path("receivedAt").asText();
    OffsetDateTime parsed = OffsetDateTime.parse(shown);
    assertThat(parsed.toInstant()).isEqualTo(beijing.atZone(BEIJING).toInstant());
    assertThat(parsed.getOffset()).as(shown).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(parsed.toLocalDateTime()).isEqualTo(beijing);
  }

  @Test
  void receivedAtDefaultsToNow() {
    OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
    Registered r = register(Petitions.with("receivedAt", null));

    OffsetDateTime shown =
        OffsetDateTime.parse(
            get("/api/petitions/" + r.queryCode()).json().path("receivedAt").asText());
    assertThat(shown).isAfter(before).isBefore(OffsetDateTime.now().plusSeconds(5));
  }

  // ---------------------------------------------------------------- idempotency

  @Test
  void sameRequestIdAnswersTheSameCaseEvenWithAnotherBody() {
    String requestId = "it-" + UUID.randomUUID();
    Map<String, Object> first = Petitions.with("requestId", requestId);
    Map<String, Object> second = Petitions.with("requestId", requestId);
    second.put("title", "另一个标题");
    second.put("personCount", 7);

    Response a = post(first);
    Response b = post(second);

    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(b.json().path("caseNumber").asText())
        .isEqualTo(a.json().path("caseNumber").asText());
    assertThat(b.json().path("queryCode").asText()).isEqualTo(a.json().path("queryCode").asText());
    assertThat(a.headers().firstValue("Idempotent-Replayed")).contains("false");
    assertThat(b.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(rowsWithRequestId(requestId)).isEqualTo(1);
    JsonNode view = get("/api/petitions/" + a.json().path("queryCode").asText()).json();
    assertThat(view.path("title").asText()).isEqualTo("小区楼上漏水");
    assertThat(view.path("personCount").asInt()).isEqualTo(1);
  }

  @Test
  void racingRequestsWithTheSameRequestIdCreateOneCase() throws Exception {
    String requestId = "race-" + UUID.randomUUID();
    List<Response> responses = race(8, i -> Petitions.with("requestId", requestId));

    assertThat(responses).extracting(Response::status).as(responses.toString()).containsOnly(201);
    Set<String> caseNumbers = distinct(responses, "caseNumber");
    Set<String> queryCodes = distinct(responses, "queryCode");
    assertThat(caseNumbers).hasSize(1);
    assertThat(queryCodes).hasSize(1);
    String caseNumber = caseNumbers.iterator().next();
    assertThat(rowsWithRequestId(requestId)).isEqualTo(1);
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber)
                .count())
        .isEqualTo(1);
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber)
                .count())
        .isEqualTo(1);
  }

  @Test
  void racingRequestsWithDifferentRequestIdsCreateDistinctCases() throws Exception {
    String prefix = "race-" + UUID.randomUUID() + "-";
    Counts before = counts();

    List<Response> responses = race(8, i -> Petitions.with("requestId", prefix + i));

    assertThat(responses).extracting(Response::status).as(responses.toString()).containsOnly(201);
    Set<String> caseNumbers = distinct(responses, "caseNumber");
    Set<String> queryCodes = distinct(responses, "queryCode");
    assertThat(caseNumbers).hasSize(8);
    assertThat(queryCodes).hasSize(8);
    for (String caseNumber : caseNumbers) {
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                  .processInstanceBusinessKey(caseNumber)
                  .count())
          .isEqualTo(1);
    }
    assertThat(counts())
        .isEqualTo(new Counts(before.petitions() + 8, before.processInstances() + 8));
  }

  // ---------------------------------------------------------------- deadlines

  @ParameterizedTest(name = "received {0} → triage due {1}")
  @CsvSource({
    "2026-09-20,           2026-10-08T23:59:59+08:00", // day 15 is 10-05, inside 国庆
    "2026-01-30,           2026-02-14T23:59:59+08:00", // day 15 is Sat 02-14, an adjusted working
    // day
    "2026-01-29T16:00:00Z, 2026-02-14T23:59:59+08:00", // midnight of 01-30 in Beijing
  })
  void triageTaskIsDueFifteenDaysAfterReceiptByTheStatutoryCalendar(
      String receivedAt, OffsetDateTime due) {
    Registered r = register(Petitions.with("receivedAt", receivedAt));

    Task task =
        taskService
            .createTaskQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .processInstanceBusinessKey(r.caseNumber())
            .taskDefinitionKey(PetitionProcess.TASK_TRIAGE)
            .singleResult();
    assertThat(task).isNotNull();
    assertThat(task.getDueDate().toInstant()).isEqualTo(due.toInstant());

    JsonNode view = get("/api/petitions/" + r.queryCode()).json();
    OffsetDateTime shown = OffsetDateTime.parse(view.path("currentDeadline").asText());
    assertThat(shown.toInstant()).isEqualTo(due.toInstant());
    assertThat(shown.getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(view.path("currentDeadlineName").asText()).isNotBlank();
  }

  // ---------------------------------------------------------------- engine REST and health

  @Test
  void engineRestRequiresCredentials() {
    Response anonymous = get("/engine-rest/task");
    // an unknown user, so that the engine's login-attempt lock never hits the demo users
    Response unknownUser =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task"))
                .header("Authorization", basic("no-such-user", "demo"))
                .GET());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
  }

  @Test
  void engineRestAcceptsDemoClerk() {
    Response response =
        send(
            HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task"))
                .header("Authorization", basic("clerk1", "demo"))
                .GET());

    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.json().isArray()).isTrue();
  }

  @Test
  void healthIsUp() {
    Response response = get("/actuator/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("status").asText()).isEqualTo("UP");
  }

  // ---------------------------------------------------------------- helpers

  record Response(int status, HttpHeaders headers, String body, JsonNode json) {
    @Override
    public String toString() {
      return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
  }

  record Registered(String caseNumber, String queryCode) {}

  record Counts(long petitions, long processInstances) {}

  private interface BodyFactory {
    Map<String, Object> body(int i);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private Response post(Map<String, Object> body) {
    return postRaw(json(body), "application/json");
  }

  private Response postRaw(String body, String contentType) {
    BodyPublisher publisher = BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(URI.create(base() + "/api/petitions"))
            .header("Content-Type", contentType)
            .POST(publisher));
  }

  private Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      var response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              BodyHandlers.ofString(StandardCharsets.UTF_8));
      JsonNode json = null;
      try {
        json = response.body().isEmpty() ? null : JSON.readTree(response.body());
      } catch (JsonProcessingException e) {
        // not JSON: json stays null and the assertions say so
      }
      return new Response(response.statusCode(), response.headers(), response.body(), json);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Registered register(Map<String, Object> body) {
    Response response = post(body);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return new Registered(
        response.json().path("caseNumber").asText(), response.json().path("queryCode").asText());
  }

  /** 400 with a Chinese message naming the field, and no case row or process instance created. */
  private void assertRejected(Map<String, Object> body, String field) {
    Counts before = counts();

    Response response = post(body);

    assertThat(response.status()).as(response.toString()).isEqualTo(400);
    assertError(response);
    assertThat(response.json().path("field").asText()).as(response.body()).isEqualTo(field);
    assertThat(counts()).as("nothing stored for " + response.body()).isEqualTo(before);
  }

  private void assertRefusedAndNothingStored(Response response, int status, Counts before) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertError(response);
    assertThat(counts()).isEqualTo(before);
  }

  private static void assertError(Response response) {
    assertThat(response.json()).as("JSON error body: " + response).isNotNull();
    assertThat(response.json().path("error").asText())
        .as(response.body())
        .matches("(?s).*\\p{IsHan}.*");
  }

  private Counts counts() {
    long petitions = jdbc.sql("select count(*) from petition").query(Long.class).single();
    long instances =
        historyService
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .count();
    return new Counts(petitions, instances);
  }

  private static Set<String> distinct(List<Response> responses, String field) {
    return responses.stream().map(r -> r.json().path(field).asText()).collect(Collectors.toSet());
  }

  private long rowsWithRequestId(String requestId) {
    return jdbc.sql("select count(*) from petition where request_id = ?")
        .param(requestId)
        .query(Long.class)
        .single();
  }

  private static JsonNode milestone(JsonNode view, String type) {
    for (JsonNode m : view.path("milestones")) {
      if (type.equals(m.path("type").asText())) {
        return m;
      }
    }
    throw new AssertionError("no milestone " + type + " in " + view);
  }

  /** Posts n bodies from n threads released at the same moment. */
  private List<Response> race(int n, BodyFactory bodies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch ready = new CountDownLatch(n);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String body = json(bodies.body(i));
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return postRaw(body, "application/json");
                }));
      }
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> f : futures) {
        responses.add(f.get(60, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Map<String, Object>> representatives(int n) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> person = new HashMap<>();
      person.put("name", "代表" + (i + 1));
      person.put("phone", "1390000000" + i);
      person.put("address", "深圳市福田区某街道 " + (i + 1) + " 号");
      list.add(person);
    }
    return list;
  }

  /** Appends the ISO 7064 MOD 11-2 check character to the first 17 digits of an ID number. */
  private static String withCheckDigit(String first17) {
    int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * weights[i];
    }
    return first17 + "10X98765432".charAt(sum % 11);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String json(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
