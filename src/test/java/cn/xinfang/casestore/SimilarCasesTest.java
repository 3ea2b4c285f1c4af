package cn.xinfang.casestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The portable title comparison of {@link SimilarCases} (H2; PostgreSQL uses pg_trgm): the Dice
 * coefficient of the titles' character pairs, worked out by hand.
 */
class SimilarCasesTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    // the same text, whatever the punctuation, spacing and case
    "小区电梯故障, 小区电梯故障, 1.0",
    "'小区 电梯，故障！', 小区电梯故障, 1.0",
    "Lift Broken, lift broken, 1.0",
    // 小区 区电 电梯 梯故 故障 against 小区 区电 电梯 梯长 长期 期故 故障: 4 in common, 2×4/(5+7)
    "小区电梯故障, 小区电梯长期故障, 0.6667",
    // nothing in common
    "小区电梯故障, 拖欠工资, 0.0",
    // a text of one character is its own pair
    "水, 水, 1.0",
    // no letters or digits at all
    "'！？', 小区, 0.0"
  })
  void titlesAreComparedByTheirCharacterPairs(String a, String b, double expected) {
    assertThat(SimilarCases.bigramSimilarity(a, b)).isCloseTo(expected, within(0.0001));
    assertThat(SimilarCases.bigramSimilarity(b, a)).isCloseTo(expected, within(0.0001));
  }

  @ParameterizedTest(name = "{0} ~ {1} listed: {2}")
  @CsvSource({
    "龙城花园小区电梯故障长期无人维修, 龙城花园小区电梯长期故障无人维修, true",
    "龙城花园小区电梯故障长期无人维修, 某公司拖欠三个月工资, false",
    "宝安新安农贸市场凌晨卸货噪音严重扰民, 宝安新安农贸市场凌晨卸货噪音扰民, true"
  })
  void aTitleIsSimilarFromTheThreshold(String a, String b, boolean listed) {
    assertThat(SimilarCases.bigramSimilarity(a, b) >= SimilarCases.BIGRAM_MIN).isEqualTo(listed);
  }
}
