package cn.xinfang.casestore;

/** Outputs of the petition-routing decision (domain.md §4). */
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

  /** Routes on which a handling unit receives the case (acceptPetition). */
  public boolean goesToHandlingUnit() {
    return this == PETITION || this == ENFORCEMENT || this == SUGGESTION;
  }
}
