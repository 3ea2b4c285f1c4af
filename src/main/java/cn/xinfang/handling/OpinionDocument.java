package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.engine.CaseVariables;
import cn.xinfang.handling.OpinionDelivery.Delivery;
import cn.xinfang.handling.OpinionDelivery.Windows;
import cn.xinfang.notice.Notices;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The values an opinion's template in notices.properties fills in: the petitioner and their
 * request, the findings, the opinion and its outcome, the legal basis, who issues it, the levels of
 * review, the day of issue and the last day to appeal (the parts Art. 32 and 35 ask an opinion to
 * name): {@code appealDue} the day alone, {@code appealUntil} "（截至…）"; both empty when the window
 * opens only with the petitioner's receipt (a letter, a visit, a call), whose day is not known yet.
 */
@Component
class OpinionDocument {

  /** How much of the petition the opinion quotes as the petitioner's request. */
  static final int REQUEST_QUOTE = 300;

  private final PetitionStore store;

  OpinionDocument(PetitionStore store) {
    this.store = store;
  }

  Map<String, Object> values(
      DelegateExecution ex,
      PetitionRecord p,
      Delivery d,
      String text,
      OffsetDateTime now,
      Windows windows) {
    Map<String, Object> values = Notices.caseValues(p);
    values.put("petitioner", petitionerName(p));
    values.put("request", request(p));
    values.put("facts", orDefault(CaseVariables.text(ex, Var.FACTS_FOUND), "经调查核实，相关情况见处理意见。"));
    values.put("legalBasis", orDefault(CaseVariables.text(ex, Var.LEGAL_BASIS), "《信访工作条例》第三十二条"));
    values.put("opinionText", text);
    values.put("outcome", d.outcomeLabel());
    values.put("issuer", d.issuerName());
    values.put("handlingOpinion", orDefault(CaseVariables.text(ex, Var.HANDLING_OPINION), ""));
    values.put("reviewLevel", orDefault(CaseVariables.text(ex, Var.REVIEW_LEVEL_NAME), ""));
    values.put("reReviewLevel", orDefault(CaseVariables.text(ex, Var.RE_REVIEW_LEVEL_NAME), ""));
    values.put("deliveredDay", StatutoryCalendar.chineseDay(now.toInstant()));
    // known at issue for an online petitioner; counted from the day of receipt for the others
    String appealDue =
        windows.appealDue() == null
            ? ""
            : StatutoryCalendar.chineseDay(windows.appealDue().toInstant());
    values.put("appealDue", appealDue);
    values.put("appealUntil", appealDue.isEmpty() ? "" : "（截至" + appealDue + "）");
    return values;
  }

  private String petitionerName(PetitionRecord p) {
    List<Person> persons = store.persons(p.id());
    String name = persons.get(0).name();
    return p.personCount() > 1 ? name + "等 " + p.personCount() + " 人" : name;
  }

  private static String request(PetitionRecord p) {
    String content =
        p.content().length() <= REQUEST_QUOTE
            ? p.content()
            : p.content().substring(0, REQUEST_QUOTE) + "……";
    return "“" + p.title() + "”：" + content;
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
