package cn.xinfang.dashboard;

import cn.xinfang.engine.PetitionProcess;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Open tasks of the petition and supervision processes past their due date, per candidate group:
 * one grouped query over the engine's runtime tables, which hold open tasks only (their size is the
 * work at hand, not the history). Read directly rather than through the task service, because the
 * readers (leaders, supervisors) hold no grant on other groups' tasks, and counting them is not
 * reading them.
 */
@Component
public class OverdueTasks {

  /** One candidate group's overdue open tasks; {@code label} is the group's name. */
  public record GroupCount(String group, String label, long overdue) {}

  private static final String QUERY =
      "select l.GROUP_ID_ as group_id, g.NAME_ as group_name, count(distinct t.ID_) as overdue"
          + " from ACT_RU_TASK t"
          + " join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
          + " join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
          + " left join ACT_ID_GROUP g on g.ID_ = l.GROUP_ID_"
          + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null"
          + " and t.DUE_DATE_ < ? and d.KEY_ in (?, ?)"
          + " group by l.GROUP_ID_, g.NAME_"
          + " order by overdue desc, group_id";

  private final JdbcTemplate jdbc;

  OverdueTasks(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<GroupCount> asOf(Instant now) {
    return jdbc.query(
        QUERY,
        (rs, i) ->
            new GroupCount(
                rs.getString("group_id"),
                rs.getString("group_name") == null
                    ? rs.getString("group_id")
                    : rs.getString("group_name"),
                rs.getLong("overdue")),
        Timestamp.from(now),
        PetitionProcess.PROCESS_KEY,
        PetitionProcess.SUPERVISION_PROCESS_KEY);
  }
}
