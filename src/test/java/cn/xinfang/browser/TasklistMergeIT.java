package cn.xinfang.browser;

import static cn.xinfang.support.CaseDriver.ACCEPT;
import static cn.xinfang.support.CaseDriver.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.intake.IntakeService;
import cn.xinfang.intake.PersonRequest;
import cn.xinfang.intake.RegistrationRequest;
import cn.xinfang.intake.RegistrationValidator;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 相似及重复信访 and 并单 in Camunda Tasklist with headless Chromium ({@code
 * src/test/browser/tasklist-casefile-merge.mjs}): the bureau's clerk sees the open case on the same
 * matter in the 案卷 tab, not the confidential accusation, and merges the new petition into it; see
 * {@link BrowserScript} for what the script needs. The same from the triage form's 并单 field ({@code
 * src/test/browser/tasklist-triage-merge.mjs}).
 */
@ApplicationIT
class TasklistMergeIT {

  private static final List<String> SCREENSHOTS =
      List.of(
          "casefile-merge-1-panel.png",
          "casefile-merge-2-merged.png",
          "casefile-merge-failure.png");

  @LocalServerPort int port;

  @Autowired CaseDriver cases;
  @Autowired IntakeService intake;
  @Autowired RegistrationValidator validator;

  @BeforeEach
  void requireBrowserTooling() {
    BrowserScript.requireTooling();
  }

  private Case register(String name, String phone, String title) {
    RegistrationRequest request =
        new RegistrationRequest(
            null,
            "ONLINE",
            LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString(),
            new PersonRequest(name, null, phone, "深圳市宝安区新安街道 9 号"),
            1,
            "BAOAN",
            "URBAN_MANAGEMENT",
            title,
            title + "，请求有关部门处理。",
            null);
    return cases.existing(
        intake.register(validator.validate(request, null)).petition().caseNumber());
  }

  @Test
  void theBureauSeesTheOpenCaseOnTheSameMatterAndMergesTheNewPetitionIntoIt() throws Exception {
    // Given an open case on a market's noise in Bao'an, and an accusation with a similar title
    Case target = register("邓一", "13722220001", "宝安新安农贸市场凌晨卸货噪音扰民");
    cases.completeAs(
        "clerk1", target, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    cases.assertWaitingAt(target, ACCEPT);
    Case accusation = register("邓二", "13722220002", "举报宝安新安农贸市场管理人员收受卸货噪音好处");
    cases.completeAs(
        "clerk1",
        accusation,
        TRIAGE,
        Petitions.triage("ACCUSATION", "NONE", false, false, true, true));
    // When another petitioner petitions on the same noise
    Case petition = register("邓三", "13722220003", "宝安新安农贸市场凌晨卸货噪音严重扰民");

    // Then clerk1 sees the open case in the 案卷 tab and merges the petition into it
    BrowserScript.Outcome outcome =
        BrowserScript.named("tasklist-casefile-merge")
            .run(
                port,
                Map.of(
                    "CASE_NUMBER", petition.number(),
                    "TARGET", target.number(),
                    "HIDDEN", accusation.number()),
                SCREENSHOTS)
            .assertSucceeded();
    JsonNode result = outcome.result();
    assertThat(result.path("heading").asText()).startsWith("相似及重复信访");
    assertThat(result.path("target").asText()).contains("标题相似").contains("宝安区");
    assertThat(result.path("asked").asText())
        .contains("将本件 " + petition.number() + " 并入 " + target.number());
    assertThat(outcome.output()).doesNotContain("收受");

    PetitionRecord merged = cases.stored(petition);
    assertThat(merged.status()).isEqualTo(PetitionStatus.CLOSED);
    assertThat(merged.mergedInto()).isEqualTo(target.number());
    assertThat(cases.notice(petition, "MERGED_NOTICE").title()).isEqualTo("并案办理告知书");
    assertThat(BrowserScript.SCREENSHOTS.resolve("casefile-merge-1-panel.png")).isNotEmptyFile();
    assertThat(BrowserScript.SCREENSHOTS.resolve("casefile-merge-2-merged.png")).isNotEmptyFile();
  }

  @Test
  void theBureauMergesFromTheTriageFormWhoseRoutingFieldsGiveWay() throws Exception {
    Case target = register("邓四", "13722220004", "宝安西乡某小区垃圾站臭味扰民");
    cases.completeAs(
        "clerk1", target, TRIAGE, Petitions.triage("CLAIM", "NONE", false, false, false, true));
    Case petition = register("邓四", "13722220004", "宝安西乡某小区垃圾站臭味严重");

    BrowserScript.named("tasklist-triage-merge")
        .run(
            port,
            Map.of("CASE_NUMBER", petition.number(), "TARGET", target.number()),
            List.of("triage-merge-form.png", "triage-merge-failure.png"))
        .assertSucceeded();

    PetitionRecord merged = cases.stored(petition);
    assertThat(merged.status()).isEqualTo(PetitionStatus.CLOSED);
    assertThat(merged.mergedInto()).isEqualTo(target.number());
    assertThat(BrowserScript.SCREENSHOTS.resolve("triage-merge-form.png")).isNotEmptyFile();
  }
}
