package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.Http;
import cn.xinfang.support.JarProcess;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes on one PostgreSQL database, each with its own job executor: a case started
 * on one is carried on by the other, step by step; and timers that fall due while both run are
 * executed exactly once each, by whichever node acquires them.
 */
class TwoNodesIT {

  private static final int CASES = 16;

  @TempDir Path dir;

  @RegisterExtension final PostgresDatabase database = new PostgresDatabase();
  private final Http http = new Http();

  @Test
  void twoNodesShareTheCasesAndRunEachTimerOnce() throws Exception {
    // The first node creates the schema and the models alone, then the second joins it
    try (JarProcess a = JarProcess.start(node("node-a"), dir.resolve("a.log"));
        JarProcess b = JarProcess.start(node("node-b"), dir.resolve("b.log"))) {

      // Given cases registered on node A and carried on alternately on B and A until delivered
      List<String> cases = new ArrayList<>();
      for (int i = 0; i < CASES; i++) {
        cases.add(deliverAlternately(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a));
      }

      // When their review windows fall due while both nodes run: an administrator moves the timers
      // to the
      // past, half on each node (each node then wakes its own job executor)
      for (int i = 0; i < CASES; i++) {
        JarProcess node = i < CASES / 2 ? b : a;
        for (JsonNode job :
            http.get(
                node.base()
                    + "/engine-rest/job?timers=true&activityId=Timer_ReviewWindow"
                    + "&processInstanceId="
                    + processInstanceId(node, cases.get(i)),
                "demo")) {
          http.put(
              node.base() + "/engine-rest/job/" + job.path("id").asText() + "/duedate",
              "demo",
              Map.of("duedate", "2026-01-01T00:00:00.000+0800"),
              204);
        }
      }

      // Then every case is closed, each by exactly one execution of its timer, on either node
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .untilAsserted(
              () -> {
                for (String caseNumber : cases) {
                  assertThat(
                          http.get(a.base() + "/api/petitions/" + queryCode(caseNumber), null)
                              .path("status")
                              .asText())
                      .as(caseNumber)
                      .isEqualTo("CLOSED");
                }
              });
      Map<String, Integer> byNode = timerRunsByNode();
      System.out.printf("two nodes: review-window timers executed by %s%n", byNode);
      assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CASES);
      assertThat(windowClosedMilestones()).as("one closing milestone per case").isEqualTo(CASES);
    }
  }

  /**
   * Registers on {@code first}, triages on {@code second}, and so on to delivery; answers the case
   * number.
   */
  private String deliverAlternately(JarProcess first, JarProcess second) throws Exception {
    JsonNode created = http.post(first.base() + "/api/petitions", null, Petitions.valid(), 201);
    String caseNumber = created.path("caseNumber").asText();
    queryCodes.put(caseNumber, created.path("queryCode").asText());
    http.complete(
        second.base(),
        http.task(second.base(), PetitionProcess.TASK_TRIAGE, caseNumber, "clerk1"),
        "clerk1",
        Petitions.triage("CLAIM", "NONE", false, false, false, true));
    http.complete(
        first.base(),
        http.task(first.base(), PetitionProcess.TASK_ACCEPT, caseNumber, "housing1"),
        "housing1",
        Map.of(Var.ACCEPTANCE, "ACCEPT"));
    http.complete(
        second.base(),
        http.task(second.base(), PetitionProcess.TASK_HANDLE, caseNumber, "housing1"),
        "housing1",
        Map.of(Var.HANDLING_OUTCOME, "SUPPORTED", Var.OPINION_TEXT, "经核实，责成物业公司维修管道。"));
    http.complete(
        first.base(),
        http.task(first.base(), PetitionProcess.TASK_APPROVE_REPLY, caseNumber, "housinghead1"),
        "housinghead1",
        Map.of(Var.REPLY_APPROVED, true));
    http.complete(
        second.base(),
        http.task(second.base(), PetitionProcess.TASK_APPROVE_REPLY, caseNumber, "leader1"),
        "leader1",
        Map.of(Var.REPLY_APPROVED, true));
    assertThat(http.status(first.base() + "/api/petitions/" + queryCode(caseNumber)))
        .isEqualTo("REPLIED");
    return caseNumber;
  }

  private final Map<String, String> queryCodes = new HashMap<>();

  private String queryCode(String caseNumber) {
    return queryCodes.get(caseNumber);
  }

  private String processInstanceId(JarProcess node, String caseNumber) throws Exception {
    return http.get(node.base() + "/engine-rest/process-instance?businessKey=" + caseNumber, "demo")
        .get(0)
        .path("id")
        .asText();
  }

  private Map<String, Object> node(String name) {
    Map<String, Object> props = new HashMap<>(database.properties());
    // the host name the job log records for the jobs this node ran
    props.put("camunda.bpm.generic-properties.properties.hostname", name);
    // both executors look for due jobs every second and take one at a time, so that both get some
    props.put("camunda.bpm.job-execution.max-wait", 1000);
    props.put("camunda.bpm.job-execution.max-jobs-per-acquisition", 1);
    return props;
  }

  /** Successful runs of review-window timers in the job log, per node. */
  private Map<String, Integer> timerRunsByNode() throws Exception {
    Map<String, Integer> runs = new HashMap<>();
    try (Connection c = database.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    """
        select hostname_, count(*) from act_hi_job_log
        where act_id_ = 'Timer_ReviewWindow' and job_state_ = 2 group by hostname_
        """)) {
      while (rs.next()) {
        runs.put(rs.getString(1), rs.getInt(2));
      }
    }
    return runs;
  }

  private long windowClosedMilestones() throws Exception {
    try (Connection c = database.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select count(*) from milestone where type = 'REVIEW_WINDOW_PASSED'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
