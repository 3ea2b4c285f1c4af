package cn.xinfang.notice;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.ProcessCase;
import cn.xinfang.triage.StatutoryRoute;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues a written notice (告知书) to the petitioner and moves the case to a new status. The model
 * names both as input parameters of the service task, so a designer can add a notice without Java;
 * the wording lives in {@code notices.properties}:
 *
 * <ul>
 *   <li>{@code noticeType}: the template, e.g. {@code TRANSFER_NOTICE};
 *   <li>{@code nextStatus} (optional): a status of the contract; one that ends the case clears its
 *       deadline;
 *   <li>{@code noticeDetail} (optional): a sentence the model computes, the template's {@code
 *       {detail}};
 *   <li>{@code noticeDate} (optional): a date the notice names, the template's {@code {date}}.
 * </ul>
 *
 * Besides those, a template may use {@code {caseNumber} {title} {receivedDay} {unit}
 * {statutoryRoute}}.
 */
@Component
public class IssueNoticeDelegate implements JavaDelegate {

  static final String NOTICE_TYPE = "noticeType";
  static final String NEXT_STATUS = "nextStatus";
  static final String NOTICE_DETAIL = "noticeDetail";
  static final String NOTICE_DATE = "noticeDate";

  private final PetitionStore store;
  private final Notices notices;
  private final ProcessCase cases;

  public IssueNoticeDelegate(PetitionStore store, Notices notices, ProcessCase cases) {
    this.store = store;
    this.notices = notices;
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String type = (String) execution.getVariableLocal(NOTICE_TYPE);
    PetitionRecord p = cases.of(execution);
    Map<String, Object> values = Notices.caseValues(p);
    values.put("statutoryRoute", statutoryRouteLabel(execution));
    values.put("detail", execution.getVariableLocal(NOTICE_DETAIL));
    values.put("date", Notices.day((Date) execution.getVariableLocal(NOTICE_DATE)));
    notices.issue(p.caseNumber(), type, values);
    Object next = execution.getVariableLocal(NEXT_STATUS);
    if (next != null) {
      store.moveTo(p.caseNumber(), PetitionStatus.valueOf((String) next));
    }
  }

  private static String statutoryRouteLabel(DelegateExecution execution) {
    Object route = execution.getVariable(Var.STATUTORY_ROUTE);
    return route == null ? "" : StatutoryRoute.valueOf((String) route).label();
  }
}
