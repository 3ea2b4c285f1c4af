package cn.xinfang.security;

import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.CommandFields;
import cn.xinfang.web.InvalidInputException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.query.NativeQuery;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff surface of the engine, in one place: every command a staff member's request starts
 * (through /engine-rest, Tasklist's or Cockpit's API, or any other way into the engine) passes here
 * first, before the engine's own authorization checks, which still apply.
 *
 * <p>A staff member (an authenticated user outside {@code camunda-admin}) may
 *
 * <ul>
 *   <li>read: queries and the engine's read commands (Get…, Find…, Is…, filters), which the
 *       authorizations confine to the user's tasks and the cases the user's group holds; not the
 *       statistics and reports over whole process definitions, which would count every unit's
 *       cases;
 *   <li>claim a task for themself; hand it back, or to a member of one of its candidate groups;
 *   <li>complete a task or submit its form, with its form's inputs only ({@link FormInputs});
 *   <li>register a petition with the start form (the bureau, by its grant), with the start form's
 *       inputs only and no business key;
 *   <li>change their own password.
 * </ul>
 *
 * Nothing else: no start of a process past its registration or with skip flags, no instance
 * modification, no message or signal, no variable written outside a task completion, no BPMN error
 * or escalation thrown from a task, no comments, attachments or identity links, no jobs, incidents
 * or external tasks. These answer 403 before the engine looks anything up, so the answer is the
 * same whether the case exists or not.
 *
 * <p>Administrators are not limited here (Cockpit and Modeler need the whole API) except that a
 * task and a start form accept their form's inputs from them too. Commands the platform runs inside
 * another command (a delegate's, a listener's) or without a user (timers, jobs, the public API) are
 * its own and pass: code that acts for a staff member on their behalf runs as the system ({@link
 * AsSystem}) and checks the user itself.
 */
