package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.ApplicationIT;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo users' names: 姓 and 名 as Camunda's fields mean them, the unit as their group. */
@ApplicationIT
class DemoAccountsIT {

  @Autowired IdentityService identityService;

  @Autowired DemoAccounts demoAccounts;

  @Test
  void demoUsersHaveSurnameAndGivenNameAndTheirUnitAsGroup() {
    User clerk = identityService.createUserQuery().userId("clerk1").singleResult();
    assertThat(clerk.getLastName()).isEqualTo("王");
    assertThat(clerk.getFirstName()).isEqualTo("敏");
    assertThat(
            identityService
                .createGroupQuery()
                .groupMember("clerk1")
                .groupId(PetitionProcess.Group.BUREAU)
                .singleResult()
                .getName())
        .isEqualTo("市信访局");
  }

  @Test
  void demoUserOfAnOlderStartIsRenamedAtStart() {
    User user = identityService.createUserQuery().userId("housing1").singleResult();
    user.setFirstName("李建国");
    user.setLastName("（市住房和建设局）");
    identityService.saveUser(user);

    demoAccounts.ensure();

    User renamed = identityService.createUserQuery().userId("housing1").singleResult();
    assertThat(renamed.getLastName()).isEqualTo("李");
    assertThat(renamed.getFirstName()).isEqualTo("建国");
    assertThat(identityService.checkPassword("housing1", DemoAccounts.DEMO_PASSWORD)).isTrue();
  }

  @Test
  void aNameSomeoneChangedIsLeftAlone() {
    User user = identityService.createUserQuery().userId("hrss1").singleResult();
    user.setFirstName("Li");
    user.setLastName("Zhang");
    identityService.saveUser(user);
    try {
      demoAccounts.ensure();

      User kept = identityService.createUserQuery().userId("hrss1").singleResult();
      assertThat(kept.getFirstName()).isEqualTo("Li");
      assertThat(kept.getLastName()).isEqualTo("Zhang");
    } finally {
      user.setFirstName("丽");
      user.setLastName("张");
      identityService.saveUser(user);
    }
  }
}
