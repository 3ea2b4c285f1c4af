package cn.xinfang.engine;

import java.util.List;

/**
 * Names shared by processes/petition.bpmn, the DMN tables, the forms, the delegates, the tests and
 * bench/: the one home of the contract between the models and the code, checked against the models
 * by ModelContractTest. Task keys and variable names are part of the public contract
 * (docs/domain.md, "The contract"): never rename them.
 */
public final class PetitionProcess {

  public static final String PROCESS_KEY = "petition";

  /** processes/supervision.bpmn: 网上督, one instance per supervision of a case */
  public static final String SUPERVISION_PROCESS_KEY = "supervision";

  // user tasks of the main path: keys fixed by the public contract (docs/domain.md, "The contract")
  public static final String TASK_TRIAGE = "triagePetition";
  public static final String TASK_ACCEPT = "acceptPetition";
  public static final String TASK_HANDLE = "handlePetition";
  public static final String TASK_APPROVE_REPLY = "approveReply";
  public static final String TASK_REVIEW = "reviewPetition";
  public static final String TASK_RE_REVIEW = "reReviewPetition";
  public static final String TASK_CONFIRM_DELIVERY = "confirmDelivery";
  public static final String TASK_VERIFY_OBJECTION = "verifyObjection";

  // optional user tasks beside the main path
  public static final String TASK_APPROVE_EXTENSION = "approveExtension";
  public static final String TASK_MEDIATE = "mediatePetition";
  public static final String TASK_HOLD_HEARING = "holdHearing";
  public static final String TASK_HOLD_RE_REVIEW_HEARING = "holdReReviewHearing";
  public static final String TASK_REPORT_COMPLETION = "reportCompletion";

  /** Every user task of the process, for the contract test. */
  public static final List<String> TASKS =
      List.of(
          TASK_TRIAGE,
          TASK_ACCEPT,
          TASK_HANDLE,
          TASK_APPROVE_REPLY,
          TASK_REVIEW,
          TASK_RE_REVIEW,
          TASK_CONFIRM_DELIVERY,
          TASK_VERIFY_OBJECTION,
          TASK_APPROVE_EXTENSION,
          TASK_MEDIATE,
          TASK_HOLD_HEARING,
          TASK_HOLD_RE_REVIEW_HEARING,
          TASK_REPORT_COMPLETION);

  /**
   * The statutory clocks (docs/domain.md, "Time limits"): their lengths and ways of counting are
   * configuration (petition.deadlines.&lt;clock&gt;), the models name them in due-date expressions.
   */
  public static final class Clocks {
    public static final String TRIAGE = "triage";
    public static final String ACCEPTANCE = "acceptance";
    public static final String OBJECTION = "objection";

    /** the bureau verifies a unit's objection (核实同意) */
    public static final String OBJECTION_CHECK = "objection-check";

    /** the bureau triages again after agreeing to an objection */
    public static final String RE_TRIAGE = "re-triage";

    /** an assigned (交办) unit's report, unless the bureau sets its own days */
    public static final String ASSIGNMENT_FEEDBACK = "assignment-feedback";

    public static final String HANDLING = "handling";
    public static final String EXTENSION = "extension";
    public static final String SIMPLE_PROCEDURE = "simple-procedure";
    public static final String REVIEW_REQUEST = "review-request";
    public static final String REVIEW_DECISION = "review-decision";
    public static final String RE_REVIEW_REQUEST = "re-review-request";
    public static final String RE_REVIEW_DECISION = "re-review-decision";
    public static final String EVALUATION = "evaluation";

    /** the unit confirms an offline petitioner's receipt of an opinion (a working rule) */
    public static final String DELIVERY = "delivery";

    /**
     * after a review or re-review window ends, the bureau may still enter a request received in
     * time (a letter, a visit) before the process closes the window (a working rule)
     */
    public static final String APPEAL_ENTRY = "appeal-entry";

    /** 临期: a task is near its due date this long before it (priority 75) */
    public static final String REMINDER = "reminder";

