package cn.xinfang.triage;

import static cn.xinfang.system.PetitionProcess.Var;

import cn.xinfang.casestore.Route;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the process variables the delegates share. */
final class CaseVariables {

  private CaseVariables() {
  }

  static String caseNumber(VariableScope scope) {
    return (String) scope.getVariable(Var.CASE_NUMBER);
  }

  static Route route(VariableScope scope) {
    return Route.valueOf((String) scope.getVariable(Var.ROUTE));
  }
}
