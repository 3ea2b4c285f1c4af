package cn.xinfang.triage;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.Deadlines;
import cn.xinfang.casestore.CaseNumbers;
import cn.xinfang.engine.PetitionProcess.Clocks;
import cn.xinfang.engine.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completion of triagePetition: the six routing inputs of docs/domain.md, "Routing" must all be
 * present and valid, so that a typo never silently becomes the decision table's "otherwise" row. An
 * assignment (交办) sets the days for the unit's report ({@code feedbackDays}, default the
 * assignment-feedback clock); a unit chosen instead of the decision table's ({@code
 * handlingUnitOverride}, one of the form's units) needs a reason ({@code overrideReason}). A
 * petition merged into an open case ({@code mergeInto}, 并单) is not routed: only the case number's
 * form is checked here, the case itself by MergePetitionDelegate.
 */
@Component
public class ValidateTriageListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    // 并单: the petition joins an open case instead of being routed; MergePetitionDelegate checks
    // that case in the case store. The gateway 并单？ reads the variable, so it always exists.
    String mergeInto = in.optionalText(Var.MERGE_INTO, "并入的信访事项编号", 32);
    if (mergeInto != null && !CaseNumbers.isWellFormed(mergeInto)) {
      throw TaskInputs.invalid(Var.MERGE_INTO, "并入的信访事项编号格式不正确（应如 XF2026-00000042）：" + mergeInto);
    }
    task.setVariable(Var.MERGE_INTO, mergeInto);
    if (mergeInto != null) {
      return;
    }
    in.requireEnum(Var.NATURE, Nature.class, "信访事项性质");
    in.requireEnum(Var.STATUTORY_ROUTE, StatutoryRoute.class, "法定途径");
    in.requireBoolean(Var.LEGAL_PROCESS_CONCLUDED, "涉法涉诉事项是否已依法终结");
    in.requireBoolean(Var.REVIEW_CONCLUDED, "是否已经复核终结");
    in.requireBoolean(Var.ACCUSED_IS_OFFICIAL, "被检举控告人是否为党员或公职人员");
    in.requireBoolean(Var.WITHIN_JURISDICTION, "是否属于本级本系统职权范围");
    in.optionalText(Var.CATEGORY, "事项类别", 50);
    in.optionalText(Var.TRIAGE_COMMENT, "分流说明", 2000);
    // simpleProcedure and transferMode are optional: absent means the ordinary procedure and 转送
    if (task.getVariable(Var.SIMPLE_PROCEDURE) == null) {
      task.setVariable(Var.SIMPLE_PROCEDURE, false);
    }
    in.requireBoolean(Var.SIMPLE_PROCEDURE, "是否适用简易办理");
    if (task.getVariable(Var.TRANSFER_MODE) == null) {
      task.setVariable(Var.TRANSFER_MODE, TransferMode.TRANSFER.name());
    }
    TransferMode mode = in.requireEnum(Var.TRANSFER_MODE, TransferMode.class, "转送或交办");
    if (mode == TransferMode.ASSIGN) {
      // 交办: the bureau sets when the unit reports (default: the assignment-feedback clock)
      if (task.getVariable(Var.FEEDBACK_DAYS) == null) {
        task.setVariable(Var.FEEDBACK_DAYS, (long) deadlines.maxDays(Clocks.ASSIGNMENT_FEEDBACK));
      }
      in.requireWholeNumber(Var.FEEDBACK_DAYS, "办结报告期限（天）", 1, MAX_FEEDBACK_DAYS);
    } else if (task.getVariable(Var.FEEDBACK_DAYS) != null) {
      throw TaskInputs.invalid(Var.FEEDBACK_DAYS, "只有交办的信访事项才设定办结报告期限（feedbackDays）");
    }
    String override = in.optionalText(Var.HANDLING_UNIT_OVERRIDE, "改选承办单位", 64);
    if (override != null) {
      in.requireText(Var.OVERRIDE_REASON, "改选承办单位的理由", 500);
    }
  }

  /** 60 days of handling and the one extension of 30 (Art. 34): no report can be due later. */
  static final int MAX_FEEDBACK_DAYS = 90;

  private final Deadlines deadlines;

  public ValidateTriageListener(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  /** 建议意见类 / 检举控告类 / 申诉求决类 (Art. 29–31). */
  public enum Nature {
    SUGGESTION,
    ACCUSATION,
    CLAIM
  }

  /** 转送 (unit reports only if asked) or 交办 (fixed deadline and a required report, Art. 22(3)). */
  public enum TransferMode {
    TRANSFER,
    ASSIGN
  }
}
