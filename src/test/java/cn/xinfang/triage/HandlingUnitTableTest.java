package cn.xinfang.triage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.DecisionTableTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dmn/handling-unit.dmn: which group receives a transferred case (属地管理、分级负责，谁主管、谁负责). DISCIPLINE
 * and POLITICAL_LEGAL go to their own groups whatever the category; a known category goes to its
 * city bureau; otherwise the district's government office (code or Chinese name); otherwise the
 * city's general office. Plain engine from camunda.cfg.xml, no Spring.
 */
@Deployment(resources = "dmn/handling-unit.dmn")
class HandlingUnitTableTest extends DecisionTableTest {

  private static final String DECISION = "handling-unit";

  HandlingUnitTableTest() {
    super(DECISION);
  }

  @ParameterizedTest(name = "[{index}] rule {0}: route={1} category={2} district={3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      emptyValue = "",
      textBlock =
          """
      # rule | route           | category         | district  | handlingUnit
      # 1: DISCIPLINE, whatever the category and the district
        1    | DISCIPLINE      | null             | null      | discipline
        1    | DISCIPLINE      | HOUSING          | FUTIAN    | discipline
        1    | DISCIPLINE      | LABOUR           | 南山区     | discipline
      # 2: POLITICAL_LEGAL, whatever the category and the district
        2    | POLITICAL_LEGAL | null             | null      | political-legal
        2    | POLITICAL_LEGAL | HOUSING          | LUOHU     | political-legal
        2    | POLITICAL_LEGAL | ENVIRONMENT      | 宝安区     | political-legal
      # 3-6: a known category goes to its city bureau, before the district
        3    | PETITION        | HOUSING          | FUTIAN    | unit-housing
        3    | ENFORCEMENT     | HOUSING          | null      | unit-housing
        3    | SUGGESTION      | HOUSING          | 福田区     | unit-housing
        3    | null            | HOUSING          | OTHER     | unit-housing
        4    | PETITION        | LABOUR           | NANSHAN   | unit-hrss
        4    | ENFORCEMENT     | LABOUR           | 罗湖区     | unit-hrss
        5    | PETITION        | LAND             | BAOAN     | unit-planning
        5    | SUGGESTION      | LAND             | null      | unit-planning
        6    | PETITION        | ENVIRONMENT      | LONGGANG  | unit-environment
        6    | ENFORCEMENT     | ENVIRONMENT      | 龙岗区     | unit-environment
      # 7-11: no, an empty or an unknown category: the district government's office, by code or by Chinese name
        7    | PETITION        | null             | FUTIAN    | office-futian
        7    | PETITION        | EDUCATION        | 福田区     | office-futian
        7    | ENFORCEMENT     | ''               | FUTIAN    | office-futian
        8    | PETITION        | null             | LUOHU     | office-luohu
        8    | SUGGESTION      | HEALTH           | 罗湖区     | office-luohu
        9    | PETITION        | null             | NANSHAN   | office-nanshan
        9    | PETITION        | URBAN_MANAGEMENT | 南山区     | office-nanshan
        10   | PETITION        | null             | BAOAN     | office-baoan
        10   | ENFORCEMENT     | OTHER            | 宝安区     | office-baoan
        11   | PETITION        | null             | LONGGANG  | office-longgang
        11   | PETITION        | NO_SUCH_CATEGORY | 龙岗区     | office-longgang
      # 12: default: district unknown, missing or outside the city -> the city government's general office
        12   | PETITION        | null             | null      | office-city
        12   | PETITION        | null             | ''        | office-city
        12   | PETITION        | null             | OTHER     | office-city
        12   | PETITION        | EDUCATION        | 广州市天河区 | office-city
        12   | ENFORCEMENT     | NO_SUCH_CATEGORY | ATLANTIS  | office-city
        12   | null            | null             | null      | office-city
      """)
  void everyRuleAndTheDefault(
      int rule, String route, String category, String district, String expectedUnit) {
    // Given the route decided at triage and the case's category and district
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("route", route);
    inputs.put("category", category);
    inputs.put("district", district);

    // When the decision is evaluated
    DmnDecisionTableResult result = evaluate(inputs);

    // Then exactly one unit, decided by the expected rule
    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo(expectedUnit);
    assertThat(matchedRule()).startsWith(String.format("Rule_%02d_", rule));
  }

  /** "routing never fails": an empty set of inputs still names a unit. */
  @Test
  void aDecisionWithoutAnyInputStillNamesAUnit() {
    DmnDecisionTableResult result = evaluate(new HashMap<>());
    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo("office-city");
  }
}
