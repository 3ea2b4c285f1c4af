package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A database written before the narrow task grants (Camunda's READ and UPDATE on a task, READ on
 * its history) is brought to them once at start: the application's own start ran it, and running it
 * again on grants written the old way converts them and records that it ran.
 */
@ApplicationIT
class TaskGrantMigrationIT {

  @Autowired AuthorizationService authorizations;
  @Autowired ManagementService management;
  @Autowired DataSource dataSource;

  @Test
  void oldTaskGrantsBecomeTaskWorkAndTheirHistoryGrantsGo() {
    assertThat(management.getProperties())
        .as("ran at start")
        .containsEntry(TaskGrantMigration.PROPERTY, TaskGrantMigration.VERSION);
    Authorization task =
        grant(Resources.TASK.resourceType(), "old-task", Permissions.READ, Permissions.UPDATE);
    grant(Resources.HISTORIC_TASK.resourceType(), "old-task", HistoricTaskPermissions.READ);
    // a grant an administrator gave by hand that is not the engine's old default stays as it is
    Authorization other =
        grant(
            Resources.TASK.resourceType(),
            "other-task",
            Permissions.READ,
            Permissions.UPDATE,
            Permissions.DELETE);
    management.deleteProperty(TaskGrantMigration.PROPERTY);

    TaskGrantMigration.run(management, dataSource, "");

    Authorization migrated =
        authorizations.createAuthorizationQuery().authorizationId(task.getId()).singleResult();
    assertThat(migrated.isPermissionGranted(Permissions.READ)).isTrue();
    assertThat(migrated.isPermissionGranted(Permissions.TASK_WORK)).isTrue();
    assertThat(migrated.isPermissionGranted(Permissions.TASK_ASSIGN)).isTrue();
    assertThat(migrated.isPermissionGranted(Permissions.UPDATE)).isFalse();
    assertThat(
            authorizations.createAuthorizationQuery().resourceType(Resources.HISTORIC_TASK).count())
        .isZero();
    assertThat(
            authorizations
                .createAuthorizationQuery()
                .authorizationId(other.getId())
                .singleResult()
                .isPermissionGranted(Permissions.UPDATE))
        .isTrue();
    assertThat(management.getProperties())
        .containsEntry(TaskGrantMigration.PROPERTY, TaskGrantMigration.VERSION);
  }

  private Authorization grant(
      int resourceType,
      String resourceId,
      org.camunda.bpm.engine.authorization.Permission... permissions) {
    Authorization auth = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId("unit-housing");
    auth.setResourceType(resourceType);
    auth.setResourceId(resourceId);
    for (var p : permissions) {
      auth.addPermission(p);
    }
    return authorizations.saveAuthorization(auth);
  }
}
