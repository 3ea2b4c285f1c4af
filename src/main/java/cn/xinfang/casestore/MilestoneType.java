package cn.xinfang.casestore;

import java.util.List;

/**
 * The types of the steps of a case's timeline (table milestone, column type): the platform's own
 * below, the models' (input parameter {@code milestoneType} of a 记录 step, checked against this list
 * by ModelContractTest), and every notice, whose type is its template's (TRANSFER_NOTICE …).
 */
public final class MilestoneType {

  public static final String REGISTERED = "REGISTERED";
  public static final String TRIAGED = "TRIAGED";
  public static final String TRANSFERRED = "TRANSFERRED";
  public static final String OBJECTED = "OBJECTED";
  public static final String RETURNED_TO_TRIAGE = "RETURNED_TO_TRIAGE";

  /** the bureau verified an objection and did not agree: the unit must accept */
  public static final String OBJECTION_REFUSED = "OBJECTION_REFUSED";

  /** the clerk sent the case to another unit than the decision table proposed */
  public static final String UNIT_OVERRIDDEN = "UNIT_OVERRIDDEN";

  /** an assigned (交办) unit filed its report */
  public static final String COMPLETION_REPORTED = "COMPLETION_REPORTED";

  /** a case on the simple procedure moved to the ordinary one */
  public static final String PROCEDURE_CONVERTED = "PROCEDURE_CONVERTED";

  public static final String EXTENSION_APPROVED = "EXTENSION_APPROVED";
  public static final String HANDLING_RESTARTED = "HANDLING_RESTARTED";
  public static final String HEARING = "HEARING";
  public static final String HEARING_TIME_EXCLUDED = "HEARING_TIME_EXCLUDED";
  public static final String REPLY_APPROVED = "REPLY_APPROVED";
  public static final String REPLY_RETURNED = "REPLY_RETURNED";
  public static final String OPINION_PUBLISHED = "OPINION_PUBLISHED";

  /** an offline petitioner received an opinion: its windows run from that day */
  public static final String OPINION_RECEIVED = "OPINION_RECEIVED";

  public static final String EVALUATED = "EVALUATED";
  public static final String EVALUATION_EXPIRED = "EVALUATION_EXPIRED";
  public static final String REVIEW_REQUESTED = "REVIEW_REQUESTED";
  public static final String RE_REVIEW_REQUESTED = "RE_REVIEW_REQUESTED";

  /** 已督办: the bureau supervised the unit (public); a 督办函, 领导包案 or 三项建议 */
  public static final String SUPERVISED = "SUPERVISED";

  /** internal steps of supervision: a reminder, a unit's answer, a leader's instruction, 回访核查 */
  public static final String REMINDED = "REMINDED";

  public static final String SUPERVISION_ANSWERED = "SUPERVISION_ANSWERED";
  public static final String SUPERVISION_ESCALATED = "SUPERVISION_ESCALATED";
  public static final String DISSATISFACTION_VERIFIED = "DISSATISFACTION_VERIFIED";

  /**
   * 并单, on the case another petition was merged into (internal: that petition may be another
   * petitioner's); the merged petition's own public milestone is its notice's (MERGED_NOTICE)
   */
  public static final String MERGED_IN = "MERGED_IN";

  // written by the models (processes/petition.bpmn), not by Java
  public static final String EXTENSION_NOT_GRANTED = "EXTENSION_NOT_GRANTED";
  public static final String MEDIATION_FAILED = "MEDIATION_FAILED";
  public static final String REVIEW_WINDOW_PASSED = "REVIEW_WINDOW_PASSED";
  public static final String RE_REVIEW_WINDOW_PASSED = "RE_REVIEW_WINDOW_PASSED";

  /** The types the models may name. */
  public static final List<String> OF_MODELS =
      List.of(
          EXTENSION_NOT_GRANTED, MEDIATION_FAILED, REVIEW_WINDOW_PASSED, RE_REVIEW_WINDOW_PASSED);

  private MilestoneType() {}
}
