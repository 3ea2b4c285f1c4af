package cn.xinfang.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.engine.TaskPriority;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters: 本组待办 (tasks of my groups), 我的待办 (tasks I claimed), 临期 (near their due date,
 * priority 75), 已超期 (overdue, priority 100) and 督办中 (supervision's own tasks: superviseCase for the
 * supervisors, a letter's answer for the late group, an escalation for the leaders) for everyone,
 * each showing what the user may see; 我的包案 (every open task of the cases a leader took in hand,
 * 领导包案) for the leaders. Created once; an administrator's later changes stay.
 */
@Component
class TasklistFilters {

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;

  TasklistFilters(
      FilterService filterService,
      TaskService taskService,
      AuthorizationService authorizationService) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
  }

  void ensure() {
    filter(
        "本组待办",
        "本组的任务（含已被认领的），按截止日期排序",
        -10,
        taskService
            .createTaskQuery()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .includeAssignedTasks()
            .orderByDueDate()
            .asc(),
        ANY);
    filter(
        "我的待办",
        "已由我认领的任务，按截止日期排序",
        -5,
        taskService
            .createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate()
            .asc(),
        ANY);
    filter(
        "临期",
        "已到临期提醒点、即将到期的本人及本组任务（优先级 75）",
        0,
        mineOrMyGroups()
            .taskMinPriority(TaskPriority.NEAR_DUE)
            .taskMaxPriority(TaskPriority.OVERDUE - 1)
            .orderByDueDate()
            .asc(),
        ANY);
    filter(
        "已超期",
        "已超过截止日期的本人及本组任务（优先级 100），将由督查督办跟进",
        1,
        mineOrMyGroups().taskMinPriority(TaskPriority.OVERDUE).orderByDueDate().asc(),
        ANY);
    filter(
        "督办中",
        "督办任务：待督查督办处理的超期任务、待答复的督办函和三项建议、待领导批示的督办",
        2,
        mineOrMyGroups()
            .processDefinitionKey(PetitionProcess.SUPERVISION_PROCESS_KEY)
            .orderByTaskPriority()
            .desc()
            .orderByDueDate()
            .asc(),
        ANY);
    filter(
        "我的包案",
        "我包案督办的信访事项的全部待办任务（只读，由承办单位办理）",
        3,
        taskService
            .createTaskQuery()
            .taskInvolvedUserExpression("${currentUser()}")
            .processDefinitionKey(PetitionProcess.PROCESS_KEY)
            .orderByTaskPriority()
            .desc()
            .orderByDueDate()
            .asc(),
        PetitionProcess.Group.LEADERS);
    // the filter before 临期 and 已超期 (3 calendar days), when an administrator left it unchanged
    filterService.createFilterQuery().filterName("即将超期").list().stream()
        .filter(f -> "3 日内到期或已超期的本人及本组任务".equals(f.getProperties().get("description")))
        .forEach(f -> filterService.deleteFilter(f.getId()));
  }

  private TaskQuery mineOrMyGroups() {
    return taskService
        .createTaskQuery()
        .or()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .taskAssigneeExpression("${currentUser()}")
        .endOr();
  }

  /**
   * Creates the filter once, readable by {@code readers}: every user ({@link
   * org.camunda.bpm.engine.authorization.Authorization#ANY}) or one group.
   */
  private void filter(
      String name, String description, int priority, TaskQuery query, String readers) {
    if (filterService.createFilterQuery().filterName(name).count() > 0) {
      return;
    }
    Filter filter =
        filterService
            .newTaskFilter(name)
            .setQuery(query)
            .setProperties(
                Map.of(
                    "description",
                    description,
                    "priority",
                    priority,
                    "refresh",
                    true,
                    "variables",
                    List.of(
                        Map.of("name", "caseNumber", "label", "案件编号"),
                        Map.of("name", "title", "label", "标题"))));
    filterService.saveFilter(filter);
    Authorization read =
        authorizationService.createNewAuthorization(
            ANY.equals(readers) ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
    if (ANY.equals(readers)) {
      read.setUserId(ANY);
    } else {
      read.setGroupId(readers);
    }
    read.setResource(Resources.FILTER);
    read.setResourceId(filter.getId());
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
  }
}
