package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.JarProcess;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PostgresDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * No acknowledged petition is lost, not even on kill -9: 8 clients post petitions to the packaged
 * application on PostgreSQL, each with its own requestId; the JVM is killed with SIGKILL in the
 * middle of the load and started again on the same database. Every petition that got a 201 is there
 * with its case number and its process; every requestId, retried, answers its original case, and
 * none is stored twice.
 */
class CrashSafetyIT {

  private static final int CLIENTS = 8;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @RegisterExtension final PostgresDatabase database = new PostgresDatabase();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void everyAcknowledgedPetitionSurvivesAKillAndEveryRetryAnswersItsOriginalCase()
      throws Exception {
    Map<String, Object> props = Map.copyOf(database.properties());
    Path log = dir.resolve("app.log");
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    Set<String> sent = ConcurrentHashMap.newKeySet();

    // Given 8 clients posting petitions as fast as the application takes them
    try (JarProcess app = JarProcess.start(props, log)) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger sequence = new AtomicInteger();
      CountDownLatch enough = new CountDownLatch(40);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      for (int i = 0; i < CLIENTS; i++) {
        clients.submit(
            () -> {
              while (running.get()) {
                String requestId = "crash-" + sequence.incrementAndGet();
                sent.add(requestId);
                try {
                  HttpResponse<String> response = post(app.base(), requestId);
                  if (response.statusCode() == 201) {
                    acknowledged.put(
                        requestId, JSON.readTree(response.body()).path("caseNumber").asText());
                    enough.countDown();
                  }
                } catch (Exception cutOff) {
                  // the kill cut this request off: it is not acknowledged, the client will retry it
                }
              }
              return null;
            });
      }

      // When the JVM is killed with SIGKILL in the middle of the load
      assertThat(enough.await(120, TimeUnit.SECONDS))
          .as("40 petitions acknowledged before the kill")
          .isTrue();
      app.kill();
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }
    int acknowledgedBeforeKill = acknowledged.size();
    System.out.printf(
        "crash test: %d requests sent, %d acknowledged before the SIGKILL, %d cut off%n",
        sent.size(), acknowledgedBeforeKill, sent.size() - acknowledgedBeforeKill);

    // and started again on the same database
    try (JarProcess app = JarProcess.start(props, log)) {
      // Then every requestId, retried, answers one case: the original one where a 201 had been sent
      for (String requestId : sent) {
        HttpResponse<String> retry = post(app.base(), requestId);
        assertThat(retry.statusCode())
            .as("retry of %s: %s", requestId, retry.body())
            .isEqualTo(201);
        String caseNumber = JSON.readTree(retry.body()).path("caseNumber").asText();
        String original = acknowledged.putIfAbsent(requestId, caseNumber);
        if (original != null) {
          assertThat(caseNumber).as("case of %s after the restart", requestId).isEqualTo(original);
          assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
      }
    }

    // and the database holds each requestId once, each case with its own process instance
    try (Connection c = database.connect()) {
      List<String> stored = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "select request_id, case_number, process_instance_id from petition where request_id like 'crash-%'")) {
        while (rs.next()) {
          stored.add(rs.getString(1));
          assertThat(rs.getString(3)).as("process of %s", rs.getString(2)).isNotNull();
          assertThat(acknowledged).containsEntry(rs.getString(1), rs.getString(2));
        }
      }
      assertThat(stored).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sent);
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  """
          select count(*) from petition p
          where p.request_id like 'crash-%'
            and not exists (select 1 from act_ru_execution e where e.id_ = p.process_instance_id)
          """)) {
        rs.next();
        assertThat(rs.getLong(1)).as("cases whose process instance is missing").isZero();
      }
    }
    assertThat(acknowledgedBeforeKill).isGreaterThanOrEqualTo(40);
  }

  private HttpResponse<String> post(String base, String requestId) throws Exception {
    Map<String, Object> body = Petitions.valid();
    body.put("requestId", requestId);
    body.remove("receivedAt");
    return http.send(
        HttpRequest.newBuilder(URI.create(base + "/api/petitions"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
