package cn.xinfang.engine;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.casestore.Route;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the process variables the delegates share. */
public final class CaseVariables {

  private CaseVariables() {}

  public static Route route(VariableScope scope) {
    return Route.valueOf((String) scope.getVariable(Var.ROUTE));
  }

  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  public static Date date(VariableScope scope, String name) {
    return (Date) scope.getVariable(name);
  }

  public static boolean flag(VariableScope scope, String name) {
    return Boolean.TRUE.equals(scope.getVariable(name));
  }
}
