package cn.xinfang.notice;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.PetitionStore.SmsNotice;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.intake.PersonRequest;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Written notices (告知书) and opinions (意见书) from the templates in {@code notices.properties} ({@link
 * NoticeTemplates}: packaged, or the administrator's in petition.notices.directory). A template
 * names its values in braces, {@code {caseNumber}}; the values are filled in one pass, so text a
 * petitioner or clerk wrote (which may itself contain braces) is never read as a template. A
 * template naming a value that does not exist is a mistake of the wording and fails loudly.
 */
@Component
public class Notices {

  private static final Pattern MOBILE = Pattern.compile(PersonRequest.MOBILE);

  /**
   * The documents addressed to staff (templates with a title and a body, no milestone): the
   * supervision letter (督办函), the recommendation (三项建议书) and the warning letter (预警提示函).
   */
  public static final Set<String> INTERNAL =
      Set.of("SUPERVISION_LETTER", "RECOMMENDATION_LETTER", "WARNING_LETTER");

  /** processes/notice-delivery.bpmn */
  public static final String DELIVERY_PROCESS = "noticeDelivery";

  private final NoticeTemplates templates;
  private final PetitionStore store;
  private final SmsGateway sms;
  private final RuntimeService runtime;
  private final IdentityService identity;

  public Notices(
      NoticeTemplates templates,
      PetitionStore store,
      SmsGateway sms,
      RuntimeService runtime,
      IdentityService identity) {
    this.templates = templates;
    this.store = store;
    this.sms = sms;
    this.runtime = runtime;
    this.identity = identity;
  }

  /**
   * The values every template may use: {@code caseNumber}, {@code title}, {@code receivedDay},
   * {@code channel} (来信, 来访 …) and {@code unit} (the handling unit's name; empty before transfer).
   */
  public static Map<String, Object> caseValues(PetitionRecord p) {
    Map<String, Object> values = new HashMap<>();
    values.put("caseNumber", p.caseNumber());
    values.put("title", p.title());
    values.put("receivedDay", StatutoryCalendar.chineseDay(p.receivedAt().toInstant()));
    values.put("unit", p.handlingUnitName());
    values.put("channel", p.channel().label());
    return values;
  }

  /** 2026年10月8日, or empty for no date. */
  public static String day(Date date) {
    return date == null ? "" : StatutoryCalendar.chineseDay(date.toInstant());
  }

  /**
   * Writes notice {@code type} to the case with its public milestone and, when an SMS gateway is
   * set and the petitioner gave a mobile number, starts its SMS delivery (in this transaction: the
   * delivery exists exactly when the notice does; the sending itself is an async continuation).
   */
  public void issue(String caseNumber, String type, Map<String, ?> values) {
    long noticeId =
        store.addNotice(
            caseNumber, type, render(type, "title", values), render(type, "body", values));
    store.addMilestone(caseNumber, type, true, render(type, "milestone", values), null);
    if (sms.enabled() && store.smsNotice(noticeId).map(n -> isMobile(n.phone())).orElse(false)) {
      AsSystem.run(
          identity,
          () ->
              runtime.startProcessInstanceByKey(
                  DELIVERY_PROCESS, caseNumber, Map.of(SendNoticeSmsDelegate.NOTICE_ID, noticeId)));
    }
  }

  /**
   * Writes document {@code type} addressed to staff (督办函, 三项建议书, 预警提示函) to the case: in the case
   * file, never in the petitioner's view, no milestone and no SMS. Answers its id.
   */
  public long issueInternal(String caseNumber, String type, Map<String, ?> values) {
    if (!INTERNAL.contains(type)) {
      throw new IllegalArgumentException(type + " is a notice to the petitioner, not to staff");
    }
    return store.addNotice(
        caseNumber, type, render(type, "title", values), render(type, "body", values), true);
  }

  /** The title of a notice of {@code type} for this case (信访处理意见书 …). */
  public String title(String type, PetitionRecord p) {
    return render(type, "title", caseValues(p));
  }

  /**
   * The SMS that announces a notice: the case number and the notice's title only; a notice type
   * with an SMS of its own (sms.&lt;type&gt;.text, the registration's) may name the query code too.
   */
  String smsText(SmsNotice notice) {
    String own = "sms." + notice.type() + ".text";
    return templates.has(own)
        ? fill(
            own,
            Map.of(
                "caseNumber", notice.caseNumber(),
                "noticeTitle", notice.title(),
                "queryCode", notice.queryCode()))
        : fill(
            "sms.text", Map.of("caseNumber", notice.caseNumber(), "noticeTitle", notice.title()));
  }

  private static boolean isMobile(String phone) {
    return phone != null && MOBILE.matcher(phone).matches();
  }

  String render(String type, String part, Map<String, ?> values) {
    return fill("notice." + type + "." + part, values);
  }

  private String fill(String key, Map<String, ?> values) {
    String template = templates.get(key);
    Matcher m = NoticeTemplates.PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      if (!values.containsKey(name)) {
        throw new IllegalStateException(
            "notices.properties: "
                + key
                + " names {"
                + name
                + "}, which this text "
                + "does not provide; it provides "
                + values.keySet());
      }
      Object value = values.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
