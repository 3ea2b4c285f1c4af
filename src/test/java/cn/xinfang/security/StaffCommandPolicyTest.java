package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess.Var;
import java.util.Map;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.ProcessDefinitionStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.junit.jupiter.api.Test;

/**
 * The parts of the staff policy that depend on the engine's classes, checked against the engine on
 * the classpath: an upgrade that renames what the policy reads, or a read command that starts to
 * look like a write, fails here. Its behaviour over HTTP is the red team's ({@link RedTeam}).
 */
class StaffCommandPolicyTest {

  @Test
  void readsWhatEachCheckedCommandWasAsked() {
    Map<String, Object> variables = Map.of(Var.ACCEPTANCE, "ACCEPT");
    CompleteTaskCmd complete = new CompleteTaskCmd("t1", variables);
    assertThat(StaffCommandPolicy.field(complete, "taskId")).isEqualTo("t1");
    assertThat(StaffCommandPolicy.field(complete, "variables")).isEqualTo(variables);
    SubmitTaskFormCmd submit = new SubmitTaskFormCmd("t2", variables, false, false);
    assertThat(StaffCommandPolicy.field(submit, "taskId")).isEqualTo("t2");
    assertThat(StaffCommandPolicy.field(submit, "properties")).isEqualTo(variables);
    SubmitStartFormCmd start = new SubmitStartFormCmd("petition:1:x", "XF2026-00000001", variables);
    assertThat(StaffCommandPolicy.field(start, "processDefinitionId")).isEqualTo("petition:1:x");
    assertThat(StaffCommandPolicy.field(start, "businessKey")).isEqualTo("XF2026-00000001");
    assertThat(StaffCommandPolicy.field(start, "variables")).isEqualTo(variables);
    ClaimTaskCmd claim = new ClaimTaskCmd("t3", "housing1");
    assertThat(StaffCommandPolicy.field(claim, "taskId")).isEqualTo("t3");
    assertThat(StaffCommandPolicy.field(claim, "userId")).isEqualTo("housing1");
    AssignTaskCmd assign = new AssignTaskCmd("t4", "housing2");
    assertThat(StaffCommandPolicy.field(assign, "taskId")).isEqualTo("t4");
    assertThat(StaffCommandPolicy.field(assign, "userId")).isEqualTo("housing2");
  }

  @Test
  void queriesAndGettersAreReadsButNotStatisticsOverEveryCase() {
    assertThat(StaffCommandPolicy.isRead(new TaskQueryImpl())).isTrue();
    assertThat(StaffCommandPolicy.isRead(new GetTaskFormVariablesCmd("t", null, true))).isTrue();
    assertThat(StaffCommandPolicy.isRead(new GetDeployedTaskFormCmd("t"))).isTrue();
    assertThat(StaffCommandPolicy.isRead(new ProcessDefinitionStatisticsQueryImpl(null))).isFalse();
  }

  @Test
  void whatChangesACaseIsNoRead() {
    assertThat(StaffCommandPolicy.isRead(new SetTaskVariablesCmd("t", Map.of("x", 1), true)))
        .isFalse();
    assertThat(
            StaffCommandPolicy.isRead(
                new RemoveTaskVariablesCmd("t", java.util.List.of("x"), false)))
        .isFalse();
    assertThat(StaffCommandPolicy.isRead(new HandleTaskBpmnErrorCmd("t", "E"))).isFalse();
    assertThat(StaffCommandPolicy.isRead(new AddCommentCmd("t", null, "m"))).isFalse();
    assertThat(StaffCommandPolicy.isRead(new CompleteTaskCmd("t", Map.of()))).isFalse();
  }

  @Test
  void anObjectVariableIsReadBackOnlyAsTextNumbersDatesAndPlainCollections() {
    EngineHardening.AllowedVariableTypes types = new EngineHardening.AllowedVariableTypes();
    assertThat(types.validate("java.lang.String")).isTrue();
    assertThat(types.validate("java.util.ArrayList")).isTrue();
    assertThat(types.validate("org.springframework.jdbc.datasource.DriverManagerDataSource"))
        .isFalse();
    assertThat(types.validate("java.lang.ProcessBuilder")).isFalse();
    assertThat(types.validate("java.lang.Runtime")).isFalse();
    assertThat(types.validate("com.sun.rowset.JdbcRowSetImpl")).isFalse();
  }
}
