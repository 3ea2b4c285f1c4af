package cn.xinfang.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the model version a process runs on has. A case keeps the model version it started with,
 * while the code is always the newest: a step whose meaning changed between versions asks the
 * model, so that a case started before the change goes on as it started.
 */
public final class ModelElements {

  private ModelElements() {}

  /** Whether this process's model has an element with that id (a task key, a gateway). */
  public static boolean has(DelegateExecution execution, String elementId) {
    return execution.getBpmnModelInstance().getModelElementById(elementId) != null;
  }
}
