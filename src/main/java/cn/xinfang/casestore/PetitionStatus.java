package cn.xinfang.casestore;

/**
 * Status values of the public contract (docs/domain.md, "The contract"), with the wording a
 * petitioner reads.
 */
public enum PetitionStatus {
  REGISTERED("已登记，待分流"),
  TRANSFERRED("已转送/交办，待承办单位受理"),
  ACCEPTED("已受理，办理中"),
  REPLIED("已答复"),
  IN_REVIEW("复查中"),
  REVIEWED("已复查"),
  IN_RE_REVIEW("复核中"),
  TERMINATED("已复核，终结"),
  CLOSED("已办结"),
  NOT_ACCEPTED("不予受理/不再受理");

  private final String label;

  PetitionStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The case's legal life is over: no current deadline any more. */
  public boolean isFinal() {
    return this == CLOSED || this == NOT_ACCEPTED || this == TERMINATED;
  }
}
