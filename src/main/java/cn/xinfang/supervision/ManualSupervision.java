package cn.xinfang.supervision;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.supervision.SupervisionProcess.Action;
import cn.xinfang.supervision.SupervisionProcess.Var;
import cn.xinfang.web.ConflictException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Supervision by hand (人工督办): the bureau or a supervisor reminds, sends a letter, names a leader or
 * recommends at any time, on the case's open task that is due first (its groups answer). The same
 * decision as superviseCase's, with the same checks ({@link SupervisionDecisions}); a request
 * naming anything else is refused.
 */
@Service
public class ManualSupervision {

  /** the request's fields: superviseCase's inputs */
  static final List<String> FIELDS =
      List.of(
          Var.ACTION,
          Var.COMMENT,
          Var.REPLY_DAYS,
          Var.LEADER_OWNER,
          Var.RECOMMENDATION_TYPE,
          Var.RECOMMENDATION_TEXT);

  private final PetitionStore petitions;
  private final SupervisionStore store;
  private final SupervisionDecisions decisions;
  private final Supervisions supervisions;
  private final TaskService tasks;
  private final IdentityService identity;
  private final TransactionTemplate transaction;

  public ManualSupervision(
      PetitionStore petitions,
      SupervisionStore store,
      SupervisionDecisions decisions,
      Supervisions supervisions,
      TaskService tasks,
      IdentityService identity,
      TransactionTemplate transaction) {
    this.petitions = petitions;
    this.store = store;
    this.decisions = decisions;
    this.supervisions = supervisions;
    this.tasks = tasks;
    this.identity = identity;
    this.transaction = transaction;
  }

  /** Supervises the case as {@code user} decided; answers the recorded supervision. */
  public Supervision supervise(String caseNumber, Map<String, Object> request, String user) {
    for (String name : request.keySet()) {
      if (!FIELDS.contains(name)) {
        throw TaskInputs.invalid(name, "督办不接受字段 " + name + "：只能提交 " + String.join("、", FIELDS));
      }
    }
    if (Action.NONE.name().equals(request.get(Var.ACTION))) {
      throw TaskInputs.invalid(Var.ACTION, "人工督办请选择督办方式：催办、督办函、领导包案或三项建议");
    }
    return transaction.execute(
        tx -> {
          PetitionRecord c = petitions.lock(caseNumber);
          SupervisionStore.Decision d = decisions.read(request::get, user, c);
          long id = supervisions.openManual(c, concerned(c), user);
          Supervision s = store.byId(id).orElseThrow();
          decisions.record(s, d);
          supervisions.manual(c, id);
          return store.byId(id).orElseThrow();
        });
  }

  /**
   * What the supervision concerns: the case's open task that is due first and that a group works,
   * or, when it has none (an opinion delivered, a review window running), the case as a whole with
   * its handling unit answering.
   */
  private Supervisions.LateTask concerned(PetitionRecord c) {
    List<Task> open =
        c.processInstanceId() == null
            ? List.of()
            : AsSystem.call(
                identity,
                () -> tasks.createTaskQuery().processInstanceId(c.processInstanceId()).list());
    return open.stream()
        .map(supervisions::lateTask)
        .filter(t -> !t.groups().isEmpty())
        .min(
            Comparator.comparing(
                Supervisions.LateTask::due, Comparator.nullsLast(Comparator.naturalOrder())))
        .or(
            () ->
                Optional.ofNullable(c.handlingUnit())
                    .map(unit -> new Supervisions.LateTask(null, null, null, List.of(unit), null)))
        .orElseThrow(
            () -> new ConflictException("本事项当前没有待办理的环节，也没有承办单位（" + c.status().label() + "），无需督办"));
  }
}
