package cn.xinfang.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.casestore.PetitionStore.SmsNotice;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * notices.properties, rendered the way the application renders it: every template of every notice
 * only names values its delegate provides, and text written by people is never read as a template.
 */
class NoticesTest {

  /** The values IssueNoticeDelegate and DeliverOpinionDelegate provide (see Notices.caseValues). */
  static Map<String, Object> allValues() {
    Map<String, Object> values = new HashMap<>();
    for (String name :
        new String[] {
          "caseNumber",
          "title",
          "receivedDay",
          "unit",
          "statutoryRoute",
          "detail",
          "date",
          "petitioner",
          "request",
          "facts",
          "opinionText",
          "outcome",
          "legalBasis",
          "issuer",
          "handlingOpinion",
          "reviewLevel",
          "reReviewLevel",
          "deliveredDay",
          "appealDue",
          "appealUntil",
          "channel",
          // the supervision documents' (SupervisionActsDelegate)
          "lateTask",
          "lateGroups",
          "lateDue",
          "lateness",
          "comment",
          "answerDue",
          "replyDays",
          "recommendationType",
          "recommendationText",
          "addressee",
          "warningType",
          "warningDetail"
        }) {
      values.put(name, "<" + name + ">");
    }
    return values;
  }

  static Stream<String> types() throws IOException {
    Properties templates = new Properties();
    try (InputStream in = NoticesTest.class.getResourceAsStream("/notices.properties")) {
      templates.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Set<String> types = new TreeSet<>();
    for (String key : templates.stringPropertyNames()) {
      if (key.startsWith("notice.")) {
        types.add(key.substring("notice.".length(), key.lastIndexOf('.')));
      }
    }
    return types.stream();
  }

  private final Notices notices = new Notices(new NoticeTemplates(""), null, null, null, null);

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("types")
  void everyNoticeHasATitleABodyAndAMilestoneThatRenderFully(String type) {
    for (String part : new String[] {"title", "body", "milestone"}) {
      if (part.equals("milestone") && Notices.INTERNAL.contains(type)) {
        // addressed to staff: the public milestone is the supervision's own (已督办)
        continue;
      }
      String text = notices.render(type, part, allValues());
      assertThat(text).as("%s.%s", type, part).isNotBlank().doesNotContain("{").doesNotContain("}");
    }
    if (Notices.INTERNAL.contains(type)) {
      return;
    }
    assertThat(notices.render(type, "milestone", allValues()).length())
        .as("milestone fits the timeline")
        .isLessThan(200);
  }

  @Test
  void theOpinionNamesEveryPartTheLawAsksFor() {
    String body = notices.render("HANDLING_OPINION", "body", allValues());
    assertThat(body)
        .contains(
            "<request>",
            "<facts>",
            "<opinionText>",
            "<outcome>",
            "<legalBasis>",
            "<reviewLevel>",
            "<appealUntil>",
            "<issuer>",
            "<deliveredDay>",
            "第三十五条")
        .contains("\n");
  }

  @Test
  void theSmsNamesTheCaseAndTheNoticeButNothingOfItsContent() {
    String sms =
        notices.smsText(
            new SmsNotice(
                1,
                "XF2026-00000042",
                "DISCIPLINE_NOTICE",
                "转送纪检监察机关告知书",
                "13800000000",
                "ABCDEFGHJKMN",
                null));

    assertThat(sms)
        .contains("XF2026-00000042", "转送纪检监察机关告知书", "查询码")
        .doesNotContain("ABCDEFGHJKMN", "{", "}");
    assertThat(sms.length()).as("one SMS of 70 characters").isLessThanOrEqualTo(70);
  }

  @Test
  void theRegistrationSmsGivesTheQueryCodeInOneMessage() {
    String sms =
        notices.smsText(
            new SmsNotice(
                1,
                "XF2026-00000042",
                "REGISTRATION_RECEIPT",
                "信访事项登记回执",
                "13800000000",
                "ABCDEFGHJKMN",
                null));

    assertThat(sms).contains("XF2026-00000042", "ABCDEFGHJKMN").doesNotContain("{", "}");
    assertThat(sms.length()).as("one SMS of 70 characters").isLessThanOrEqualTo(70);
  }

  @Test
  void textWrittenByPeopleIsNotReadAsATemplate() {
    Map<String, Object> values = allValues();
    values.put("opinionText", "见附件 {caseNumber} 与 {unknown}");

    String body = notices.render("HANDLING_OPINION", "body", values);

    assertThat(body).contains("见附件 {caseNumber} 与 {unknown}");
  }

  @Test
  void aTemplateNamingAValueThatIsNotProvidedFailsLoudly() {
    Map<String, Object> values = allValues();
    values.remove("appealUntil");

    assertThatThrownBy(() -> notices.render("HANDLING_OPINION", "body", values))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("{appealUntil}");
  }
}
