package cn.xinfang.supervision;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Supervision;
import cn.xinfang.casestore.SupervisionStore;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.supervision.SupervisionProcess.Action;
import cn.xinfang.supervision.SupervisionProcess.Recommendation;
import cn.xinfang.supervision.SupervisionProcess.Var;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * What a supervisor decides (docs/domain.md, "Supervision"), from superviseCase's form or from the
 * staff API, checked the same way: {@code supervisionAction} and always {@code supervisionComment};
 * for a letter {@code replyDays} (1–30 working days); for 领导包案 {@code leaderOwner}, a member of the
 * leaders' group; for 三项建议 {@code recommendationType} and {@code recommendationText}. The decision
 * is recorded on the supervision in the case store, with the answer's due date computed there:
 * nothing later reads it back from a variable.
 */
@Component
public class SupervisionDecisions {

  static final int MAX_REPLY_DAYS = 30;
  static final int TEXT = 2000;

  private final SupervisionStore store;
  private final Deadlines deadlines;
  private final IdentityService identity;
  private final Clock clock;

  public SupervisionDecisions(
      SupervisionStore store, Deadlines deadlines, IdentityService identity, Clock clock) {
    this.store = store;
    this.deadlines = deadlines;
    this.identity = identity;
    this.clock = clock;
  }

  /** Reads and checks a decision; answers it ready to record. */
  SupervisionStore.Decision read(Function<String, Object> values, String user, PetitionRecord c) {
    TaskInputs in = new TaskInputs(values);
    Action action = in.requireEnum(Var.ACTION, Action.class, "督办方式");
    String comment = in.requireText(Var.COMMENT, "督办意见", TEXT);
    Integer replyDays = null;
    OffsetDateTime answerDue = null;
    String leader = null;
    String type = null;
    String text = null;
    Date now = Date.from(clock.instant());
    switch (action) {
      case LETTER -> {
        replyDays =
            Math.toIntExact(in.requireWholeNumber(Var.REPLY_DAYS, "答复期限（工作日）", 1, MAX_REPLY_DAYS));
        answerDue = at(deadlines.extend(Clocks.SUPERVISION_ANSWER, now, replyDays));
      }
      case LEADER -> {
        leader = in.requireText(Var.LEADER_OWNER, "包案领导", 64);
        String chosen = leader;
        boolean isLeader =
            AsSystem.call(
                identity,
                () ->
                    identity
                            .createUserQuery()
                            .userId(chosen)
                            .memberOfGroup(PetitionProcess.Group.LEADERS)
                            .count()
                        > 0);
        if (!isLeader) {
          throw TaskInputs.invalid(
              Var.LEADER_OWNER, "包案领导（leaderOwner）应为分管领导组的成员：" + chosen + " 不是");
        }
      }
      case RECOMMEND -> {
        type = in.requireEnum(Var.RECOMMENDATION_TYPE, Recommendation.class, "建议类型").name();
        text = in.requireText(Var.RECOMMENDATION_TEXT, "建议内容", TEXT);
        answerDue = at(deadlines.dueDate(Clocks.RECOMMENDATION_ANSWER, now));
      }
      default -> {
        // REMIND and NONE need only the comment
      }
    }
    return new SupervisionStore.Decision(
        action.name(), comment, replyDays, answerDue, leader, type, text, user);
  }

  void record(Supervision s, SupervisionStore.Decision d) {
    if (s.action() != null) {
      throw new IllegalStateException("supervision " + s.id() + " is already decided");
    }
    store.decide(s, d);
  }

  private static OffsetDateTime at(Date date) {
    return date.toInstant().atOffset(ZoneOffset.UTC);
  }
}
