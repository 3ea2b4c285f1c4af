package cn.xinfang.casestore;

/**
 * Which stage an opinion ends: handling (Art. 32), review (复查, Art. 35) or re-review (复核, Art. 36).
 */
public enum OpinionKind {
  HANDLING("处理意见"),
  REVIEW("复查意见"),
  RE_REVIEW("复核意见");

  private final String label;

  OpinionKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
