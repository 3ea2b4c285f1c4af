package cn.xinfang.casestore;

/** Who added an attachment, and so through which way in (docs/api.md, "Attachments"). */
public enum AttachmentSource {
  /** the petitioner, with the query code (portal, public API) */
  PETITIONER("信访人"),
  /** the clerk who registered the case at the counter, before triage */
  REGISTRAR("登记人员"),
  /** the handling unit while the case is with it */
  HANDLING_UNIT("承办单位"),
  /**
   * copied from a petition merged into this case at triage (并单; the case it came from is the
   * attachment's {@code mergedFrom}); never listed to this case's petitioner, who did not add it
   */
  MERGED("并单转入");

  private final String label;

  AttachmentSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
