package cn.xinfang.security;

import cn.xinfang.support.PostgresDatabase;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The red team against the packaged jar on a fresh PostgreSQL database, as production runs it. */
class RedTeamPostgresIT extends RedTeam {

  @RegisterExtension static final PostgresDatabase DATABASE = PostgresDatabase.perClass();

  @Override
  Map<String, Object> database() {
    return DATABASE.properties();
  }
}
