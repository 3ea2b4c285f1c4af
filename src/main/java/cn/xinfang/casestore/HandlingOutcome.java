package cn.xinfang.casestore;

/**
 * Outcome of a handling opinion (《信访工作条例》第三十二条); for a suggestion the same values read as adopted,
 * partly adopted, not adopted with an explanation (第二十九条).
 */
public enum HandlingOutcome {
  SUPPORTED("支持", "采纳"),
  PARTIALLY_SUPPORTED("部分支持", "部分采纳"),
  NOT_SUPPORTED("不支持", "未予采纳并作说明");

  private final String label;
  private final String suggestionLabel;

  HandlingOutcome(String label, String suggestionLabel) {
    this.label = label;
    this.suggestionLabel = suggestionLabel;
  }

  /** The wording for the route: suggestions are adopted, claims supported. */
  public String label(Route route) {
    return route == Route.SUGGESTION ? suggestionLabel : label;
  }
}
