package cn.xinfang.engine;

import cn.xinfang.casestore.PetitionRecord;
import java.util.List;

/**
 * Told of every petition as it is registered (Task_RegisterPetition), in the registration's
 * transaction, after its case_metric row is written: the early warning raises REPEAT and GROUP. An
 * interface here, so that intake needs none of its observers.
 */
public interface RegistrationObserver {

  /**
   * Answers the lines the triage form shows of what the observer found (预警提示, variable {@link
   * PetitionProcess.Var#CASE_WARNINGS}), none when nothing.
   */
  List<String> registered(PetitionRecord c);
}
