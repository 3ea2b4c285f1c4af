package cn.xinfang.triage;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.DecisionTableTest;
import cn.xinfang.support.Petitions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision table dmn/petition-routing.dmn against the routing table of docs/domain.md,
 * "Routing" (first matching row wins). Plain engine from src/test/resources/camunda.cfg.xml, no
 * Spring: fast.
 *
 * <p>Every case names the §4 row it expects to decide it; the row is checked through the matched
 * rule recorded in the decision history, so a case that lands on the right route by accident
 * (through a later row) fails too.
 */
@Deployment(resources = "dmn/petition-routing.dmn")
class PetitionRoutingTableTest extends DecisionTableTest {

  private static final String DECISION = "petition-routing";
  private static final List<String> NATURES = List.of("SUGGESTION", "ACCUSATION", "CLAIM");
  private static final List<String> STATUTORY_ROUTES =
      List.of(
          "NONE",
          "LITIGATION",
          "PROCURATORATE",
          "POLICE",
          "ARBITRATION",
          "PARTY_APPEAL",
          "ADMINISTRATIVE",
          "ENFORCEMENT");

  PetitionRoutingTableTest() {
    super(DECISION);
  }

  @ParameterizedTest(
      name = "[{index}] row {0}: {1} {2} concluded={3} reviewed={4} official={5} within={6} -> {7}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # row | nature     | statutoryRoute | legalProcessConcluded | reviewConcluded | accusedIsOfficial | withinJurisdiction | route
      # 1: reviewConcluded -> NOT_REACCEPTED, before everything else
        1   | CLAIM      | NONE           | false | true  | false | true  | NOT_REACCEPTED
        1   | SUGGESTION | NONE           | false | true  | false | true  | NOT_REACCEPTED
        1   | ACCUSATION | LITIGATION     | false | true  | true  | false | NOT_REACCEPTED
        1   | CLAIM      | ARBITRATION    | true  | true  | false | false | NOT_REACCEPTED
      # 2: LITIGATION/PROCURATORATE/POLICE concluded by law -> NOT_REACCEPTED
        2   | CLAIM      | LITIGATION     | true  | false | false | true  | NOT_REACCEPTED
        2   | CLAIM      | PROCURATORATE  | true  | false | false | true  | NOT_REACCEPTED
        2   | CLAIM      | POLICE         | true  | false | false | true  | NOT_REACCEPTED
        2   | CLAIM      | LITIGATION     | true  | false | false | false | NOT_REACCEPTED
        2   | ACCUSATION | POLICE         | true  | false | true  | true  | NOT_REACCEPTED
        2   | SUGGESTION | PROCURATORATE  | true  | false | false | true  | NOT_REACCEPTED
      # 3: not withinJurisdiction -> REFER_OUT, before the nature and the statutory route
        3   | CLAIM      | NONE           | false | false | false | false | REFER_OUT
        3   | ACCUSATION | NONE           | false | false | true  | false | REFER_OUT
        3   | ACCUSATION | NONE           | false | false | false | false | REFER_OUT
        3   | SUGGESTION | NONE           | false | false | false | false | REFER_OUT
        3   | CLAIM      | LITIGATION     | false | false | false | false | REFER_OUT
        3   | CLAIM      | ARBITRATION    | true  | false | false | false | REFER_OUT
        3   | CLAIM      | ENFORCEMENT    | false | false | false | false | REFER_OUT
      # 4: accusation against a party member or public official -> DISCIPLINE
        4   | ACCUSATION | NONE           | false | false | true  | true  | DISCIPLINE
        4   | ACCUSATION | LITIGATION     | false | false | true  | true  | DISCIPLINE
        4   | ACCUSATION | ARBITRATION    | true  | false | true  | true  | DISCIPLINE
        4   | ACCUSATION | ENFORCEMENT    | false | false | true  | true  | DISCIPLINE
      # 5: other accusation -> ENFORCEMENT, before the statutory routes
        5   | ACCUSATION | NONE           | false | false | false | true  | ENFORCEMENT
        5   | ACCUSATION | LITIGATION     | false | false | false | true  | ENFORCEMENT
        5   | ACCUSATION | ADMINISTRATIVE | false | false | false | true  | ENFORCEMENT
      # 6: suggestion -> SUGGESTION, before the statutory routes; accusedIsOfficial means nothing here
        6   | SUGGESTION | NONE           | false | false | false | true  | SUGGESTION
        6   | SUGGESTION | LITIGATION     | false | false | false | true  | SUGGESTION
        6   | SUGGESTION | ARBITRATION    | false | false | false | true  | SUGGESTION
        6   | SUGGESTION | ENFORCEMENT    | false | false | false | true  | SUGGESTION
        6   | SUGGESTION | NONE           | false | false | true  | true  | SUGGESTION
      # 7: LITIGATION/PROCURATORATE/POLICE not concluded -> POLITICAL_LEGAL (诉访分离)
        7   | CLAIM      | LITIGATION     | false | false | false | true  | POLITICAL_LEGAL
        7   | CLAIM      | PROCURATORATE  | false | false | false | true  | POLITICAL_LEGAL
        7   | CLAIM      | POLICE         | false | false | false | true  | POLITICAL_LEGAL
        7   | CLAIM      | LITIGATION     | false | false | true  | true  | POLITICAL_LEGAL
      # 8: ARBITRATION/PARTY_APPEAL/ADMINISTRATIVE -> LEGAL_CHANNEL (legalProcessConcluded only counts for row 2)
        8   | CLAIM      | ARBITRATION    | false | false | false | true  | LEGAL_CHANNEL
        8   | CLAIM      | PARTY_APPEAL   | false | false | false | true  | LEGAL_CHANNEL
        8   | CLAIM      | ADMINISTRATIVE | false | false | false | true  | LEGAL_CHANNEL
        8   | CLAIM      | ARBITRATION    | true  | false | false | true  | LEGAL_CHANNEL
      # 9: statutoryRoute ENFORCEMENT -> ENFORCEMENT
        9   | CLAIM      | ENFORCEMENT    | false | false | false | true  | ENFORCEMENT
        9   | CLAIM      | ENFORCEMENT    | true  | false | false | true  | ENFORCEMENT
      # 10: otherwise -> PETITION
        10  | CLAIM      | NONE           | false | false | false | true  | PETITION
        10  | CLAIM      | NONE           | true  | false | false | true  | PETITION
        10  | CLAIM      | NONE           | false | false | true  | true  | PETITION
      """)
  void everyRowOfTheRoutingTableDecides(
      int row,
      String nature,
      String statutoryRoute,
      boolean legalProcessConcluded,
      boolean reviewConcluded,
      boolean accusedIsOfficial,
      boolean withinJurisdiction,
      String expectedRoute) {
    // Given the six routing inputs a clerk sets at triage
    Map<String, Object> inputs =
        Petitions.triage(
            nature,
            statutoryRoute,
            legalProcessConcluded,
            reviewConcluded,
            accusedIsOfficial,
            withinJurisdiction);

    // When the decision is evaluated
    DmnDecisionTableResult result = evaluate(inputs);

    // Then exactly one route comes out, the expected one, decided by the expected row
    assertThat(result).hasSize(1);
    String route = result.getSingleResult().getSingleEntry();
    assertThat(route).isEqualTo(expectedRoute);
    assertThat(matchedRule()).startsWith(String.format("Rule_%02d_", row));
  }

  /**
   * All 3 × 8 × 2⁴ = 384 combinations of valid inputs against §4 written out in Java, so no
   * combination falls through a gap or lands on another row than the table says.
   */
  @Test
  void everyCombinationOfValidInputsFollowsDomainSection4() {
    // the deployed table, evaluated by a bare DMN engine: 384 evaluations without writing history
    // each time
    DmnEngine dmnEngine =
        DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    String definitionId =
        engine()
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(DECISION)
            .singleResult()
            .getId();
    DmnDecision decision =
        dmnEngine.parseDecision(
            DECISION, engine().getRepositoryService().getDecisionModel(definitionId));
    List<String> mismatches = new ArrayList<>();
    int evaluated = 0;
    for (String nature : NATURES) {
      for (String statutoryRoute : STATUTORY_ROUTES) {
        for (int bits = 0; bits < 16; bits++) {
          boolean legalProcessConcluded = (bits & 1) != 0;
          boolean reviewConcluded = (bits & 2) != 0;
          boolean accusedIsOfficial = (bits & 4) != 0;
          boolean withinJurisdiction = (bits & 8) != 0;
          String expected =
              section4(
                  nature,
                  statutoryRoute,
                  legalProcessConcluded,
                  reviewConcluded,
                  accusedIsOfficial,
                  withinJurisdiction);
          DmnDecisionTableResult result =
              dmnEngine.evaluateDecisionTable(
                  decision,
                  Petitions.triage(
                      nature,
                      statutoryRoute,
                      legalProcessConcluded,
                      reviewConcluded,
                      accusedIsOfficial,
                      withinJurisdiction));
          String actual =
              result.size() == 1
                  ? result.getSingleResult().getSingleEntry()
                  : "results=" + result.size();
          evaluated++;
          if (!expected.equals(actual)) {
            mismatches.add(
                nature
                    + "/"
                    + statutoryRoute
                    + "/"
                    + legalProcessConcluded
                    + "/"
                    + reviewConcluded
                    + "/"
                    + accusedIsOfficial
                    + "/"
                    + withinJurisdiction
                    + ": expected "
                    + expected
                    + " but was "
                    + actual);
          }
        }
      }
    }
    assertThat(evaluated).isEqualTo(384);
    assertThat(mismatches).isEmpty();
  }

  /**
   * The table has a catch-all row: routing never fails, not even for inputs triage would refuse.
   */
  @Test
  void missingInputsFallToTheOtherwiseRowWhichIsWhyTriageValidatesThem() {
    DmnDecisionTableResult result = evaluate(new HashMap<>());
    assertThat(result.getSingleResult().<String>getSingleEntry()).isEqualTo("PETITION");
  }

  /** docs/domain.md, "Routing", row by row. */
  static String section4(
      String nature,
      String statutoryRoute,
      boolean legalProcessConcluded,
      boolean reviewConcluded,
      boolean accusedIsOfficial,
      boolean withinJurisdiction) {
    boolean politicalLegal =
        Set.of("LITIGATION", "PROCURATORATE", "POLICE").contains(statutoryRoute);
    if (reviewConcluded) {
      return "NOT_REACCEPTED";
    }
    if (politicalLegal && legalProcessConcluded) {
      return "NOT_REACCEPTED";
    }
    if (!withinJurisdiction) {
      return "REFER_OUT";
    }
    if ("ACCUSATION".equals(nature) && accusedIsOfficial) {
      return "DISCIPLINE";
    }
    if ("ACCUSATION".equals(nature)) {
      return "ENFORCEMENT";
    }
    if ("SUGGESTION".equals(nature)) {
      return "SUGGESTION";
    }
    if (politicalLegal) {
      return "POLITICAL_LEGAL";
    }
    if (Set.of("ARBITRATION", "PARTY_APPEAL", "ADMINISTRATIVE").contains(statutoryRoute)) {
      return "LEGAL_CHANNEL";
    }
    if ("ENFORCEMENT".equals(statutoryRoute)) {
      return "ENFORCEMENT";
    }
    return "PETITION";
  }
}
