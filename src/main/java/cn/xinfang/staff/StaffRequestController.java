package cn.xinfang.staff;

import cn.xinfang.appeal.AppealController;
import cn.xinfang.appeal.AppealService;
import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.evaluation.EvaluationController;
import cn.xinfang.evaluation.EvaluationService;
import cn.xinfang.supervision.ManualSupervision;
import cn.xinfang.web.ForbiddenException;
import cn.xinfang.web.InvalidInputException;
import cn.xinfang.web.NotFoundException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What petitioners who do not use the internet say through staff (docs/api.md, "Staff"): the
 * bureau's follow-up call (回访) records their evaluation; a review or re-review request they bring
 * by letter, fax or in person is entered by the bureau or by the level that decides it, with the
 * day it was received. The same rules as online decide (EvaluationService, AppealService). Someone
 * who may not read the case gets 404, as for reading it; someone who reads it but may not enter
 * this gets 403.
 */
@RestController
@RequestMapping(path = "/api/staff/cases/{caseNumber}", produces = "application/json")
class StaffRequestController {

  private static final Set<Channel> FOLLOW_UP =
      EnumSet.of(Channel.PHONE, Channel.VISIT, Channel.LETTER);
  private static final Set<Channel> WRITTEN_REQUEST =
      EnumSet.of(Channel.LETTER, Channel.VISIT, Channel.FAX);

  private final PetitionStore store;
  private final CaseReading reading;
  private final EvaluationService evaluations;
  private final AppealService appeals;
  private final ManualSupervision supervision;
  private final AuditTrail audit;
  private final CurrentUser user;

  StaffRequestController(
      PetitionStore store,
      CaseReading reading,
      EvaluationService evaluations,
      AppealService appeals,
      ManualSupervision supervision,
      AuditTrail audit,
      CurrentUser user) {
    this.store = store;
    this.reading = reading;
    this.evaluations = evaluations;
    this.appeals = appeals;
    this.supervision = supervision;
    this.audit = audit;
    this.user = user;
  }

  /**
   * 人工督办: the bureau or a supervisor reminds, sends a letter, names a leader or recommends, at any
   * time; never on a confidential accusation.
   */
  @PostMapping(path = "/supervision", consumes = "application/json")
  ResponseEntity<Map<String, Object>> supervise(
      @PathVariable String caseNumber, @RequestBody(required = false) Map<String, Object> body) {
    Set<String> groups = user.groups();
    PetitionRecord c =
        allowed(
            caseNumber,
            p -> CaseReading.bureau(p, groups) || CaseReading.supervisor(p, groups),
            "只有信访部门和督查督办人员可以督办");
    if (body == null) {
      throw new InvalidInputException(null, "请求体不能为空");
    }
    Supervision s = supervision.supervise(c.caseNumber(), body, user.id().orElseThrow());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("caseNumber", c.caseNumber());
    answer.put("supervisionAction", s.action());
    answer.put("task", s.taskName());
    answer.put("answerDue", s.answerDue());
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  @PostMapping(path = "/evaluation", consumes = "application/json")
  ResponseEntity<Map<String, Object>> evaluation(
      @PathVariable String caseNumber, @RequestBody(required = false) FollowUp body) {
    Set<String> groups = user.groups();
    PetitionRecord c = allowed(caseNumber, p -> CaseReading.bureau(p, groups), "只有信访部门可以登记回访评价");
    if (body == null) {
      throw new InvalidInputException(null, "请求体不能为空");
    }
    Channel channel = channel(body.channel(), FOLLOW_UP, "回访方式", "PHONE（电话）、VISIT（当面）、LETTER（信函）");
    return EvaluationController.created(
        evaluations.recordFollowUp(
            c.caseNumber(),
            EvaluationController.satisfaction(body.satisfaction()),
            EvaluationController.comment(body.comment()),
            channel,
            user.id().orElseThrow()));
  }

  @PostMapping(path = "/review-requests", consumes = "application/json")
  ResponseEntity<Map<String, Object>> review(
      @PathVariable String caseNumber, @RequestBody(required = false) WrittenRequest body) {
    return enter(caseNumber, false, body);
  }

  @PostMapping(path = "/re-review-requests", consumes = "application/json")
  ResponseEntity<Map<String, Object>> reReview(
      @PathVariable String caseNumber, @RequestBody(required = false) WrittenRequest body) {
    return enter(caseNumber, true, body);
  }

  private ResponseEntity<Map<String, Object>> enter(
      String caseNumber, boolean reReview, WrittenRequest body) {
    Set<String> groups = user.groups();
    String what = reReview ? "复核" : "复查";
    PetitionRecord c =
        allowed(
            caseNumber,
            p -> appeals.mayEnter(p, reReview, groups),
            "只有信访部门或" + what + "机关可以登记" + what + "请求");
    if (body == null) {
      throw new InvalidInputException(null, "请求体不能为空");
    }
    String reason = AppealService.reason(body.reason());
    LocalDate receivedOn = day(body.receivedAt());
    Channel channel =
        body.channel() == null || body.channel().isBlank()
            ? Channel.LETTER
            : channel(body.channel(), WRITTEN_REQUEST, "请求方式", "LETTER（来信）、VISIT（来访递交）、FAX（传真）");
    return AppealController.created(
        appeals.enter(
            c.caseNumber(), reReview, reason, receivedOn, channel, user.id().orElseThrow()));
  }

  /**
   * The case, when the user may act on it; 404 when the user may neither act nor read it (as for a
   * case that does not exist), 403 when they read it but may not act.
   */
  private PetitionRecord allowed(
      String caseNumber, Predicate<PetitionRecord> mayAct, String refusal) {
    StaffCaseController.requireWellFormed(caseNumber);
    String userId = user.id().orElseThrow();
    PetitionRecord c =
        store
            .findByCaseNumber(caseNumber)
            .filter(p -> p.processInstanceId() != null)
            .orElseThrow(() -> notFound(caseNumber));
    if (mayAct.test(c)) {
      return c;
    }
    audit.record(caseNumber, AuditTrail.Action.VIEW_REFUSED, "staff request: " + refusal);
    if (reading.of(c, userId, user.groups()) == CaseReading.Level.REFUSED) {
      throw notFound(caseNumber);
    }
    throw new ForbiddenException(refusal);
  }

  private static NotFoundException notFound(String caseNumber) {
    return new NotFoundException("案件 " + caseNumber + " 不存在或您无权查看");
  }

  private static Channel channel(String value, Set<Channel> allowed, String label, String names) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("channel", "请填写" + label + "（channel）：" + names);
    }
    try {
      Channel channel = Channel.valueOf(value.strip());
      if (allowed.contains(channel)) {
        return channel;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidInputException("channel", label + "（channel）取值无效：" + value + "；应为 " + names);
  }

  /** yyyy-MM-dd, or an ISO date-time, as a day in Beijing. */
  private static LocalDate day(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("receivedAt", "请填写收到请求的日期（receivedAt），格式为 yyyy-MM-dd");
    }
    String text = value.strip();
    try {
      return text.length() > 10
          ? OffsetDateTime.parse(text).atZoneSameInstant(StatutoryCalendar.ZONE).toLocalDate()
          : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "receivedAt", "收到请求的日期（receivedAt）格式不正确：" + text + "；应为 yyyy-MM-dd");
    }
  }

  record FollowUp(String satisfaction, String channel, String comment) {}

  record WrittenRequest(String reason, String receivedAt, String channel) {}
}
