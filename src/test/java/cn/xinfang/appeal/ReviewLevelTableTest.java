package cn.xinfang.appeal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.DecisionTableTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dmn/review-level.dmn: who reviews (the next level above the handling unit, Art. 35) and who
 * re-reviews (the level above the reviewer, Art. 36). Hit policy FIRST; the last row makes sure the
 * decision always names a level. Plain engine, no Spring.
 */
@Deployment(resources = "dmn/review-level.dmn")
class ReviewLevelTableTest extends DecisionTableTest {

  ReviewLevelTableTest() {
    super("review-level");
  }

  @ParameterizedTest(name = "[{index}] rule {0}: {1} of {2} ({3}) -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock =
          """
      # rule | appealStage | handlingUnit     | reviewedBy        | level
        1    | REVIEW      | office-futian    | null              | review-municipal
        1    | REVIEW      | office-longgang  | null              | review-municipal
        2    | REVIEW      | office-city      | null              | review-provincial
        3    | REVIEW      | unit-housing     | null              | review-municipal
        3    | REVIEW      | unit-environment | null              | review-municipal
        3    | REVIEW      | null             | null              | review-municipal
        4    | RE_REVIEW   | office-city      | review-provincial | re-review-national
        5    | RE_REVIEW   | unit-housing     | review-municipal  | re-review-provincial
        5    | RE_REVIEW   | office-nanshan   | review-municipal  | re-review-provincial
        5    | RE_REVIEW   | office-nanshan   | null              | re-review-provincial
        6    | null        | unit-housing     | null              | review-municipal
        6    | UNKNOWN     | null             | null              | review-municipal
      """)
  void everyRuleAndTheDefault(
      int rule, String stage, String unit, String reviewedBy, String level) {
    // Given the stage, the unit whose opinion is appealed and, for a re-review, who reviewed
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("appealStage", stage);
    inputs.put("handlingUnit", unit);
    inputs.put("reviewedBy", reviewedBy);

    // When the level is decided
    DmnDecisionTableResult result = evaluate(inputs);

    // Then exactly one level, by the expected rule
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(level);
    assertThat(matchedRule()).startsWith("Rule_" + rule + "_");
  }
}