final class StaffCommandPolicy extends CommandInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(StaffCommandPolicy.class);

  /** What staff may change, besides reading; each is checked below. */
  private static final Set<Class<?>> STAFF_WRITES =
      Set.of(
          CompleteTaskCmd.class,
          SubmitTaskFormCmd.class,
          SubmitStartFormCmd.class,
          ClaimTaskCmd.class,
          AssignTaskCmd.class,
          SaveUserCmd.class);

  /** Read commands by name: the engine's convention for commands that change nothing. */
  private static final List<String> READ_PREFIXES =
      List.of(
          "Get",
          "Find",
          "Is",
          "ExecuteFilter",
          "CheckPassword",
          "AuthorizationCheck",
          "DetermineHistoryLevel");

  private final ProcessEngineConfigurationImpl engine;
  private final Cache<String, FormInputs> forms =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  StaffCommandPolicy(ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (Context.getCommandContext() == null) {
      Authentication user = engine.getIdentityService().getCurrentAuthentication();
      if (user != null && user.getUserId() != null) {
        check(command, user);
      }
    }
    return next.execute(command);
  }

  private void check(Command<?> command, Authentication user) {
    boolean admin = user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
      @SuppressWarnings("unchecked")
      Map<String, Object> variables =
          (Map<String, Object>)
              field(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
      checkTaskInputs((String) field(command, "taskId"), variables);
    } else if (command instanceof SubmitStartFormCmd) {
      Object businessKey = field(command, "businessKey");
      if (!admin && businessKey != null && !businessKey.toString().isBlank()) {
        throw refused(user, command, "指定业务键（businessKey）发起流程：案件编号由登记时生成");
      }
      String definition = (String) field(command, "processDefinitionId");
      @SuppressWarnings("unchecked")
      Map<String, Object> variables = (Map<String, Object>) field(command, "variables");
      try {
        startForm(definition).check(variables, "登记表单");
      } catch (InvalidInputException e) {
        throw invalid(e);
      }
    } else if (admin) {
      return;
    } else if (command instanceof ClaimTaskCmd) {
      if (!user.getUserId().equals(field(command, "userId"))) {
        throw refused(user, command, "替他人认领任务：认领只能由本人进行");
      }
    } else if (command instanceof AssignTaskCmd) {
      if (!assignable(
          (String) field(command, "taskId"), (String) field(command, "userId"), user.getUserId())) {
        throw refused(user, command, "把任务交给本组以外的人员");
      }
    } else if (!STAFF_WRITES.contains(command.getClass()) && !isRead(command)) {
      throw refused(user, command, Operations.label(command));
    }
  }

  static boolean isRead(Command<?> command) {
    String name = command.getClass().getSimpleName();
    if (command instanceof Query<?, ?> || command instanceof NativeQuery<?, ?>) {
      // statistics and reports count over whole process definitions, every unit's cases included
      return !name.contains("Statistics") && !name.contains("Report");
    }
    return READ_PREFIXES.stream().anyMatch(name::startsWith)
        || name.startsWith("Create") && name.endsWith("QueryCmd");
  }

  /**
   * A task's variables on completion: its form's inputs. The task is looked up as the system, by
   * its id alone (not with the user's authorization check, which costs as much as a worklist);
   * whether the user may complete it at all is the engine's to decide right after, and a refused
   * input names only a field of a form that is in the repository anyway.
   */
  private void checkTaskInputs(String taskId, Map<String, Object> variables) {
    if (variables == null || variables.isEmpty()) {
      return;
    }
    Task[] found = {null};
    AsSystem.run(
        engine.getIdentityService(),
        () -> found[0] = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult());
    Task task = found[0];
    if (task == null) {
      return;
    }
    FormInputs inputs =
        task.getProcessDefinitionId() == null
            ? FormInputs.NONE
            : forms.get(
                task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                k -> deployedForm(() -> engine.getFormService().getDeployedTaskForm(taskId)));
    try {
      inputs.check(variables, "任务“" + task.getName() + "”");
    } catch (InvalidInputException e) {
      throw invalid(e);
    }
  }

  private FormInputs startForm(String processDefinitionId) {
    return forms.get(
        "start/" + processDefinitionId,
        k -> deployedForm(() -> engine.getFormService().getDeployedStartForm(processDefinitionId)));
  }

  /**
   * The deployed Camunda Form, read as the system (staff may not read deployments); none: no
   * inputs.
   */
  private FormInputs deployedForm(Supplier<InputStream> form) {
    IdentityService identity = engine.getIdentityService();
    FormInputs[] inputs = {FormInputs.NONE};
    AsSystem.run(
        identity,
        () -> {
          try {
            inputs[0] = FormInputs.parse(form.get());
          } catch (BadUserRequestException noForm) {
            LOG.debug("no deployed form: no inputs accepted from staff ({})", noForm.getMessage());
          }
        });
    return inputs[0];
  }

  /**
   * Unassigned, the user, or a member of one of the task's candidate groups: never outside them.
   */
  private boolean assignable(String taskId, String assignee, String userId) {
    if (assignee == null || assignee.equals(userId)) {
      return true;
    }
    IdentityService identity = engine.getIdentityService();
    boolean[] member = {false};
    AsSystem.run(
        identity,
        () -> {
          for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(taskId)) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                && link.getGroupId() != null
                && identity
                        .createUserQuery()
                        .userId(assignee)
                        .memberOfGroup(link.getGroupId())
                        .count()
                    > 0) {
              member[0] = true;
            }
          }
        });
    return member[0];
  }

  /** The refusal, logged with the user and the command (an insider's probing shows in the log). */
  private static AuthorizationException refused(
      Authentication user, Command<?> command, String what) {
    LOG.info("staff policy refused {} to {}", command.getClass().getSimpleName(), user.getUserId());
    return new AuthorizationException(
        "无权执行此操作：" + what + "。工作人员只能查看和办理本组的任务（认领、交回、" + "提交本任务的表单）和登记信访事项；其他操作由系统管理员在流程监控中进行。");
  }

  /**
   * The engine's form of a refused input: answered 400 with the field by /engine-rest
   * (TaskInputErrorMapper).
   */
  private static ProcessEngineException invalid(InvalidInputException e) {
    return new ProcessEngineException(e.getMessage(), e);
  }

  /** A field of an engine command ({@link CommandFields}). */
  static Object field(Object command, String name) {
    return CommandFields.read(command, name);
  }

  /**
   * The refused operations staff are most likely to try, named in Chinese; others by their command.
   */
  private static final class Operations {

    private static final Map<String, String> LABELS =
        Map.ofEntries(
            Map.entry("StartProcessInstanceCmd", "直接发起流程（只能通过登记表单登记信访事项）"),
            Map.entry("StartProcessInstanceAtActivitiesCmd", "从指定环节发起流程"),
            Map.entry("ProcessInstanceModificationCmd", "修改流程实例"),
            Map.entry("ModifyProcessInstanceCmd", "修改流程实例"),
            Map.entry("ModifyProcessInstanceAsyncCmd", "修改流程实例"),
            Map.entry("RestartProcessInstancesCmd", "重启流程实例"),
            Map.entry("CorrelateMessageCmd", "发送流程消息"),
            Map.entry("CorrelateAllMessageCmd", "发送流程消息"),
            Map.entry("MessageEventReceivedCmd", "发送流程消息"),
            Map.entry("SignalEventReceivedCmd", "发送流程信号"),
            Map.entry("SignalCmd", "发送流程信号"),
            Map.entry("SetTaskVariablesCmd", "修改任务变量"),
            Map.entry("PatchTaskVariablesCmd", "修改任务变量"),
            Map.entry("RemoveTaskVariablesCmd", "删除任务变量"),
            Map.entry("SetExecutionVariablesCmd", "修改流程变量"),
            Map.entry("PatchExecutionVariablesCmd", "修改流程变量"),
            Map.entry("RemoveExecutionVariablesCmd", "删除流程变量"),
            Map.entry("HandleTaskBpmnErrorCmd", "从任务抛出 BPMN 错误"),
            Map.entry("HandleTaskEscalationCmd", "从任务抛出升级事件"),
            Map.entry("SaveTaskCmd", "创建或修改任务"),
            Map.entry("DeleteTaskCmd", "删除任务"),
            Map.entry("DelegateTaskCmd", "委托任务"),
            Map.entry("ResolveTaskCmd", "委托任务"),
            Map.entry("SetTaskOwnerCmd", "修改任务所有人"),
            Map.entry("AddCommentCmd", "添加评论（办理意见请填写在表单中）"),
            Map.entry("CreateAttachmentCmd", "添加附件"),
            Map.entry("AddUserIdentityLinkCmd", "修改任务候选人"),
            Map.entry("AddGroupIdentityLinkCmd", "修改任务候选组"),
            Map.entry("DeleteUserIdentityLinkCmd", "修改任务候选人"),
            Map.entry("DeleteGroupIdentityLinkCmd", "修改任务候选组"));

    static String label(Command<?> command) {
      String name = command.getClass().getSimpleName();
      return Objects.requireNonNullElse(
          LABELS.get(name),
          name.contains("Statistics") || name.contains("Report")
              ? "查看全市统计（" + name + "）"
              : "（" + name + "）");
    }
  }
}
