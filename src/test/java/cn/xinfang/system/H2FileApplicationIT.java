package cn.xinfang.system;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: an H2 file database, which must keep every case across a restart. */
class H2FileApplicationIT extends ApplicationScenario {

  @TempDir
  Path dataDir;

  @Override
  Map<String, Object> database() {
    return Map.of("spring.datasource.url",
        "jdbc:h2:file:" + dataDir.resolve("xinfang") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void aCaseLivesFromRegistrationToTerminationAndSurvivesARestartOnH2File() throws Exception {
    runTheWholeLifecycleAndRestart();
  }
}
