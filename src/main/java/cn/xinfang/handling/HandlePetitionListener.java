package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.HandlingOutcome;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.engine.TaskInputs;
import cn.xinfang.notice.Notices;
import cn.xinfang.triage.ValidateTriageListener.Nature;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * handlePetition. On creation the last round's choice of action is forgotten, so the form starts at
 * "作出处理意见". On completion the unit's answer is checked:
 *
 * <ul>
 *   <li>CONCLUDE (the default): {@code handlingOutcome} and {@code opinionText}, with the optional
 *       {@code factsFound} and {@code legalBasis}, go to the reply approval (三审);
 *   <li>EXTEND: once, before the deadline, not under the simple procedure, at most 30 days, with a
 *       reason (《信访工作条例》第三十四条);
 *   <li>MEDIATE: only for claims (申诉求决类, 第三十三条);
 *   <li>HEARING: a hearing for a major, complex or difficult case;
 *   <li>ORDINARY: a case on the simple procedure that does not suit it goes on under the ordinary
 *       one, with a reason.
 * </ul>
 */
@Component
public class HandlePetitionListener implements TaskListener {

  /** What the unit chose in one round; cleared when the task is created again. */
  static final List<String> ROUND_ANSWERS =
      List.of(
          Var.HANDLING_ACTION,
          Var.EXTENSION_DAYS,
          Var.EXTENSION_REASON,
          Var.EXTENSION_APPROVED,
          Var.EXTENSION_COMMENT,
          Var.MEDIATION_RESULT,
          Var.MEDIATION_AGREEMENT,
          Var.PETITIONER_CONSENTS,
          Var.OTHER_PARTY_CONSENTS,
          Var.HEARING_DATE,
          Var.HEARING_PARTICIPANTS,
          Var.HEARING_SUMMARY,
          Var.CONVERSION_REASON);

  static final int OPINION_MAX = 4000;

  private final Deadlines deadlines;
  private final ProcessCase cases;
  private final Clock clock;

  public HandlePetitionListener(Deadlines deadlines, ProcessCase cases, Clock clock) {
    this.deadlines = deadlines;
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      task.getExecution().removeVariables(ROUND_ANSWERS);
      return;
    }
    TaskInputs in = new TaskInputs(task);
    if (task.getVariable(Var.HANDLING_ACTION) == null) {
      task.setVariable(Var.HANDLING_ACTION, HandlingAction.CONCLUDE.name());
    }
    switch (in.requireEnum(Var.HANDLING_ACTION, HandlingAction.class, "办理方式")) {
      case CONCLUDE -> {
        in.requireEnum(Var.HANDLING_OUTCOME, HandlingOutcome.class, "处理结果");
        in.requireText(Var.OPINION_TEXT, "处理意见", OPINION_MAX);
        in.optionalText(Var.FACTS_FOUND, "调查核实情况", 2000);
        in.optionalText(Var.LEGAL_BASIS, "处理依据", 500);
      }
      case EXTEND -> checkExtension(task, in);
      case MEDIATE -> {
        if (!Nature.CLAIM.name().equals(task.getVariable(Var.NATURE))) {
          throw TaskInputs.invalid(Var.HANDLING_ACTION, "调解仅适用于申诉求决类信访事项（《信访工作条例》第三十三条）");
        }
      }
      case HEARING -> {
        // any case may be heard; the hearing itself is recorded in holdHearing
      }
      case ORDINARY -> {
        if (!CaseVariables.flag(task, Var.SIMPLE_PROCEDURE)) {
          throw TaskInputs.invalid(Var.HANDLING_ACTION, "本事项已按普通程序办理，无需转换");
        }
        in.requireText(Var.CONVERSION_REASON, "转为普通程序的理由", 500);
      }
    }
  }

  private void checkExtension(DelegateTask task, TaskInputs in) {
    if (CaseVariables.flag(task, Var.SIMPLE_PROCEDURE)) {
      throw TaskInputs.invalid(Var.HANDLING_ACTION, "简易办理的信访事项应在 10 个工作日内办结，不适用延期");
    }
    PetitionRecord p = cases.of(task);
    if (p.handlingExtended()) {
      throw TaskInputs.invalid(Var.HANDLING_ACTION, "办理期限已经延长过一次，不能再次延期（《信访工作条例》第三十四条）");
    }
    Date due = Date.from(p.handlingDue().toInstant());
    if (clock.instant().isAfter(due.toInstant())) {
      throw TaskInputs.invalid(Var.HANDLING_ACTION, "办理期限已于" + Notices.day(due) + "届满，延期须在期限届满前申请");
    }
    in.requireWholeNumber(Var.EXTENSION_DAYS, "延长天数", 1, deadlines.maxDays(Clocks.EXTENSION));
    in.requireText(Var.EXTENSION_REASON, "延期理由", 200);
  }

  /** What the unit does next with the case. */
  public enum HandlingAction {
    CONCLUDE,
    EXTEND,
    MEDIATE,
    HEARING,
    /** a case on the simple procedure goes on under the ordinary one */
    ORDINARY
  }
}
