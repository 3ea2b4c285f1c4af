package cn.xinfang.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.intake.IntakeService;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.intake.RegistrationRequest;
import cn.xinfang.intake.RegistrationValidator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Drives cases through the petition process on the running application, the way clerks would: the
 * public registration path, then task completions with the contract's variables (docs/domain.md,
 * "The contract"). Each step checks that the case is where the step expects it.
 */
public class CaseDriver {

  public static final String TRIAGE = PetitionProcess.TASK_TRIAGE;
  public static final String ACCEPT = PetitionProcess.TASK_ACCEPT;
  public static final String HANDLE = PetitionProcess.TASK_HANDLE;
  public static final String APPROVE_REPLY = PetitionProcess.TASK_APPROVE_REPLY;
  public static final String REVIEW = PetitionProcess.TASK_REVIEW;
  public static final String RE_REVIEW = PetitionProcess.TASK_RE_REVIEW;
  public static final String CONFIRM_DELIVERY = PetitionProcess.TASK_CONFIRM_DELIVERY;

  /** The default petitioner of {@link #register}; the ID number has a valid check digit. */
  public static final PersonRequest PETITIONER =
      new PersonRequest("张三", "11010519491231002X", "13800138000", "深圳市福田区福华路 1 号");

  /** when the cases of {@link #transferred} were received: before every moment the tests pin */
  public static final String RECEIVED = "2026-08-01";

  private final ProcessEngine engine;
  private final IntakeService intake;
  private final RegistrationValidator validator;
  private final PetitionStore store;
  private final TestClock clock;
  private final JdbcClient jdbc;

  public CaseDriver(
      ProcessEngine engine,
      IntakeService intake,
      RegistrationValidator validator,
      PetitionStore store,
      TestClock clock,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.engine = engine;
    this.intake = intake;
    this.validator = validator;
    this.store = store;
    this.clock = clock;
  }

  /** 23:59:59 Beijing time of that day: how every deadline ends (docs/domain.md, "Time limits"). */
  public static Date endOf(String day) {
    return Date.from(OffsetDateTime.parse(day + "T23:59:59+08:00").toInstant());
  }

  /** A registered case: its number, its case-store id, its process instance and its query code. */
  public record Case(String number, long id, ProcessInstance pi, String queryCode) {}

  /** The evaluations stored for the case's opinions. */
  public long evaluations(Case c) {
    return countPerOpinion("evaluation", c);
  }

  /** The review and re-review requests stored for the case's opinions. */
  public long appealRequests(Case c) {
    return countPerOpinion("appeal_request", c);
  }

  private long countPerOpinion(String table, Case c) {
    return jdbc.sql(
            "select count(*) from "
                + table
                + " x join opinion o on o.id = x.opinion_id where o.petition_id = ?")
        .param(c.id())
        .query(Long.class)
        .single();
  }

  public Case register(String district, String category, String receivedAt) {
    return register(PETITIONER, 1, district, category, receivedAt);
  }

  public Case register(
      PersonRequest petitioner,
      int personCount,
      String district,
      String category,
      String receivedAt) {
    return register("ONLINE", petitioner, personCount, district, category, receivedAt);
  }

  /** A case that came by {@code channel} (LETTER, VISIT …), registered over the API. */
  public Case register(
      String channel,
      PersonRequest petitioner,
      int personCount,
      String district,
      String category,
      String receivedAt) {
    RegistrationRequest request =
        new RegistrationRequest(
            null,
            channel,
            receivedAt,
            petitioner,
            personCount,
            district,
            category,
            "小区楼上漏水",
            "楼上住户漏水多次协商未果，请求有关部门协调处理。",
            null);
    PetitionRecord record = intake.register(validator.validate(request, null)).petition();
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .processInstanceBusinessKey(record.caseNumber())
            .singleResult();
    assertThat(pi).as("process instance of %s", record.caseNumber()).isNotNull();
    return new Case(record.caseNumber(), record.id(), pi, record.queryCode());
  }

  /**
   * A housing claim in Futian, received on {@link #RECEIVED} and triaged to the petition route.
   * Tests that pin the clock pin it before they create the case, so that every step happens in
   * order.
   */
  public Case transferred() {
    return transferred("CLAIM", false);
  }

  public Case transferred(String nature, boolean simpleProcedure) {
    return transferred(register("FUTIAN", "HOUSING", RECEIVED), nature, simpleProcedure);
  }

  /** A case registered elsewhere (the portal, Tasklist), found by its number. */
  public Case existing(String caseNumber) {
    PetitionRecord record = store.get(caseNumber);
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .processInstanceBusinessKey(caseNumber)
            .singleResult();
    assertThat(pi).as("process instance of %s", caseNumber).isNotNull();
    return new Case(caseNumber, record.id(), pi, record.queryCode());
  }

  /** Triages a registered case to the petition route, for the unit of its category and district. */
  public Case transferred(Case c, String nature, boolean simpleProcedure) {
    Map<String, Object> vars = Petitions.triage(nature, "NONE", false, false, false, true);
    vars.put(Var.SIMPLE_PROCEDURE, simpleProcedure);
    complete(c, TRIAGE, vars);
    assertWaitingAt(c, ACCEPT);
    return c;
  }

  /** {@link #transferred}, accepted by the housing bureau: waiting at handlePetition. */
  public Case accepted() {
    return accepted("CLAIM", false);
  }

  public Case accepted(String nature, boolean simpleProcedure) {
    return accepted(transferred(nature, simpleProcedure));
  }