    /** 督办函: the late group answers within the days the supervisor sets (the default here) */
    public static final String SUPERVISION_ANSWER = "supervision-answer";

    /** 三项建议: the unit answers a recommendation within this time */
    public static final String RECOMMENDATION_ANSWER = "recommendation-answer";

    public static final List<String> ALL =
        List.of(
            TRIAGE,
            ACCEPTANCE,
            OBJECTION,
            OBJECTION_CHECK,
            RE_TRIAGE,
            ASSIGNMENT_FEEDBACK,
            HANDLING,
            EXTENSION,
            SIMPLE_PROCEDURE,
            REVIEW_REQUEST,
            REVIEW_DECISION,
            RE_REVIEW_REQUEST,
            RE_REVIEW_DECISION,
            EVALUATION,
            DELIVERY,
            APPEAL_ENTRY,
            REMINDER,
            SUPERVISION_ANSWER,
            RECOMMENDATION_ANSWER);

    private Clocks() {}
  }

  /**
   * The identity link type of a task's follower: the leader who took the case in hand (领导包案) reads
   * its tasks (Tasklist filter 我的包案) without working them.
   */
  public static final String FOLLOWER_LINK = "follower";

  /** Messages the public API correlates (business key = case number). */
  public static final String MESSAGE_REVIEW_REQUESTED = "ReviewRequested";

  public static final String MESSAGE_RE_REVIEW_REQUESTED = "ReReviewRequested";

  /** Variables carried by the engine (case data itself lives in the case store). */
  public static final class Var {
    public static final String CASE_NUMBER = "caseNumber";
    public static final String CHANNEL = "channel";
    public static final String RECEIVED_AT = "receivedAt";

    /** receivedAt in Beijing time as text, for the forms */
    public static final String RECEIVED_ON = "receivedOn";

    public static final String TITLE = "title";
    public static final String CONTENT_EXCERPT = "contentExcerpt";
    public static final String PETITIONER_NAME = "petitionerName";
    public static final String PERSON_COUNT = "personCount";
    public static final String GROUP_PETITION = "groupPetition";
    public static final String DISTRICT = "district";
    public static final String CATEGORY = "category";

    // triage inputs (docs/domain.md, "Routing")
    public static final String NATURE = "nature";
    public static final String STATUTORY_ROUTE = "statutoryRoute";
    public static final String LEGAL_PROCESS_CONCLUDED = "legalProcessConcluded";
    public static final String REVIEW_CONCLUDED = "reviewConcluded";
    public static final String ACCUSED_IS_OFFICIAL = "accusedIsOfficial";
    public static final String WITHIN_JURISDICTION = "withinJurisdiction";
    public static final String SIMPLE_PROCEDURE = "simpleProcedure";
    public static final String TRANSFER_MODE = "transferMode";
    public static final String TRIAGE_COMMENT = "triageComment";

    /** when triagePetition is due: 15 days from receipt, or the re-triage after an objection */
    public static final String TRIAGE_DUE = "triageDue";

    /** 交办: the days the bureau gives the unit for its report, and the resulting day */
    public static final String FEEDBACK_DAYS = "feedbackDays";

    public static final String ASSIGNMENT_DUE = "assignmentDue";

    /** whether the case was assigned (交办): its unit files a report; set at the transfer */
    public static final String ASSIGNED = "assigned";

    /** the unit the clerk chose instead of the decision table's, and why */
    public static final String HANDLING_UNIT_OVERRIDE = "handlingUnitOverride";

    public static final String OVERRIDE_REASON = "overrideReason";

    /** the unit the decision table proposes, shown on the triage form */
    public static final String PROPOSED_UNIT_NAME = "proposedUnitName";

