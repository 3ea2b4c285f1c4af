package cn.xinfang.casestore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "One matter" of a GROUP warning (docs/warnings.md). */
class WarningStoreTest {

  @Test
  void spacesPunctuationAndCaseMakeNoOtherMatter() {
    String matter = WarningStore.matterKey("BAOAN", "URBAN_MANAGEMENT", "某小区违建占道");
    assertThat(WarningStore.matterKey("BAOAN", "URBAN_MANAGEMENT", " 某小区 违建，占道！"))
        .isEqualTo(matter);
    assertThat(WarningStore.matterKey("BAOAN", "LABOUR", "ABC 公司欠薪"))
        .isEqualTo(WarningStore.matterKey("BAOAN", "LABOUR", "abc公司——欠薪。"));
  }

  @Test
  void anotherDistrictCategoryOrTitleIsAnotherMatter() {
    String matter = WarningStore.matterKey("BAOAN", "URBAN_MANAGEMENT", "某小区违建占道");
    assertThat(WarningStore.matterKey("LONGGANG", "URBAN_MANAGEMENT", "某小区违建占道"))
        .isNotEqualTo(matter);
    assertThat(WarningStore.matterKey("BAOAN", "HOUSING", "某小区违建占道")).isNotEqualTo(matter);
    assertThat(WarningStore.matterKey("BAOAN", null, "某小区违建占道")).isNotEqualTo(matter);
    assertThat(WarningStore.matterKey("BAOAN", "URBAN_MANAGEMENT", "另一小区违建占道"))
        .isNotEqualTo(matter);
  }

  @Test
  void aMatterKeyFitsItsColumnAndItsDigestADedupKey() {
    String key = WarningStore.matterKey("BAOAN", "OTHER", "长".repeat(400));
    assertThat(key).hasSize(300);
    assertThat(WarningStore.digest(key)).hasSize(32).isEqualTo(WarningStore.digest(key));
  }
}
