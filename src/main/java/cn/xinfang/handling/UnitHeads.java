package cn.xinfang.handling;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.ProcessCase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The head group (本机关、单位负责人) of the case's handling unit, as the case store records the unit: the
 * candidate group of approveExtension ({@code ${unitHeads.of(execution)}}, Art. 34). Read from the
 * store, never from the variable {@code handlingUnit}, so that no variable changes who approves.
 */
@Component("unitHeads")
public class UnitHeads {

  private final ProcessCase cases;

  public UnitHeads(ProcessCase cases) {
    this.cases = cases;
  }

  public String of(DelegateExecution execution) {
    String unit = cases.of(execution).handlingUnit();
    if (unit == null) {
      throw new IllegalStateException(
          "case " + cases.number(execution) + " has no handling unit to approve its extension");
    }
    return PetitionProcess.Group.head(unit);
  }
}