    public static final String ROUTE = "route";
    public static final String HANDLING_UNIT = "handlingUnit";
    public static final String HANDLING_UNIT_NAME = "handlingUnitName";
    public static final String TRANSFERRED_AT = "transferredAt";
    public static final String ACCEPTANCE = "acceptance";
    public static final String OBJECTION_REASON = "objectionReason";
    public static final String OBJECTED_AT = "objectedAt";
    public static final String OBJECTION_AGREED = "objectionAgreed";
    public static final String VERIFICATION_COMMENT = "verificationComment";
    public static final String COMPLETION_REPORT = "completionReport";
    public static final String CONVERSION_REASON = "conversionReason";

    /** names of earlier cases of the same petitioner concluded by 复核, shown at triage (Art. 36) */
    public static final String TERMINATED_CASES = "terminatedCases";

    /**
     * the warnings raised when the case was registered (重复信访, 群体性), one line each, shown at triage
     * (docs/warnings.md); display only, never an input
     */
    public static final String CASE_WARNINGS = "caseWarnings";

    // acceptance and handling (Art. 32-34)
    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String HANDLING_DUE = "handlingDue";
    public static final String EXTENDED = "extended";
    public static final String HANDLING_ACTION = "handlingAction";
    public static final String HANDLING_OUTCOME = "handlingOutcome";
    public static final String OPINION_TEXT = "opinionText";
    public static final String FACTS_FOUND = "factsFound";
    public static final String LEGAL_BASIS = "legalBasis";
    public static final String EXTENSION_DAYS = "extensionDays";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String EXTENSION_APPROVED = "extensionApproved";
    public static final String EXTENSION_COMMENT = "extensionComment";
    public static final String PETITIONER_CONSENTS = "petitionerConsents";
    public static final String OTHER_PARTY_CONSENTS = "otherPartyConsents";
    public static final String MEDIATION_RESULT = "mediationResult";
    public static final String MEDIATION_AGREEMENT = "mediationAgreement";
    public static final String HEARING_DATE = "hearingDate";
    public static final String HEARING_PARTICIPANTS = "hearingParticipants";
    public static final String HEARING_SUMMARY = "hearingSummary";

    // reply approval (三审)
    public static final String REPLY_APPROVERS = "replyApprovers";
    public static final String REPLY_APPROVER = "replyApprover";
    public static final String REPLY_APPROVED = "replyApproved";
    public static final String APPROVAL_COMMENT = "approvalComment";

    /**
     * display only, on each approveReply task: the earlier levels' and rounds' decisions, read from
     * the case store when the task is created; never an input
     */
    public static final String APPROVAL_HISTORY = "approvalHistory";

    // delivered opinions and the windows they open
    public static final String OPINION_ID = "opinionId";

    /**
     * whether the delivered handling opinion can be reviewed (Route.appealable): the gateway 可请求复查？
     */
    public static final String APPEALABLE = "appealable";

    public static final String EVALUATION_OPINION_ID = "evaluationOpinionId";
    public static final String EVALUATION_DUE = "evaluationDue";

    /**
     * when the process stops waiting for a review (re-review) request: the window's end, plus the
     * time the bureau has to enter a request received in time (clock appeal-entry)
     */
    public static final String REVIEW_REQUEST_DUE = "reviewRequestDue";

    public static final String RE_REVIEW_REQUEST_DUE = "reReviewRequestDue";

    /** the kind of the opinion just delivered (HANDLING, REVIEW): where the delivery goes on */
    public static final String DELIVERED_OPINION = "deliveredOpinion";

    /** whether the unit confirms the delivery (an offline petitioner, a window depends on it) */
    public static final String DELIVERY_TO_CONFIRM = "deliveryToConfirm";

    /** when the opinion to deliver was issued (confirmDelivery's due date counts from it) */
    public static final String ISSUED_AT = "opinionIssuedAt";

    /** the same day as text, for confirmDelivery's form */
    public static final String ISSUED_ON = "issuedOn";

    // confirmDelivery's inputs
    public static final String DELIVERED_AT = "deliveredAt";
    public static final String DELIVERY_METHOD = "deliveryMethod";

    /** read-only copies of delivered opinions for the next level's form */
    public static final String HANDLING_OPINION = "handlingOpinion";

