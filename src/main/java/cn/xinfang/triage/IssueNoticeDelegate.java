package cn.xinfang.triage;

import static cn.xinfang.system.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issues a written notice (告知书) to the petitioner and moves the case to a new status. The model
 * names both as input parameters of the service task ({@code noticeType}, {@code nextStatus}, and
 * optionally {@code noticeDetail}, argument {5} of the template), so a
 * designer can add a notice without Java; the wording lives in {@code notices.properties}.
 * Statuses that end the case clear the current deadline.
 */
@Component
public class IssueNoticeDelegate implements JavaDelegate {

  static final String NOTICE_TYPE = "noticeType";
  static final String NEXT_STATUS = "nextStatus";
  /** optional: a sentence the model computes for this notice, e.g. which ground applies */
  static final String NOTICE_DETAIL = "noticeDetail";

  private final PetitionStore store;
  private final MessageSource messages;

  public IssueNoticeDelegate(PetitionStore store, MessageSource messages) {
    this.store = store;
    this.messages = messages;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = (String) execution.getVariableLocal(NOTICE_TYPE);
    PetitionStatus next = PetitionStatus.valueOf((String) execution.getVariableLocal(NEXT_STATUS));
    PetitionRecord p = store.get(CaseVariables.caseNumber(execution));
    Object[] args = {
        p.caseNumber(),
        p.title(),
        StatutoryCalendar.chineseDay(p.receivedAt().toInstant()),
        statutoryRouteLabel(execution),
        p.handlingUnitName() == null ? "" : p.handlingUnitName(),
        execution.hasVariableLocal(NOTICE_DETAIL) ? execution.getVariableLocal(NOTICE_DETAIL) : "",
    };
    store.addNotice(p.caseNumber(), type, text("notice." + type + ".title", args), text("notice." + type + ".body", args));
    store.addMilestone(p.caseNumber(), type, true, text("notice." + type + ".milestone", args), null);
    store.updateStatus(p.caseNumber(), next);
    if (next == PetitionStatus.CLOSED || next == PetitionStatus.NOT_ACCEPTED || next == PetitionStatus.TERMINATED) {
      store.setDeadline(p.caseNumber(), null, null);
    }
  }

  private static String statutoryRouteLabel(DelegateExecution execution) {
    Object route = execution.getVariable(Var.STATUTORY_ROUTE);
    return route == null ? "" : StatutoryRoute.valueOf((String) route).label();
  }

  private String text(String key, Object[] args) {
    return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
  }
}
