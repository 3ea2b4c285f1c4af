package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.web.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A task accepts its form's inputs, of the kind each field holds, and nothing else. */
class FormInputsTest {

  static final String FORM =
      """
      {"components": [
        {"type": "textfield", "key": "caseNumber", "disabled": true},
        {"type": "text", "text": "说明"},
        {"type": "radio", "key": "acceptance", "values": [{"label": "受理", "value": "ACCEPT"},
                                                          {"label": "异议", "value": "OBJECT"}]},
        {"type": "textarea", "key": "objectionReason"},
        {"type": "group", "components": [
          {"type": "checkbox", "key": "urgent"},
          {"type": "number", "key": "days"},
          {"type": "datetime", "key": "heldOn"},
          {"type": "select", "key": "unit", "valuesKey": "units"}]},
        {"type": "checklist", "key": "tags", "values": [{"label": "甲", "value": "A"}, {"label": "乙", "value": "B"}]}
      ]}
      """;

  static FormInputs form() {
    return FormInputs.parse(new ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theInputsAreTheFieldsAPersonFillsIn() {
    assertThat(form().keys())
        .containsExactly(
            "acceptance", "objectionReason", "urgent", "days", "heldOn", "unit", "tags");
  }

  @Test
  void acceptsItsOwnInputsOfTheirKind() {
    Map<String, Object> values = new HashMap<>();
    values.put("acceptance", "OBJECT");
    values.put("objectionReason", Variables.stringValue("不属本单位职责"));
    values.put("urgent", true);
    values.put("days", 30L);
    values.put("heldOn", "2026-12-01");
    values.put("unit", "unit-housing");
    values.put("tags", SpinValues.jsonValue("[\"A\",\"B\"]").create());
    values.put("objectionReason", null);
    assertThatCode(() -> form().check(values, "任务")).doesNotThrowAnyException();
    assertThatCode(() -> form().check(Map.of("heldOn", new Date()), "任务"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource({"caseNumber", "replyApprovers", "registeredBy", "handlingUnit"})
  void refusesEveryOtherVariableNamingIt(String name) {
    assertThatThrownBy(() -> form().check(Map.of(name, "x"), "任务“承办单位受理”"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.field()).isEqualTo(name);
              assertThat(e.getMessage())
                  .startsWith("任务“承办单位受理”不接受变量 " + name)
                  .contains("acceptance");
            });
  }

  @Test
  void refusesObjectsJsonXmlFilesAndBytesWhateverTheField() {
    List<Object> values =
        List.of(
            Variables.serializedObjectValue("{\"url\":\"jdbc:h2:mem:x\"}")
                .objectTypeName("org.springframework.jdbc.datasource.DriverManagerDataSource")
                .serializationDataFormat("application/json")
                .create(),
            Variables.objectValue(new java.util.ArrayList<>(List.of("unit-housing"))).create(),
            SpinValues.jsonValue("{\"a\":1}").create(),
            SpinValues.xmlValue("<a/>").create(),
            Variables.fileValue("a.txt").file(new byte[] {1}).create(),
            Variables.byteArrayValue(new byte[] {1}),
            new java.util.ArrayList<>(List.of("unit-housing")));
    for (Object value : values) {
      assertThatThrownBy(() -> form().check(Map.of("objectionReason", value), "任务"))
          .as("%s", value)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("objectionReason"));
    }
    assertThatThrownBy(() -> form().check(Map.of("objectionReason", values.get(0)), "任务"))
        .hasMessageContaining("类型不允许");
  }

  @Test
  void triageTakesACaseNumberToMergeIntoAsTheServerWritesThem() throws IOException {
    FormInputs triage =
        FormInputs.parse(Files.newInputStream(Path.of("forms", "triage-petition.form")));
    triage.check(Map.of("mergeInto", "XF2026-00000042"), "信访事项分流");
    for (String forged : List.of("XF2026-42", "XF2026-00000042;--", "2026-00000042")) {
      assertThatThrownBy(() -> triage.check(Map.of("mergeInto", forged), "信访事项分流"))
          .as(forged)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("格式不正确（mergeInto）");
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "urgent | 'true' | 是/否",
        "days | '30' | 数字",
        "objectionReason | 30 | 文本",
        "acceptance | MAYBE | 取值无效"
      })
  void refusesAValueOfTheWrongKind(String name, String value, String message) {
    Object typed = name.equals("objectionReason") ? (Object) Integer.valueOf(value) : value;
    assertThatThrownBy(() -> form().check(Map.of(name, typed), "任务"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(name))
        .hasMessageContaining(message);
  }

  @Test
  void anExplicitYesOrNoTakesTheFormsTextAndTheContractsBooleanButNothingElse() {
    FormInputs choice =
        FormInputs.parse(
            new ByteArrayInputStream(
                """
                {"components": [{"type": "radio", "key": "agreed", "values": [
                  {"label": "同意", "value": "true"}, {"label": "不同意", "value": "false"}]}]}
                """
                    .getBytes(StandardCharsets.UTF_8)));
    for (Object value : new Object[] {true, false, "true", "false"}) {
      assertThatCode(() -> choice.check(Map.of("agreed", value), "任务"))
          .as("%s", value)
          .doesNotThrowAnyException();
    }
    for (Object value : new Object[] {"yes", 1L, "TRUE"}) {
      assertThatThrownBy(() -> choice.check(Map.of("agreed", value), "任务"))
          .as("%s", value)
          .isInstanceOf(InvalidInputException.class);
    }
    // a radio of other values takes no Boolean
    assertThatThrownBy(() -> form().check(Map.of("acceptance", true), "任务"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void aChecklistTakesAJsonListOfItsOptionsOnly() {
    assertThatThrownBy(
            () ->
                form().check(Map.of("tags", SpinValues.jsonValue("[\"A\",\"Z\"]").create()), "任务"))
        .hasMessageContaining("取值无效");
    assertThatThrownBy(
            () -> form().check(Map.of("tags", SpinValues.jsonValue("{\"A\":1}").create()), "任务"))
        .hasMessageContaining("列表");
    assertThatThrownBy(() -> form().check(Map.of("tags", "A"), "任务")).hasMessageContaining("类型不允许");
  }

  @Test
  void theFormsOwnRulesAreTheServersForAValueThatIsGiven() {
    FormInputs form =
        FormInputs.parse(
            new ByteArrayInputStream(
                """
        {"components": [
          {"type": "textarea", "key": "opinionText", "label": "处理意见", "validate": {"minLength": 10, "maxLength": 20}},
          {"type": "textfield", "key": "phone", "label": "联系电话", "validate": {"pattern": "^1[3-9]\\\\d{9}$"}},
          {"type": "number", "key": "extensionDays", "label": "延长天数", "validate": {"min": 1, "max": 30}}
        ]}
        """
                    .getBytes(StandardCharsets.UTF_8)));

    assertThatCode(
            () ->
                form.check(
                    Map.of(
                        "opinionText", "经调查核实，情况属实。", "phone", "13800138000", "extensionDays", 30L),
                    "任务"))
        .doesNotThrowAnyException();
    assertThatCode(() -> form.check(Map.of("opinionText", ""), "任务"))
        .as("an empty field is the listener's")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> form.check(Map.of("opinionText", "同意。"), "任务"))
        .hasMessage("处理意见至少应有 10 个字（opinionText）");
    assertThatThrownBy(() -> form.check(Map.of("opinionText", "经".repeat(21)), "任务"))
        .hasMessage("处理意见不能超过 20 个字（opinionText）");
    assertThatThrownBy(() -> form.check(Map.of("phone", "12345"), "任务"))
        .hasMessage("联系电话格式不正确（phone）");
    assertThatThrownBy(() -> form.check(Map.of("extensionDays", 31L), "任务"))
        .hasMessage("延长天数应在 1 至 30 之间（extensionDays）");
    assertThatThrownBy(() -> form.check(Map.of("extensionDays", 0.5), "任务"))
        .isInstanceOf(InvalidInputException.class);
  }

  /**
   * Approving a reply or an extension is a choice made on purpose: a required radio of "true" and
   * "false" with no default (an unticked checkbox meant "return"), that takes the contract's
   * Boolean too; the approval history on the form is shown, never taken.
   */
  @ParameterizedTest
  @CsvSource({"approve-reply, replyApproved", "approve-extension, extensionApproved"})
  void anApprovalIsAnExplicitRequiredChoiceWithNoDefault(String form, String key)
      throws IOException {
    Path file = Path.of("forms", form + ".form");
    FormInputs parsed = FormInputs.parse(Files.newInputStream(file));
    for (Object value : new Object[] {true, false, "true", "false"}) {
      assertThatCode(() -> parsed.check(Map.of(key, value), "任务"))
          .as("%s", value)
          .doesNotThrowAnyException();
    }
    for (Object value : new Object[] {"", "yes", 1L}) {
      assertThatThrownBy(() -> parsed.check(Map.of(key, value), "任务"))
          .as("%s", value)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(key));
    }
    com.fasterxml.jackson.databind.JsonNode field =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(file.toFile()).findParents("key").stream()
                .filter(c -> key.equals(c.path("key").asText()))
                .findFirst()
                .orElseThrow();
    assertThat(field.path("type").asText()).isEqualTo("radio");
    assertThat(field.has("defaultValue")).isFalse();
    assertThat(field.path("validate").path("required").asBoolean()).isTrue();
  }

  @Test
  void theApprovalHistoryOnTheFormIsNoInput() throws IOException {
    FormInputs parsed =
        FormInputs.parse(Files.newInputStream(Path.of("forms", "approve-reply.form")));
    assertThatThrownBy(() -> parsed.check(Map.of("approvalHistory", "第1稿 第1级：同意"), "任务“审批答复意见”"))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("approvalHistory"))
        .hasMessageContaining("不接受变量 approvalHistory");
  }

  /** The contract of domain model and forms: what each task of processes/petition.bpmn accepts. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "triage-petition | nature,transferMode,feedbackDays,statutoryRoute,category,legalProcessConcluded,"
            + "reviewConcluded,accusedIsOfficial,withinJurisdiction,simpleProcedure,triageComment,"
            + "handlingUnitOverride,overrideReason,mergeInto",
        "accept-petition | acceptance,objectionReason",
        "handle-petition | handlingAction,handlingOutcome,factsFound,opinionText,legalBasis,extensionDays,"
            + "extensionReason,conversionReason",
        "approve-reply | replyApproved,approvalComment",
        "approve-extension | extensionApproved,extensionComment",
        "mediate-petition | petitionerConsents,otherPartyConsents,mediationResult,mediationAgreement",
        "hold-hearing | hearingDate,hearingParticipants,hearingSummary",
        "review-petition | reviewOutcome,opinionText",
        "re-review-petition | reReviewAction,reReviewOutcome,opinionText,publishOpinion",
        "confirm-delivery | deliveredAt,deliveryMethod",
        "verify-objection | objectionAgreed,verificationComment",
        "report-completion | completionReport",
        "register-petition | channel,receivedAt,petitionerName,petitionerIdNumber,petitionerPhone,personCount,"
            + "petitionerAddress,district,category,title,content"
      })
  void eachFormAcceptsTheInputsOfItsTask(String form, String inputs) throws IOException {
    FormInputs parsed = FormInputs.parse(Files.newInputStream(Path.of("forms", form + ".form")));
    assertThat(parsed.keys()).containsExactlyInAnyOrder(inputs.split(","));
  }
}
