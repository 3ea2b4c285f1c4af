package cn.xinfang.evaluation;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.CaseMetricStore;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.Evaluation;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.intake.PetitionerAction;
import cn.xinfang.intake.PetitionerCases;
import cn.xinfang.supervision.Supervisions;
import cn.xinfang.web.ConflictException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 满意度评价 ("结果网上评"): the petitioner rates the latest handling opinion once, within its window
 * (petition.deadlines.evaluation, default 30 days from delivery). When the window closes
 * unanswered, the process's timer records NOT_EVALUATED ({@link CloseEvaluationDelegate}); both
 * take the case's row lock, and the unique constraint on evaluation.opinion_id keeps one answer per
 * opinion.
 */
@Service
public class EvaluationService {

  private final PetitionerCases cases;
  private final PetitionStore store;
  private final OpinionStore opinions;
  private final TransactionTemplate transaction;
  private final Supervisions supervisions;
  private final Clock clock;
  private final CaseMetricStore metrics;

  public EvaluationService(
      PetitionerCases cases,
      PetitionStore store,
      OpinionStore opinions,
      TransactionTemplate transaction,
      Supervisions supervisions,
      Clock clock,
      CaseMetricStore metrics) {
    this.metrics = metrics;
    this.cases = cases;
    this.store = store;
    this.opinions = opinions;
    this.transaction = transaction;
    this.supervisions = supervisions;
    this.clock = clock;
  }

  /** For the petitioner's view: whether and until when the latest opinion may be evaluated. */
  @Bean
  PetitionerAction evaluationAction() {
    return PetitionerAction.of("evaluation", p -> evaluable(p).evaluationDue());
  }

  /** The petitioner rates online, with the query code. */
  public Evaluation evaluate(String queryCode, Satisfaction satisfaction, String comment) {
    return transaction.execute(
        tx -> record(cases.lock(queryCode), satisfaction, comment, Channel.ONLINE, null));
  }

  /**
   * The bureau's follow-up (回访) of a petitioner who does not use the internet: the answer they gave
   * by phone, in person or by letter, entered by {@code clerk}; the same window and the same
   * once-per-opinion rule as online.
   */
  public Evaluation recordFollowUp(
      String caseNumber, Satisfaction satisfaction, String comment, Channel channel, String clerk) {
    return transaction.execute(
        tx -> record(store.lock(caseNumber), satisfaction, comment, channel, clerk));
  }

  private Evaluation record(
      PetitionRecord p, Satisfaction satisfaction, String comment, Channel channel, String clerk) {
    Opinion opinion = evaluable(p);
    opinions.insertEvaluation(opinion.id(), satisfaction, comment, channel.name(), clerk);
    metrics.evaluated(opinion.id(), satisfaction, OffsetDateTime.now(clock));
    store.addMilestone(
        p.caseNumber(),
        MilestoneType.EVALUATED,
        true,
        "信访人评价："
            + satisfaction.label()
            + (channel == Channel.ONLINE ? "" : "（" + FOLLOW_UP.get(channel) + "）"),
        comment);
    if (satisfaction == Satisfaction.DISSATISFIED) {
      // 回访核查: the supervisors verify how the case was handled
      supervisions.dissatisfied(p, clerk);
    }
    return opinions.evaluation(opinion.id()).orElseThrow();
  }

  /** How the bureau's follow-up reached the petitioner, as the timeline names it. */
  public static final Map<Channel, String> FOLLOW_UP =
      Map.of(Channel.PHONE, "电话回访", Channel.VISIT, "当面回访", Channel.LETTER, "信函回访");

  /** The opinion the petitioner may rate now, or why not. */
  private Opinion evaluable(PetitionRecord p) {
    Opinion opinion =
        opinions
            .latest(p.id(), OpinionKind.HANDLING)
            .orElseThrow(() -> new ConflictException("尚未出具处理意见，暂不能评价"));
    if (!opinion.received()) {
      throw new ConflictException("处理意见书尚未送达信访人：评价期限自收到之日起计算，承办单位确认送达后方可评价");
    }
    Optional<Evaluation> earlier = opinions.evaluation(opinion.id());
    if (earlier.isPresent() && earlier.get().result() != Satisfaction.NOT_EVALUATED) {
      throw new ConflictException(
          "已经对本次处理意见作出评价（" + earlier.get().result().label() + "），每份处理意见只能评价一次");
    }
    if (earlier.isPresent() || OffsetDateTime.now(clock).isAfter(opinion.evaluationDue())) {
      throw new ConflictException(
          "评价期限已于"
              + StatutoryCalendar.chineseDay(opinion.evaluationDue().toInstant())
              + "届满，本次处理意见已记为未评价");
    }
    return opinion;
  }
}
