package cn.xinfang.casestore;

/** Who added an attachment, and so through which way in (docs/api.md, "Attachments"). */
public enum AttachmentSource {
  /** the petitioner, with the query code (portal, public API) */
  PETITIONER("信访人"),
  /** the clerk who registered the case at the counter, before triage */
  REGISTRAR("登记人员"),
  /** the handling unit while the case is with it */
  HANDLING_UNIT("承办单位");

  private final String label;

  AttachmentSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
