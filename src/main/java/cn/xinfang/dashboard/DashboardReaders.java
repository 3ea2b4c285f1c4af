package cn.xinfang.dashboard;

import cn.xinfang.engine.PetitionProcess;
import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Who reads the leaders' dashboard (态势分析) and its figures: 分管领导 ({@code leaders}), 督查督办 ({@code
 * supervision}) and administrators ({@code camunda-admin}), as for /api/metrics and /api/warnings.
 * The figures are counts over all cases, never a case's content.
 */
public final class DashboardReaders {

  public static final Set<String> GROUPS =
      Set.of(
          PetitionProcess.Group.LEADERS, PetitionProcess.Group.SUPERVISION, Groups.CAMUNDA_ADMIN);

  public static final String REFUSAL = "无权查看：态势分析仅供分管领导、督查督办人员和系统管理员查看";

  private DashboardReaders() {}

  public static boolean mayRead(Collection<String> groups) {
    return groups.stream().anyMatch(GROUPS::contains);
  }
}
