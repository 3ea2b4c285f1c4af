package cn.xinfang.casestore;

/** Outputs of the petition-routing decision (docs/domain.md, "Routing"). */
public enum Route {
  NOT_REACCEPTED("不再受理"),
  REFER_OUT("告知向有权机关提出"),
  DISCIPLINE("转纪检监察机关"),
  POLITICAL_LEGAL("诉访分离，转政法机关"),
  LEGAL_CHANNEL("导入法定途径"),
  ENFORCEMENT("依法履职或答复"),
  SUGGESTION("建议意见，研究答复"),
  PETITION("信访程序办理");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * Whether the opinion on this route can be reviewed and re-reviewed: only the petition procedure
   * proper (《信访工作条例》第三十一条第六项, 第三十五条); a suggestion is answered, an enforcement request is performed
   * or answered and then taken to 行政复议 or 诉讼, not to review. The one home of this rule: the
   * delivery of an opinion (and so the model's gateway 可请求复查？) and the petitioner's requests both
   * ask here.
   */
  public boolean appealable() {
    return this == PETITION;
  }

  /** Routes on which a handling unit receives the case (acceptPetition). */
  public boolean goesToHandlingUnit() {
    return this == PETITION || this == ENFORCEMENT || this == SUGGESTION;
  }
}
