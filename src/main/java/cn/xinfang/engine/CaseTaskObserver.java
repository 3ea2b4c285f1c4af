package cn.xinfang.engine;

import cn.xinfang.casestore.PetitionRecord;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Told of every user task of the petition process as it is created ({@link CaseTaskListener}), in
 * the task's transaction: supervision flags it when it is near or past its due date and lets the
 * leader who took the case in hand follow it. An interface here, so that the engine package needs
 * none of its observers.
 */
public interface CaseTaskObserver {

  void created(DelegateTask task, PetitionRecord c);
}
