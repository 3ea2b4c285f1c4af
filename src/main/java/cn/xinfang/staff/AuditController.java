package cn.xinfang.staff;

import cn.xinfang.casestore.AuditEntry;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.web.ForbiddenException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for administrators (group camunda-admin): a case's views and changes from the
 * case store together with the process operations of Camunda's user operation log (task
 * completions, claims, assignments, variable changes, job retries …), in time order; and what one
 * user viewed or changed. Reading an audit trail is itself recorded.
 */
@RestController
@RequestMapping(path = "/api/audit", produces = "application/json")
class AuditController {

  /**
   * One line of the combined trail: source CASE_STORE (case_audit) or PROCESS (user operation log).
   */
  record Line(
      OffsetDateTime at,
      String actor,
      String source,
      String caseNumber,
      String action,
      String detail) {

    static Line of(AuditEntry e) {
      return new Line(
          beijing(e.at().toInstant()),
          e.actor(),
          "CASE_STORE",
          e.caseNumber(),
          e.action(),
          e.detail());
    }
  }

  record Trail(String subject, List<Line> entries) {}

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final int LIMIT = 1000;

  private final AuditTrail audit;
  private final HistoryService history;
  private final CurrentUser user;

  AuditController(AuditTrail audit, HistoryService history, CurrentUser user) {
    this.audit = audit;
    this.history = history;
    this.user = user;
  }

  @GetMapping("/cases/{caseNumber}")
  Trail ofCase(@PathVariable String caseNumber) {
    requireAdministrator();
    StaffCaseController.requireWellFormed(caseNumber);
    List<Line> lines = new ArrayList<>(audit.ofCase(caseNumber).stream().map(Line::of).toList());
    for (HistoricProcessInstance instance :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .list()) {
      history
          .createUserOperationLogQuery()
          .processInstanceId(instance.getId())
          .listPage(0, LIMIT)
          .forEach(op -> lines.add(line(op, caseNumber)));
    }
    lines.sort(Comparator.comparing(Line::at));
    audit.record(caseNumber, AuditTrail.Action.AUDIT_VIEW, null);
    return new Trail(caseNumber, lines);
  }

  @GetMapping("/users/{userId}")
  Trail ofUser(@PathVariable String userId) {
    requireAdministrator();
    List<Line> lines = new ArrayList<>(audit.ofActor(userId).stream().map(Line::of).toList());
    List<UserOperationLogEntry> operations =
        history
            .createUserOperationLogQuery()
            .userId(userId)
            .orderByTimestamp()
            .desc()
            .listPage(0, LIMIT);
    Map<String, String> caseNumbers = new HashMap<>();
    Set<String> instances =
        operations.stream()
            .map(UserOperationLogEntry::getProcessInstanceId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    if (!instances.isEmpty()) {
      history
          .createHistoricProcessInstanceQuery()
          .processInstanceIds(instances)
          .list()
          .forEach(pi -> caseNumbers.put(pi.getId(), pi.getBusinessKey()));
    }
    operations.forEach(op -> lines.add(line(op, caseNumbers.get(op.getProcessInstanceId()))));
    lines.sort(Comparator.comparing(Line::at).reversed());
    return new Trail(userId, lines);
  }

  private static OffsetDateTime beijing(Instant instant) {
    return instant.atZone(BEIJING).toOffsetDateTime();
  }

  private void requireAdministrator() {
    if (!user.isAdministrator()) {
      throw new ForbiddenException("审计记录仅限系统管理员查看");
    }
  }

  /** "Complete Task", with the changed property: "assignee: null → housing1". */
  private static Line line(UserOperationLogEntry op, String caseNumber) {
    String detail =
        op.getProperty() == null
            ? null
            : op.getProperty() + ": " + op.getOrgValue() + " → " + op.getNewValue();
    String subject =
        op.getTaskId() != null
            ? "task " + op.getTaskId()
            : op.getJobId() != null ? "job " + op.getJobId() : null;
    return new Line(
        beijing(op.getTimestamp().toInstant()),
        op.getUserId(),
        "PROCESS",
        caseNumber,
        op.getOperationType() + " " + op.getEntityType(),
        subject == null ? detail : detail == null ? subject : subject + ", " + detail);
  }
}
