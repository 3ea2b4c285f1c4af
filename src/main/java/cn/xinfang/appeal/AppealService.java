package cn.xinfang.appeal;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Route;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.intake.PetitionerAction;
import cn.xinfang.intake.PetitionerCases;
import cn.xinfang.web.ConflictException;
import cn.xinfang.web.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The petitioner's requests for review (复查, 《信访工作条例》第三十五条) and re-review (复核, 第三十六条): only on the
 * petition route, only against the latest opinion of the stage before, only once, and only within
 * 30 days of its delivery. The request row and the process's reaction (the message that starts
 * reviewPetition or reReviewPetition) commit together; any refusal stores nothing.
 */
@Service
public class AppealService {

  private final PetitionerCases cases;
  private final PetitionStore store;
  private final OpinionStore opinions;
  private final RuntimeService runtimeService;
  private final IdentityService identity;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public AppealService(
      PetitionerCases cases,
      PetitionStore store,
      OpinionStore opinions,
      RuntimeService runtimeService,
      IdentityService identity,
      TransactionTemplate transaction,
      Clock clock) {
    this.identity = identity;
    this.cases = cases;
    this.store = store;
    this.opinions = opinions;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.clock = clock;
  }

  static final int REASON_MAX = 2000;

  /** A request's reason as given: required, at most {@value #REASON_MAX} characters. */
  public static String reason(String given) {
    String reason = given == null ? "" : given.strip();
    if (reason.isEmpty()) {
      throw new InvalidInputException("reason", "请填写请求理由（reason）");
    }
    if (reason.length() > REASON_MAX) {
      throw new InvalidInputException("reason", "请求理由（reason）不能超过 " + REASON_MAX + " 个字符");
    }
    return reason;
  }

  /** The petitioner asks for review of the handling opinion; answers the case as it now stands. */
  public PetitionRecord requestReview(String queryCode, String reason) {
    return online(queryCode, reason, Request.REVIEW);
  }

  /** The petitioner asks for re-review of the review opinion. */
  public PetitionRecord requestReReview(String queryCode, String reason) {
    return online(queryCode, reason, Request.RE_REVIEW);
  }

  /**
   * A request for review ({@code reReview} false) or re-review that reached the bureau or the
   * reviewing level by letter, fax or in person on {@code receivedOn}, entered by {@code clerk}:
   * the window is checked against that day, so a letter that arrived in time is accepted although
   * it is entered later, while the process still waits (clock appeal-entry). Only the bureau and
   * the level that decides the request may enter it ({@link #mayEnter}).
   */
  public PetitionRecord enter(
      String caseNumber,
      boolean reReview,
      String reason,
      LocalDate receivedOn,
      Channel channel,
      String clerk) {
    Request request = reReview ? Request.RE_REVIEW : Request.REVIEW;
    OffsetDateTime receivedAt = receivedOn.atStartOfDay(StatutoryCalendar.ZONE).toOffsetDateTime();
    if (receivedOn.isAfter(LocalDate.now(clock.withZone(StatutoryCalendar.ZONE)))) {
      throw new InvalidInputException("receivedAt", "收到请求的日期（receivedAt）不能晚于今天");
    }
    return transaction.execute(
        tx -> {
          PetitionRecord p = store.lock(caseNumber);
          Opinion opinion = allowed(request, p, receivedAt);
          if (opinion
              .receivedAt()
              .atZoneSameInstant(StatutoryCalendar.ZONE)
              .toLocalDate()
              .isAfter(receivedOn)) {
            throw new InvalidInputException(
                "receivedAt",
                "收到请求的日期（receivedAt）不能早于信访人收到"
                    + request.document
                    + "的日期（"
                    + StatutoryCalendar.chineseDay(opinion.receivedAt().toInstant())
                    + "）");
          }
          return record(p, opinion, reason, request, receivedAt, channel.name(), clerk);
        });
  }

  /**
   * Whether the user may enter requests of this case: the bureau, or the level that decides a
   * request against its latest opinion of that stage (the review level for a handling opinion, the
   * re-review level for a review opinion), as the case store recorded it when the opinion was
   * issued.
   */
  public boolean mayEnter(PetitionRecord p, boolean reReview, Set<String> groups) {
    if (p.route() == Route.DISCIPLINE) {
      return false;
    }
    if (groups.contains(PetitionProcess.Group.BUREAU)) {
      return true;
    }
    return opinions
        .latest(p.id(), reReview ? OpinionKind.REVIEW : OpinionKind.HANDLING)
        .map(Opinion::appealLevel)
        .filter(groups::contains)
        .isPresent();
  }

  /**
   * What the process is told of a request: its message and the variables with the reason and the
   * time.
   */
  private enum Request {
    REVIEW(
        PetitionProcess.MESSAGE_REVIEW_REQUESTED,
        Var.REVIEW_REASON,
        Var.REVIEW_REQUESTED_AT,
        "请求复查",
        "信访处理意见书"),
    RE_REVIEW(
        PetitionProcess.MESSAGE_RE_REVIEW_REQUESTED,
        Var.RE_REVIEW_REASON,
        Var.RE_REVIEW_REQUESTED_AT,
        "请求复核",
        "复查意见书");

    final String message;
    final String reasonVariable;
    final String requestedAtVariable;
    final String label;
    final String document;

    Request(
        String message,
        String reasonVariable,
        String requestedAtVariable,
        String label,
        String document) {
      this.message = message;
      this.reasonVariable = reasonVariable;
      this.requestedAtVariable = requestedAtVariable;
      this.label = label;
      this.document = document;
    }
  }

