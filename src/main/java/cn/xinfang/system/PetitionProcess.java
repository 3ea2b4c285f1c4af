package cn.xinfang.system;

import java.util.List;

/**
 * Names shared by processes/petition.bpmn, the DMN tables, the forms, the delegates and the tests.
 * Task keys and variable names are part of the public contract (domain.md §5): never rename them.
 */
public final class PetitionProcess {

  public static final String PROCESS_KEY = "petition";

  public static final String TASK_TRIAGE = "triagePetition";
  public static final String TASK_ACCEPT = "acceptPetition";

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

    // triage inputs (domain.md §4)
    public static final String NATURE = "nature";
    public static final String STATUTORY_ROUTE = "statutoryRoute";
    public static final String LEGAL_PROCESS_CONCLUDED = "legalProcessConcluded";
    public static final String REVIEW_CONCLUDED = "reviewConcluded";
    public static final String ACCUSED_IS_OFFICIAL = "accusedIsOfficial";
    public static final String WITHIN_JURISDICTION = "withinJurisdiction";
    public static final String SIMPLE_PROCEDURE = "simpleProcedure";
    public static final String TRANSFER_MODE = "transferMode";
    public static final String TRIAGE_COMMENT = "triageComment";

    public static final String ROUTE = "route";
    public static final String HANDLING_UNIT = "handlingUnit";
    public static final String HANDLING_UNIT_NAME = "handlingUnitName";
    public static final String TRANSFERRED_AT = "transferredAt";
    public static final String ACCEPTANCE = "acceptance";
    public static final String OBJECTION_REASON = "objectionReason";

    // start form fields (registration by a clerk in Tasklist)
    public static final String PETITIONER_ID_NUMBER = "petitionerIdNumber";
    public static final String PETITIONER_PHONE = "petitionerPhone";
    public static final String PETITIONER_ADDRESS = "petitionerAddress";
    public static final String CONTENT = "content";
    /** set by the start event (camunda:initiator) to the clerk who registered the petition */
    public static final String REGISTERED_BY = "registeredBy";

    /** What a triage round decides; cleared when a unit objects, so the next round decides afresh. */
    public static final List<String> TRIAGE_DECISION = List.of(NATURE, STATUTORY_ROUTE, LEGAL_PROCESS_CONCLUDED,
        REVIEW_CONCLUDED, ACCUSED_IS_OFFICIAL, WITHIN_JURISDICTION, SIMPLE_PROCEDURE, TRANSFER_MODE, TRIAGE_COMMENT,
        ROUTE, HANDLING_UNIT, HANDLING_UNIT_NAME, TRANSFERRED_AT);

    /** What a unit answered in an earlier round; cleared when the case is transferred again. */
    public static final List<String> ACCEPTANCE_ANSWER = List.of(ACCEPTANCE, OBJECTION_REASON);

    private Var() {
    }
  }

  /** The bureau's group; handling units come from the handling-unit decision (dmn/handling-unit.dmn). */
  public static final class Group {
    public static final String BUREAU = "bureau";

    private Group() {
    }
  }

  private PetitionProcess() {
  }
}
