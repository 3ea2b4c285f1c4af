package cn.xinfang.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TasklistErrorMessagesTest {

  @Test
  void ourRefusalIsShownWithoutTheEnginesWrapping() {
    assertThat(
            TasklistErrorMessages.clerkMessage(
                "Cannot submit task form 8d5021e5-f068: 变量 nature 的取值无效：BAD；应为 SUGGESTION、ACCUSATION、CLAIM 之一"))
        .isEqualTo("变量 nature 的取值无效：BAD；应为 SUGGESTION、ACCUSATION、CLAIM 之一");
    assertThat(TasklistErrorMessages.clerkMessage("请填写通信地址")).isEqualTo("请填写通信地址");
    assertThat(TasklistErrorMessages.clerkMessage("无权执行此操作：创建或修改任务。"))
        .isEqualTo("无权执行此操作：创建或修改任务。");
  }

  @Test
  void enginesEnglishRefusalsAreShownInChinese() {
    assertThat(
            TasklistErrorMessages.clerkMessage(
                "The user with id 'housing1' does not have 'CREATE_INSTANCE' permission on resource"
                    + " 'petition' of type 'ProcessDefinition'."))
        .isEqualTo(TasklistErrorMessages.NOT_PERMITTED);
    assertThat(TasklistErrorMessages.clerkMessage("No task found for task id 8d5021e5"))
        .isEqualTo(TasklistErrorMessages.TASK_GONE);
    assertThat(TasklistErrorMessages.clerkMessage("Task '1' is already claimed by someone else."))
        .isEqualTo(TasklistErrorMessages.CLAIMED_BY_OTHER);
    assertThat(TasklistErrorMessages.clerkMessage("ENGINE-03005 Execution of 'UPDATE x' failed"))
        .isEqualTo(TasklistErrorMessages.GENERAL);
  }
}
