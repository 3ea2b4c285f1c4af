package cn.xinfang.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

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
 * The Tasklist filters every staff user sees, each sorted by due date: 本组待办 (tasks of my groups),
 * 我的待办 (tasks I claimed) and 即将超期 (due within 3 days). Created once; an administrator's later
 * changes stay.
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
            .asc());
    filter(
        "我的待办",
        "已由我认领的任务，按截止日期排序",
        -5,
        taskService
            .createTaskQuery()
            .taskAssigneeExpression("${currentUser()}")
            .orderByDueDate()
            .asc());
    filter(
        "即将超期",
        "3 日内到期或已超期的本人及本组任务",
        0,
        taskService
            .createTaskQuery()
            .or()
            .taskCandidateGroupInExpression("${currentUserGroups()}")
            .taskAssigneeExpression("${currentUser()}")
            .endOr()
            .dueBeforeExpression("${dateTime().plusDays(3)}")
            .orderByDueDate()
            .asc());
  }

  private void filter(String name, String description, int priority, TaskQuery query) {
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
    Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
    everyone.setUserId(ANY);
    everyone.setResource(Resources.FILTER);
    everyone.setResourceId(filter.getId());
    everyone.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(everyone);
  }
}
