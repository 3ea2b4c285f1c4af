package cn.xinfang.casestore;

/**
 * How an opinion reached the petitioner (送达方式). An online petitioner receives it in the portal when
 * it is issued; for a letter, visit, call or fax the unit records the day and the method, and the
 * petitioner's windows start then (Art. 35, 36: 自收到之日起).
 */
public enum DeliveryMethod {
  DIRECT("直接送达"),
  POST("邮寄送达"),
  ELECTRONIC("电子送达"),
  ONLINE("网上送达");

  private final String label;

  DeliveryMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