    public static final String REVIEW_OPINION = "reviewOpinion";

    // review (复查, Art. 35) and re-review (复核, Art. 36)
    public static final String APPEAL_STAGE = "appealStage";
    public static final String REVIEW_LEVEL = "reviewLevel";
    public static final String REVIEW_LEVEL_NAME = "reviewLevelName";
    public static final String RE_REVIEW_LEVEL = "reReviewLevel";
    public static final String RE_REVIEW_LEVEL_NAME = "reReviewLevelName";

    /** the decision review-level's input at re-review: the level that reviewed */
    public static final String REVIEWED_BY = "reviewedBy";

    public static final String REVIEW_REASON = "reviewReason";
    public static final String REVIEW_REQUESTED_AT = "reviewRequestedAt";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String REVIEW_OUTCOME = "reviewOutcome";
    public static final String RE_REVIEW_REASON = "reReviewReason";
    public static final String RE_REVIEW_REQUESTED_AT = "reReviewRequestedAt";
    public static final String RE_REVIEW_DUE = "reReviewDue";
    public static final String RE_REVIEW_ACTION = "reReviewAction";
    public static final String RE_REVIEW_OUTCOME = "reReviewOutcome";
    public static final String HEARING_REQUESTED_AT = "hearingRequestedAt";

    /** days of hearings not counted in the re-review's 30 days (Art. 36) */
    public static final String RE_REVIEW_PAUSED_DAYS = "reReviewPausedDays";

    public static final String PUBLISH_OPINION = "publishOpinion";

    /** whether the current re-review held a hearing: only then may its opinion be published */
    public static final String RE_REVIEW_HEARING_HELD = "reReviewHearingHeld";

    // start form fields (registration by a clerk in Tasklist)
    public static final String PETITIONER_ID_NUMBER = "petitionerIdNumber";
    public static final String PETITIONER_PHONE = "petitionerPhone";
    public static final String PETITIONER_ADDRESS = "petitionerAddress";
    public static final String CONTENT = "content";

    /**
     * What a triage round decides; cleared when a unit objects, so the next round decides afresh.
     */
    public static final List<String> TRIAGE_DECISION =
        List.of(
            NATURE,
            STATUTORY_ROUTE,
            LEGAL_PROCESS_CONCLUDED,
            REVIEW_CONCLUDED,
            ACCUSED_IS_OFFICIAL,
            WITHIN_JURISDICTION,
            SIMPLE_PROCEDURE,
            TRANSFER_MODE,
            FEEDBACK_DAYS,
            HANDLING_UNIT_OVERRIDE,
            OVERRIDE_REASON,
            TRIAGE_COMMENT,
            ROUTE,
            HANDLING_UNIT,
            HANDLING_UNIT_NAME,
            TRANSFERRED_AT);

    /** What a unit answered in an earlier round; cleared when the case is transferred again. */
    public static final List<String> ACCEPTANCE_ANSWER =
        List.of(ACCEPTANCE, OBJECTION_REASON, OBJECTION_AGREED, VERIFICATION_COMMENT);

    private Var() {}
  }

  /**
   * The bureau's group; handling units come from the handling-unit decision
   * (dmn/handling-unit.dmn).
   */
  public static final class Group {
    public static final String BUREAU = "bureau";

    /** 分管领导: sign replies */
    public static final String LEADERS = "leaders";

    /** 督查督办: supervises late and poor work (docs/domain.md, "Supervision") */
    public static final String SUPERVISION = "supervision";

    /** what a handling unit's head group (本机关、单位负责人) is named after: {@code <unit>-head} */
    public static final String HEAD_SUFFIX = "-head";

    /**
     * The head group of a handling unit: approves its replies first (dmn/reply-approval.dmn) and
     * its extensions (Art. 34).
     */
    public static String head(String unit) {
      return unit + HEAD_SUFFIX;
    }

    private Group() {}
  }

  private PetitionProcess() {}
}