  /**
   * {@link #accepted()} for a petitioner who came by {@code channel}: the opinions reach them on
   * paper, and the unit confirms each delivery.
   */
  public Case acceptedVia(String channel) {
    return accepted(
        transferred(
            register(channel, PETITIONER, 1, "FUTIAN", "HOUSING", RECEIVED), "CLAIM", false));
  }

  /** The unit records that the petitioner received the opinion on {@code day} by {@code method}. */
  public void confirmDelivery(Case c, String day, String method) {
    complete(c, CONFIRM_DELIVERY, Map.of(Var.DELIVERED_AT, day, Var.DELIVERY_METHOD, method));
  }

  /** A transferred case, accepted by its unit: waiting at handlePetition. */
  public Case accepted(Case c) {
    complete(c, ACCEPT, Map.of(Var.ACCEPTANCE, "ACCEPT"));
    assertWaitingAt(c, HANDLE);
    return c;
  }

  /** The unit concludes with an outcome and an opinion: the approval chain starts. */
  public void conclude(Case c, String outcome) {
    complete(
        c,
        HANDLE,
        Map.of(
            Var.HANDLING_OUTCOME,
            outcome,
            Var.OPINION_TEXT,
            "经调查核实，楼上住户管道老化渗漏属实，已责成物业公司于 10 日内维修并赔偿损失。"));
  }

  /** Approves every level of the chain; answers the candidate group of each level in order. */
  public List<String> approveAll(Case c) {
    List<String> groups = new ArrayList<>();
    for (Task t = approveReplyTask(c); t != null; t = approveReplyTask(c)) {
      groups.add(candidateGroup(t));
      engine.getTaskService().complete(t.getId(), Map.of(Var.REPLY_APPROVED, true));
    }
    return groups;
  }

  /** {@link #transferred}, with the clock pinned to that Beijing time first: accepted then. */
  public Case acceptedOn(String beijingTime) {
    clock.pin(beijingTime);
    return accepted();
  }

  /** {@link #accepted}, concluded SUPPORTED and approved: the opinion is delivered (REPLIED). */
  public Case replied() {
    return replied(accepted(), "SUPPORTED");
  }

  /** {@link #replied}, everything at that Beijing time. */
  public Case repliedOn(String beijingTime) {
    clock.pin(beijingTime);
    return replied();
  }

  /** Concludes an accepted case with that outcome and approves it at every level: delivered. */
  public Case replied(Case c, String outcome) {
    conclude(c, outcome);
    approveAll(c);
    return c;
  }

  public Task task(Case c, String key) {
    Task t =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(c.pi().getId())
            .taskDefinitionKey(key)
            .singleResult();
    assertThat(t).as("task %s of %s", key, c.number()).isNotNull();
    return t;
  }

  public void complete(Case c, String key, Map<String, Object> variables) {
    engine.getTaskService().complete(task(c, key).getId(), new HashMap<>(variables));
  }

  /**
   * Completes the task as that staff user, authenticated with their groups as a request would be
   * (the engine's authorization checks and the listeners see the user): who drafts and who approves
   * is recorded.
   */
  public void completeAs(String user, Case c, String key, Map<String, Object> variables) {
    as(user, () -> complete(c, key, variables));
  }

  /** Runs the work authenticated as that staff user with their groups, as a request would be. */
  public void as(String user, Runnable work) {
    var identity = engine.getIdentityService();
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream()
            .map(org.camunda.bpm.engine.identity.Group::getId)
            .toList();
    identity.setAuthentication(user, groups);
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The display-only approval history on the case's open approveReply task. */
  public String approvalHistory(Case c) {
    return (String)
        engine.getTaskService().getVariableLocal(task(c, APPROVE_REPLY).getId(), "approvalHistory");
  }

  public String candidateGroup(Task t) {
    return engine.getTaskService().getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .findFirst()
        .orElse(null);
  }

  /** The timer job of the case waiting at that activity (a timer event or a boundary timer). */
  public Job timer(Case c, String activityId) {
    Job job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(c.pi().getId())
            .timers()
            .activityId(activityId)
            .singleResult();
    assertThat(job).as("timer at %s of %s", activityId, c.number()).isNotNull();
    return job;
  }

  /** Fires a timer now, as the job executor would when it falls due. */
  public void fire(Job timer) {
    engine.getManagementService().executeJob(timer.getId());
  }

  public void assertWaitingAt(Case c, String key) {
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(c.pi().getId())
                .taskDefinitionKey(key)
                .count())
        .as("%s waits at %s", c.number(), key)
        .isEqualTo(1);
  }

  public PetitionRecord stored(Case c) {
    return store.get(c.number());
  }

  /** The case's one notice of that type. */
  public Notice notice(Case c, String type) {
    List<Notice> found = store.notices(c.id()).stream().filter(n -> n.type().equals(type)).toList();
    assertThat(found).as("notices %s of %s", type, c.number()).hasSize(1);
    return found.get(0);
  }

  public List<String> noticeTypes(Case c) {
    return store.notices(c.id()).stream().map(Notice::type).toList();
  }

  /** The whole timeline, internal steps and notes included. */
  public List<Milestone> milestones(Case c) {
    return store.milestones(c.id());
  }

  /** What the petitioner reads in the timeline. */
  public List<String> publicMilestones(Case c) {
    return store.milestones(c.id()).stream()
        .filter(Milestone::publicVisible)
        .map(Milestone::description)
        .toList();
  }

  private Task approveReplyTask(Case c) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(c.pi().getId())
        .taskDefinitionKey(APPROVE_REPLY)
        .singleResult();
  }
}
