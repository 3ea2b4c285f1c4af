package cn.xinfang.handling;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess.Var;
import cn.xinfang.support.DecisionTableTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dmn/reply-approval.dmn: the approval chain (三审) of a reply, hit policy COLLECT in rule order. The
 * unit's own head first (the output is the case's handlingUnit + "-head", never the drafting unit's
 * own group), the bureau for opinions that do not support the petitioner or answer a group
 * petition, the leader last. Plain engine, no Spring.
 */
@Deployment(resources = "dmn/reply-approval.dmn")
class ReplyApprovalTableTest extends DecisionTableTest {

  ReplyApprovalTableTest() {
    super("reply-approval");
  }

  @ParameterizedTest(name = "[{index}] {0}, group={1}, unit {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # outcome           | group | handlingUnit   | chain                              | rules
        SUPPORTED           | false | unit-housing   | unit-housing-head,leaders          | 1,4
        PARTIALLY_SUPPORTED | false | office-futian  | office-futian-head,leaders         | 1,4
        NOT_SUPPORTED       | false | unit-hrss      | unit-hrss-head,bureau,leaders      | 1,2,4
        SUPPORTED           | true  | unit-housing   | unit-housing-head,bureau,leaders   | 1,3,4
        PARTIALLY_SUPPORTED | true  | unit-planning  | unit-planning-head,bureau,leaders  | 1,3,4
        NOT_SUPPORTED       | true  | office-city    | office-city-head,bureau,leaders    | 1,2,4
      """)
  void theChainHasOneLevelPerMatchingRuleInOrder(
      String outcome, boolean group, String unit, String chain, String rules) {
    // Given the outcome of the draft, whether it answers a group petition, and the unit that
    // drafted it
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(Var.HANDLING_OUTCOME, outcome);
    inputs.put("groupPetition", group);
    inputs.put("handlingUnit", unit);

    // When the chain is decided
    DmnDecisionTableResult result = evaluate(inputs);

    // Then the approving groups come in the table's order, and never the bureau twice
    List<Object> groups = result.collectEntries("approverGroup");
    assertThat(groups).containsExactly((Object[]) chain.split(","));
    assertThat(matchedRules())
        .extracting(id -> id.substring("Rule_".length(), "Rule_".length() + 1))
        .containsExactlyElementsOf(Arrays.asList(rules.split(",")));
  }
}