  private Opinion allowed(Request request, PetitionRecord p, OffsetDateTime at) {
    return request == Request.REVIEW ? reviewable(p, at) : reReviewable(p, at);
  }

  /**
   * For the petitioner's view: requests for review (reviewRequest) and re-review (reReviewRequest).
   */
  @Bean
  PetitionerAction reviewRequestAction() {
    return PetitionerAction.of(
        "reviewRequest", p -> reviewable(p, OffsetDateTime.now(clock)).appealDue());
  }

  @Bean
  PetitionerAction reReviewRequestAction() {
    return PetitionerAction.of(
        "reReviewRequest", p -> reReviewable(p, OffsetDateTime.now(clock)).appealDue());
  }

  private Opinion reviewable(PetitionRecord p, OffsetDateTime at) {
    switch (p.status()) {
      case TERMINATED -> throw new ConflictException("本事项已经复核终结，不能再请求复查（《信访工作条例》第三十六条）");
      case IN_REVIEW -> throw new ConflictException("已经请求复查，复查机关正在办理");
      case REVIEWED, IN_RE_REVIEW ->
          throw new ConflictException("已经作出复查意见，不能再次请求复查；对复查意见不服的，可以请求复核");
      default -> {}
    }
    requirePetitionRoute(p, "复查");
    if (p.status() != PetitionStatus.REPLIED && p.status() != PetitionStatus.CLOSED) {
      throw new ConflictException("尚未出具信访处理意见，暂不能请求复查");
    }
    return open(p, OpinionKind.HANDLING, "复查", "信访处理意见书", "第三十五条", at);
  }

  private Opinion reReviewable(PetitionRecord p, OffsetDateTime at) {
    switch (p.status()) {
      case TERMINATED -> throw new ConflictException("本事项已经复核终结，不能再请求复核（《信访工作条例》第三十六条）");
      case IN_RE_REVIEW -> throw new ConflictException("已经请求复核，复核机关正在办理");
      default -> {}
    }
    requirePetitionRoute(p, "复核");
    if (p.status() != PetitionStatus.REVIEWED && p.status() != PetitionStatus.CLOSED) {
      throw new ConflictException("尚未作出复查意见，不能请求复核：对处理意见不服的，应先请求复查");
    }
    return open(p, OpinionKind.REVIEW, "复核", "复查意见书", "第三十六条", at);
  }

  private static void requirePetitionRoute(PetitionRecord p, String what) {
    if (p.route() != null && !p.route().appealable()) {
      throw new ConflictException(
          "本事项不适用" + what + "：只有依照信访程序办理的申诉求决类事项可以请求" + what + "（《信访工作条例》第三十一条、第三十五条）");
    }
  }

  /**
   * The latest opinion of that kind, if it can be appealed against by a request received at {@code
   * at}.
   */
  private Opinion open(
      PetitionRecord p,
      OpinionKind kind,
      String what,
      String document,
      String article,
      OffsetDateTime at) {
    Opinion opinion =
        opinions
            .latest(p.id(), kind)
            .orElseThrow(() -> new ConflictException("尚未出具" + document + "，暂不能请求" + what));
    if (opinions.hasAppealRequest(opinion.id())) {
      throw new ConflictException("已经对该" + document + "请求过" + what);
    }
    if (!opinion.received() && opinion.appealLevel() != null) {
      throw new ConflictException(
          document + "尚未送达：请求" + what + "的期限自信访人收到之日起计算，承办单位确认送达后方可请求（《信访工作条例》" + article + "）");
    }
    if (opinion.appealDue() == null || at.isAfter(opinion.appealDue())) {
      throw new ConflictException(closed(what, document, article, opinion));
    }
    return opinion;
  }

  private PetitionRecord online(String queryCode, String reason, Request request) {
    return transaction.execute(
        tx -> {
          PetitionRecord p = cases.lock(queryCode);
          OffsetDateTime now = OffsetDateTime.now(clock);
          return record(
              p, allowed(request, p, now), reason, request, now, Channel.ONLINE.name(), null);
        });
  }

  /** The request row and the message that starts the level's task, in the caller's transaction. */
  private PetitionRecord record(
      PetitionRecord p,
      Opinion opinion,
      String reason,
      Request request,
      OffsetDateTime receivedAt,
      String channel,
      String clerk) {
    opinions.insertAppealRequest(opinion.id(), opinion.kind(), reason, receivedAt, channel, clerk);
    Runnable correlate =
        () -> {
          try {
            runtimeService
                .createMessageCorrelation(request.message)
                .processInstanceId(p.processInstanceId())
                .setVariable(request.reasonVariable, reason)
                .setVariable(request.requestedAtVariable, Date.from(receivedAt.toInstant()))
                .correlateWithResult();
          } catch (MismatchingMessageCorrelationException e) {
            // the process no longer waits for it: the window's timer has closed it
            throw new ConflictException(request.label + "的期限已经届满，案件已经办结");
          }
        };
    if (clerk == null) {
      correlate.run();
    } else {
      // a clerk may not correlate messages with the engine (StaffCommandPolicy): the platform does,
      // for the request this service has checked
      AsSystem.run(identity, correlate);
    }
    return store.get(p.caseNumber());
  }

  private static String closed(String what, String document, String article, Opinion opinion) {
    String until =
        opinion.appealDue() == null
            ? ""
            : "（截至" + StatutoryCalendar.chineseDay(opinion.appealDue().toInstant()) + "）";
    return "请求"
        + what
        + "的期限已经届满：应当自收到"
        + document
        + "之日起 30 日内提出"
        + until
        + "（《信访工作条例》"
        + article
        + "）";
  }
}
