package cn.xinfang.triage;

/** The statutory routes a clerk can name at triage (docs/domain.md, "Routing"; 《信访工作条例》第三十一条). */
public enum StatutoryRoute {
  NONE("无"),
  LITIGATION("诉讼"),
  PROCURATORATE("检察机关法律监督"),
  POLICE("公安机关"),
  ARBITRATION("仲裁"),
  PARTY_APPEAL("党员申诉、申请复审"),
  ADMINISTRATIVE("行政复议、行政裁决"),
  ENFORCEMENT("申请查处违法行为、履行法定职责");

  private final String label;

  StatutoryRoute(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
