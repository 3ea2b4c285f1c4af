package cn.xinfang.supervision;

import cn.xinfang.engine.PetitionProcess;
import java.util.List;

/**
 * Names shared by processes/supervision.bpmn, its forms, the code and the tests (docs/domain.md,
 * "Supervision"). Task keys and completing variables are part of the contract: never rename them.
 */
public final class SupervisionProcess {

  public static final String PROCESS_KEY = PetitionProcess.SUPERVISION_PROCESS_KEY;

  /** 督查督办: a supervisor decides what to do about a late task */
  public static final String TASK_SUPERVISE = "superviseCase";

  /** 答复督办函: the late group answers a supervision letter */
  public static final String TASK_ANSWER = "answerSupervision";

  /** 领导督办: the leaders instruct when a letter's answer is late */
  public static final String TASK_LEADER = "leaderSupervision";

  /** 答复三项建议: the unit answers a recommendation */
  public static final String TASK_ANSWER_RECOMMENDATION = "answerRecommendation";

  /** 回访核查: a supervisor verifies a DISSATISFIED evaluation */
  public static final String TASK_VERIFY_DISSATISFACTION = "verifyDissatisfaction";

  public static final List<String> TASKS =
      List.of(
          TASK_SUPERVISE,
          TASK_ANSWER,
          TASK_LEADER,
          TASK_ANSWER_RECOMMENDATION,
          TASK_VERIFY_DISSATISFACTION);

  /** started by the bureau or a supervisor by hand */
  public static final String MESSAGE_MANUAL = "ManualSupervision";

  /** started by a DISSATISFIED evaluation */
  public static final String MESSAGE_DISSATISFIED = "DissatisfiedEvaluation";

  /** the late task was done before anyone supervised it: superviseCase is withdrawn */
  public static final String MESSAGE_TASK_ENDED = "WatchedTaskEnded";

  /** Variables of the process. */
  public static final class Var {
    /** the case-store row the process carries out, read once by the start listener to link them */
    public static final String SUPERVISION_ID = "supervisionId";

    public static final String ACTION = "supervisionAction";
    public static final String COMMENT = "supervisionComment";
    public static final String REPLY_DAYS = "replyDays";
    public static final String LEADER_OWNER = "leaderOwner";
    public static final String RECOMMENDATION_TYPE = "recommendationType";
    public static final String RECOMMENDATION_TEXT = "recommendationText";
    public static final String ANSWER = "supervisionAnswer";
    public static final String RECOMMENDATION_ANSWER = "recommendationAnswer";
    public static final String LEADER_INSTRUCTION = "leaderInstruction";
    public static final String FINDING = "dissatisfactionFinding";

    // display-only, set on the tasks from the case store
    public static final String CASE_NUMBER = "caseNumber";
    public static final String TITLE = "title";
    public static final String LATE_TASK = "lateTask";
    public static final String LATE_GROUPS = "lateGroups";
    public static final String LATE_DUE = "lateDue";
    public static final String DAYS_LATE = "daysLate";
    public static final String LEADERS = "leaderChoices";
    public static final String SUPERVISION_TEXT = "supervisionText";

    private Var() {}
  }

  /** supervisionAction (docs/domain.md, "Supervision") */
  public enum Action {
    /** 催办: the late group is reminded */
    REMIND,
    /** 督办函: the late group answers within replyDays working days */
    LETTER,
    /** 领导包案: a leader follows the case and signs its reply last */
    LEADER,
    /** 三项建议: the unit answers within 30 days */
    RECOMMEND,
    NONE
  }

  /** recommendationType (三项建议) */
  public enum Recommendation {
    IMPROVE_WORK("改进工作建议"),
    IMPROVE_POLICY("完善政策建议"),
    ACCOUNTABILITY("追究责任建议");

    private final String label;

    Recommendation(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** dissatisfactionFinding (回访核查) */
  public enum Finding {
    /** the handling was proper: the petitioner is guided to a review */
    PROPER,
    /** the handling was not: the bureau supervises the unit */
    IMPROPER
  }

  /** where a supervision came from (supervision.origin) */
  public enum Origin {
    OVERDUE,
    MANUAL,
    DISSATISFIED
  }

  private SupervisionProcess() {}
}
