package cn.xinfang.casestore;

/** Outcome of a review or re-review: 维持, 变更 or 撤销重办 (Art. 35, 36). */
public enum AppealOutcome {
  UPHOLD("维持原处理意见"),
  CHANGE("变更原处理意见"),
  REDO("撤销原处理意见，责成重新办理");

  private final String label;

  AppealOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
