package cn.xinfang.appeal;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.intake.PetitionerAction;
import cn.xinfang.intake.PetitionerCases;
import cn.xinfang.web.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.function.Function;
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
  private final TransactionTemplate transaction;
  private final Clock clock;

  public AppealService(
      PetitionerCases cases,
      PetitionStore store,
      OpinionStore opinions,
      RuntimeService runtimeService,
      TransactionTemplate transaction,
      Clock clock) {
    this.cases = cases;
    this.store = store;
    this.opinions = opinions;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The petitioner asks for review of the handling opinion; answers the case as it now stands. */
  public PetitionRecord requestReview(String queryCode, String reason) {
    return request(queryCode, reason, Request.REVIEW, this::reviewable);
  }

  /** The petitioner asks for re-review of the review opinion. */
  public PetitionRecord requestReReview(String queryCode, String reason) {
    return request(queryCode, reason, Request.RE_REVIEW, this::reReviewable);
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
        "请求复查"),
    RE_REVIEW(
        PetitionProcess.MESSAGE_RE_REVIEW_REQUESTED,
        Var.RE_REVIEW_REASON,
        Var.RE_REVIEW_REQUESTED_AT,
        "请求复核");

    final String message;
    final String reasonVariable;
    final String requestedAtVariable;
    final String label;

    Request(String message, String reasonVariable, String requestedAtVariable, String label) {
      this.message = message;
      this.reasonVariable = reasonVariable;
      this.requestedAtVariable = requestedAtVariable;
      this.label = label;
    }
  }

  /**
   * For the petitioner's view: requests for review (reviewRequest) and re-review (reReviewRequest).
   */
  @Bean
  PetitionerAction reviewRequestAction() {
    return PetitionerAction.of("reviewRequest", p -> reviewable(p).appealDue());
  }

  @Bean
  PetitionerAction reReviewRequestAction() {
    return PetitionerAction.of("reReviewRequest", p -> reReviewable(p).appealDue());
  }

  private Opinion reviewable(PetitionRecord p) {
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
    return open(p, OpinionKind.HANDLING, "复查", "信访处理意见书", "第三十五条");
  }

  private Opinion reReviewable(PetitionRecord p) {
    switch (p.status()) {
      case TERMINATED -> throw new ConflictException("本事项已经复核终结，不能再请求复核（《信访工作条例》第三十六条）");
      case IN_RE_REVIEW -> throw new ConflictException("已经请求复核，复核机关正在办理");
      default -> {}
    }
    requirePetitionRoute(p, "复核");
    if (p.status() != PetitionStatus.REVIEWED && p.status() != PetitionStatus.CLOSED) {
      throw new ConflictException("尚未作出复查意见，不能请求复核：对处理意见不服的，应先请求复查");
    }
    return open(p, OpinionKind.REVIEW, "复核", "复查意见书", "第三十六条");
  }

  private static void requirePetitionRoute(PetitionRecord p, String what) {
    if (p.route() != null && !p.route().appealable()) {
      throw new ConflictException(
          "本事项不适用" + what + "：只有依照信访程序办理的申诉求决类事项可以请求" + what + "（《信访工作条例》第三十一条、第三十五条）");
    }
  }

  /** The latest opinion of that kind, if it can still be appealed against. */
  private Opinion open(
      PetitionRecord p, OpinionKind kind, String what, String document, String article) {
    Opinion opinion =
        opinions
            .latest(p.id(), kind)
            .orElseThrow(() -> new ConflictException("尚未出具" + document + "，暂不能请求" + what));
    if (opinions.hasAppealRequest(opinion.id())) {
      throw new ConflictException("已经对该" + document + "请求过" + what);
    }
    if (opinion.appealDue() == null || OffsetDateTime.now(clock).isAfter(opinion.appealDue())) {
      throw new ConflictException(closed(what, document, article, opinion));
    }
    return opinion;
  }

  private PetitionRecord request(
      String queryCode, String reason, Request request, Function<PetitionRecord, Opinion> allowed) {
    return transaction.execute(
        tx -> {
          PetitionRecord p = cases.lock(queryCode);
          Opinion opinion = allowed.apply(p);
          OffsetDateTime now = OffsetDateTime.now(clock);
          opinions.insertAppealRequest(opinion.id(), opinion.kind(), reason, now);
          try {
            runtimeService
                .createMessageCorrelation(request.message)
                .processInstanceId(p.processInstanceId())
                .setVariable(request.reasonVariable, reason)
                .setVariable(request.requestedAtVariable, Date.from(now.toInstant()))
                .correlateWithResult();
          } catch (MismatchingMessageCorrelationException e) {
            // the process no longer waits for it: the window's timer has just closed it
            throw new ConflictException(request.label + "的期限已经届满");
          }
          return store.get(p.caseNumber());
        });
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
