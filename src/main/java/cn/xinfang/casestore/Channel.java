package cn.xinfang.casestore;

/** How a petition reached the bureau (docs/domain.md, "The contract"). */
public enum Channel {
  ONLINE("网上信访"),
  LETTER("来信"),
  VISIT("来访"),
  PHONE("来电"),
  FAX("传真");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
