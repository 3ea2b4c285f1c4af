package cn.xinfang.engine;

import cn.xinfang.casestore.PetitionRecord;

/**
 * Told when a case is passed to 纪检监察 in confidence (an accusation, Art. 30), in the transfer's
 * transaction: supervision ends every supervision of it. An interface here, so that triage needs
 * none of its observers.
 */
public interface ConfinedCaseObserver {

  void confined(PetitionRecord c);
}
