package cn.xinfang.casestore;

/** 满意度评价 of a handling opinion; NOT_EVALUATED records a window that closed unanswered. */
public enum Satisfaction {
  SATISFIED("满意"),
  BASICALLY_SATISFIED("基本满意"),
  DISSATISFIED("不满意"),
  NOT_EVALUATED("未评价");

  private final String label;

  Satisfaction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
