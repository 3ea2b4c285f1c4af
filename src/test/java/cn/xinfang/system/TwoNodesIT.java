package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.Http;
import cn.xinfang.support.JarProcess;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PostgresDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes on one PostgreSQL database, each with its own job executor and its own
 * overdue watch (网上督, every second here): a case started on one is carried on by the other, step by
 * step; timers that fall due while both run are executed exactly once each, by whichever node
 * acquires them; and a task that falls late while both run is supervised exactly once. The nodes
 * and the database are shared by the tests: each test works on cases of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesIT {

  private static final int CASES = 16;

  /** open tasks that fall late while both nodes run */
  private static final int LATE_TASKS = 8;

  @TempDir static Path dir;

  @RegisterExtension static final PostgresDatabase DATABASE = PostgresDatabase.perClass();

  private final Http http = new Http();
  private JarProcess a;
  private JarProcess b;

  /** The first node creates the schema and the models alone, then the second joins it. */
  @BeforeAll
  void start() throws Exception {
    a = JarProcess.start(node("node-a"), dir.resolve("a.log"));
    b = JarProcess.start(node("node-b"), dir.resolve("b.log"));
  }

  @AfterAll
  void stop() throws Exception {
    for (JarProcess node : new JarProcess[] {b, a}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void twoNodesShareTheCasesAndRunEachTimerOnce() throws Exception {
    // Given cases registered on node A and carried on alternately on B and A until delivered
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(deliverAlternately(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a));
    }

    // When their review windows fall due while both nodes run: an administrator moves the timers
    // to the past, half on each node (each node then wakes its own job executor)
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
    assertThat(windowClosedMilestones(cases)).as("one closing milestone per case").isEqualTo(CASES);
  }

  @Test
  void twoNodesOpenOneSuperviseCasePerOverdueTask() throws Exception {
    // Given open triage tasks of cases received today, registered on both nodes: due in 15 days
    String today = LocalDate.now(StatutoryCalendar.ZONE).toString();
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < LATE_TASKS; i++) {
      cases.add(register(i % 2 == 0 ? a : b, today));
    }
    Map<String, String> triageTasks = triageTasks(cases);
    assertThat(triageTasks).hasSize(LATE_TASKS);
    assertThat(overdueSupervisions(triageTasks.keySet())).isEmpty();

    // When their due dates pass while both nodes' watches run (moved into the past behind the
    // nodes' back)
    try (Connection c = DATABASE.connect();
        PreparedStatement late =
            c.prepareStatement(
                "update act_ru_task set due_date_ = now() - interval '1 day', priority_ = 50"
                    + " where id_ = ?")) {
      for (String task : triageTasks.keySet()) {
        late.setString(1, task);
        assertThat(late.executeUpdate()).isEqualTo(1);
      }
    }

    // Then each is flagged overdue, by whichever watch saw it first
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> flaggedOverdue(triageTasks.keySet()) == LATE_TASKS);
    // and, however often both watches run on, supervised once: one supervision, one superviseCase
    Thread.sleep(3_000);
    Map<String, Integer> supervisions = overdueSupervisions(triageTasks.keySet());
    Map<String, Integer> superviseCases = openSuperviseCases(triageTasks.keySet());
    for (Map.Entry<String, String> task : triageTasks.entrySet()) {
      assertThat(supervisions.get(task.getKey())).as(task.getValue()).isEqualTo(1);
      assertThat(superviseCases.get(task.getKey())).as(task.getValue()).isEqualTo(1);
      // the supervisors find it on either node
      for (JarProcess node : List.of(a, b)) {
        assertThat(http.tasks(node.base(), "superviseCase", task.getValue(), "supervisor1"))
            .as(task.getValue())
            .hasSize(1);
      }
    }
    System.out.printf("two nodes: overdue watch runs that supervised: %s%n", watchRunsByNode());

    // And a case received 25 days ago, registered on node A, is late at registration: the
    // supervisors have its superviseCase on node B within a minute
    String received25DaysAgo =
        register(a, LocalDate.now(StatutoryCalendar.ZONE).minusDays(25).toString());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                http.tasks(b.base(), "superviseCase", received25DaysAgo, "supervisor1").size()
                    == 1);
    Map<String, String> lateAtRegistration = triageTasks(List.of(received25DaysAgo));
    assertThat(flaggedOverdue(lateAtRegistration.keySet())).isEqualTo(1);
    assertThat(overdueSupervisions(lateAtRegistration.keySet()))
        .containsExactly(Map.entry(lateAtRegistration.keySet().iterator().next(), 1));
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
    return http.get(
            node.base()
                + "/engine-rest/process-instance?processDefinitionKey=petition&businessKey="
                + caseNumber,
            "demo")
        .get(0)
        .path("id")
        .asText();
  }

  private Map<String, Object> node(String name) {
    Map<String, Object> props = new HashMap<>(DATABASE.properties());
    // the host name the job log records for the jobs this node ran
    props.put("camunda.bpm.generic-properties.properties.hostname", name);
    // both executors look for due jobs every second and take one at a time, so that both get some
    props.put("camunda.bpm.job-execution.max-wait", 1000);
    props.put("camunda.bpm.job-execution.max-jobs-per-acquisition", 1);
    // both overdue watches run every second (one at a time: ShedLock), so that each gets some
    props.put("petition.supervision.watch-interval", "PT1S");
    return props;
  }

  /** Registers a petition received that day on the node; answers its case number. */
  private String register(JarProcess node, String receivedAt) throws Exception {
    return http.post(
            node.base() + "/api/petitions", null, Petitions.with("receivedAt", receivedAt), 201)
        .path("caseNumber")
        .asText();
  }

  /** The open triage tasks of these cases: task id → case number. */
  private Map<String, String> triageTasks(List<String> caseNumbers) throws Exception {
    Map<String, String> tasks = new HashMap<>();
    try (Connection c = DATABASE.connect();
        PreparedStatement q =
            c.prepareStatement(
                """
                select t.id_, p.case_number from act_ru_task t
                join petition p on p.process_instance_id = t.proc_inst_id_
                where t.task_def_key_ = 'triagePetition' and p.case_number = any (?)
                """)) {
      q.setArray(1, c.createArrayOf("varchar", caseNumbers.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          tasks.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return tasks;
  }

  /** How many of these tasks have the priority of an overdue task (100). */
  private int flaggedOverdue(Collection<String> taskIds) throws Exception {
    try (Connection c = DATABASE.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select count(*) from act_ru_task where priority_ = 100 and id_ = any (?)")) {
      q.setArray(1, c.createArrayOf("varchar", taskIds.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The OVERDUE supervisions in the case store per late task (none: absent). */
  private Map<String, Integer> overdueSupervisions(Collection<String> taskIds) throws Exception {
    return countPerTask(
        """
        select overdue_task_id, count(*) from supervision
        where origin = 'OVERDUE' and overdue_task_id = any (?) group by overdue_task_id
        """,
        taskIds);
  }

  /** The open superviseCase tasks of the supervisions per late task (none: absent). */
  private Map<String, Integer> openSuperviseCases(Collection<String> taskIds) throws Exception {
    return countPerTask(
        """
        select s.overdue_task_id, count(t.id_) from supervision s
        join act_ru_task t on t.proc_inst_id_ = s.process_instance_id
        where t.task_def_key_ = 'superviseCase' and s.overdue_task_id = any (?)
        group by s.overdue_task_id
        """,
        taskIds);
  }

  private Map<String, Integer> countPerTask(String sql, Collection<String> taskIds)
      throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection c = DATABASE.connect();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setArray(1, c.createArrayOf("varchar", taskIds.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getInt(2));
        }
      }
    }
    return counts;
  }

  /** The watch runs that supervised a task, per node, as each node's log says. */
  private Map<String, Long> watchRunsByNode() throws Exception {
    Map<String, Long> runs = new HashMap<>();
    for (String node : List.of("a", "b")) {
      try (var lines = Files.lines(dir.resolve(node + ".log"))) {
        runs.put(
            "node-" + node,
            lines.filter(l -> l.contains("overdue watch:") && !l.contains(" 0 overdue")).count());
      }
    }
    return runs;
  }

  /** Successful runs of review-window timers in the job log, per node. */
  private Map<String, Integer> timerRunsByNode() throws Exception {
    Map<String, Integer> runs = new HashMap<>();
    try (Connection c = DATABASE.connect();
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

  private long windowClosedMilestones(List<String> caseNumbers) throws Exception {
    try (Connection c = DATABASE.connect();
        PreparedStatement q =
            c.prepareStatement(
                """
                select count(*) from milestone m join petition p on p.id = m.petition_id
                where m.type = 'REVIEW_WINDOW_PASSED' and p.case_number = any (?)
                """)) {
      q.setArray(1, c.createArrayOf("varchar", caseNumbers.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
