package cn.xinfang.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.rest.dto.AuthorizationExceptionDto;
import org.junit.jupiter.api.Test;

class TaskInputErrorMapperTest {

  private final TaskInputErrorMapper.EngineRestMapper mapper =
      new TaskInputErrorMapper.EngineRestMapper();

  @Test
  void theEnginesRefusalOfATaskIsAnsweredAsCamundaAnswersItInChinese() {
    Response answer =
        mapper.toResponse(
            new AuthorizationException(
                "clerk1",
                List.of(
                    new MissingAuthorization("TASK_WORK", "Task", "8d5021e5"),
                    new MissingAuthorization("TASK_WORK", "ProcessDefinition", "petition"),
                    new MissingAuthorization("UPDATE", "Task", "8d5021e5"),
                    new MissingAuthorization("UPDATE_TASK", "ProcessDefinition", "petition"))));

    assertThat(answer.getStatus()).isEqualTo(403);
    AuthorizationExceptionDto body = (AuthorizationExceptionDto) answer.getEntity();
    assertThat(body.getType()).isEqualTo("AuthorizationException");
    assertThat(body.getMessage())
        .startsWith("无权执行此操作：只有任务的办理人和候选组的成员")
        .contains("缺少任务的 TASK_WORK 或 UPDATE 权限")
        .doesNotContain("ProcessDefinition");
    assertThat(body.getUserId()).isEqualTo("clerk1");
    assertThat(body.getMissingAuthorizations()).hasSize(4);
  }

  @Test
  void anyOtherRefusalOfTheEngineNamesWhatWasMissing() {
    Response answer =
        mapper.toResponse(
            new AuthorizationException(
                "supervisor1", "CREATE_INSTANCE", "ProcessDefinition", "supervision"));

    assertThat(answer.getStatus()).isEqualTo(403);
    assertThat(((AuthorizationExceptionDto) answer.getEntity()).getMessage())
        .startsWith("无权执行此操作：缺少 ProcessDefinition 的 CREATE_INSTANCE 权限。");
  }

  @Test
  void ourOwnChineseRefusalIsLeftAsItIs() {
    Response answer = mapper.toResponse(new AuthorizationException("无权执行此操作：发送流程消息。"));

    assertThat(answer.getStatus()).isEqualTo(403);
    assertThat(((AuthorizationExceptionDto) answer.getEntity()).getMessage())
        .isEqualTo("无权执行此操作：发送流程消息。");
  }
}
