package cn.xinfang.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.notice.NoticeTemplates.NoticeTemplateException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An administrator changes the wording of a notice without rebuilding the jar, and a mistake stops
 * the start.
 */
class NoticeTemplatesTest {

  @TempDir Path folder;

  @Test
  void withoutAFolderThePackagedWordingIsUsed() {
    assertThat(new NoticeTemplates("").get("notice.TRANSFER_NOTICE.title")).isEqualTo("转送告知书");
  }

  @Test
  void theAdministratorsTemplatesReplaceThePackagedOnesOfTheSameKey() throws IOException {
    write(
        "notice.TRANSFER_NOTICE.title=转送（交办）告知书\n"
            + "notice.TRANSFER_NOTICE.body=编号 {caseNumber} 的信访事项已转送{unit}。\n");

    NoticeTemplates templates = new NoticeTemplates(folder.toString());

    assertThat(templates.get("notice.TRANSFER_NOTICE.title")).isEqualTo("转送（交办）告知书");
    assertThat(templates.get("notice.TRANSFER_NOTICE.body"))
        .isEqualTo("编号 {caseNumber} 的信访事项已转送{unit}。");
    assertThat(templates.get("notice.ACCEPTANCE_NOTICE.title"))
        .as("the rest as packaged")
        .isEqualTo("受理告知书");
    Notices notices = new Notices(templates, null, null, null, null);
    assertThat(notices.render("TRANSFER_NOTICE", "body", NoticesTest.allValues()))
        .isEqualTo("编号 <caseNumber> 的信访事项已转送<unit>。");
  }

  @Test
  void aFolderWithoutTheFileChangesNothing() {
    assertThat(new NoticeTemplates(folder.toString()).get("notice.TRANSFER_NOTICE.title"))
        .isEqualTo("转送告知书");
  }

  @Test
  void aKeyThePackagedFileDoesNotHaveStopsTheStart() throws IOException {
    write("notice.TRANSFER_NOTICE.titel=转送告知书\n");
    assertThatThrownBy(() -> new NoticeTemplates(folder.toString()))
        .isInstanceOf(NoticeTemplateException.class)
        .hasMessageContaining(folder.resolve("notices.properties").toString())
        .hasMessageContaining("notice.TRANSFER_NOTICE.titel")
        .hasMessageContaining("不是已有的模板名称");
  }

  @Test
  void aValueTheStepDoesNotProvideStopsTheStart() throws IOException {
    write("notice.TRANSFER_NOTICE.body=已转送{unit}，请于{appealDue}前……\n");
    assertThatThrownBy(() -> new NoticeTemplates(folder.toString()))
        .isInstanceOf(NoticeTemplateException.class)
        .hasMessageContaining("notice.TRANSFER_NOTICE.body")
        .hasMessageContaining("{appealDue}")
        .hasMessageContaining("caseNumber");
  }

  @Test
  void anOpinionTemplateWrittenBeforeAppealUntilStillNamesAppealDue() throws IOException {
    write("notice.HANDLING_OPINION.milestone=已出具处理意见书，可于{appealDue}前请求复查\n");

    assertThat(new NoticeTemplates(folder.toString()).get("notice.HANDLING_OPINION.milestone"))
        .isEqualTo("已出具处理意见书，可于{appealDue}前请求复查");
  }

  @Test
  void aMalformedFileOrAMissingFolderStopsTheStart() throws IOException {
    write("notice.TRANSFER_NOTICE.title=\\uZZZZ\n");
    assertThatThrownBy(() -> new NoticeTemplates(folder.toString()))
        .isInstanceOf(NoticeTemplateException.class)
        .hasMessageContaining("格式有误");
    assertThatThrownBy(() -> new NoticeTemplates(folder.resolve("nowhere").toString()))
        .isInstanceOf(NoticeTemplateException.class)
        .hasMessageContaining("不存在");
  }

  private void write(String text) throws IOException {
    Files.writeString(folder.resolve("notices.properties"), text, StandardCharsets.UTF_8);
  }
}
