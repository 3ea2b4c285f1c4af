package cn.xinfang.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.engine.HistoryLevelConfiguration;
import cn.xinfang.engine.PetitionProcess;
import cn.xinfang.support.Apps;
import cn.xinfang.support.Http;
import cn.xinfang.support.Petitions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default: an H2 file database, which must keep every case across a restart. */
class H2FileApplicationIT extends ApplicationScenario {

  @TempDir Path dataDir;

  @Override
  Map<String, Object> database() {
    return Map.of(
        "spring.datasource.url",
        "jdbc:h2:file:" + dataDir.resolve("xinfang") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void aCaseLivesFromRegistrationToTerminationAndSurvivesARestartOnH2File() throws Exception {
    runTheWholeLifecycleAndRestart();
  }

  /**
   * A demo database of an earlier version, created at the history level full, starts at the new
   * level.
   */
  @Test
  void aDatabaseCreatedAtHistoryLevelFullStartsAtFullWithoutDetails() throws Exception {
    Map<String, Object> atFull = new HashMap<>(database());
    atFull.put("server.port", 0);
    atFull.put("petition.demo-data", true);
    atFull.put("camunda.bpm.history-level", "full");
    String caseNumber;
    try (ConfigurableApplicationContext app = Apps.start(atFull)) {
      assertThat(app.getBean(ProcessEngine.class).getManagementService().getHistoryLevel())
          .isEqualTo(3);
      caseNumber =
          new Http()
              .post(Apps.base(app) + "/api/petitions", null, Petitions.valid(), 201)
              .path("caseNumber")
              .asText();
    }

    try (ConfigurableApplicationContext app = start()) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      assertThat(engine.getManagementService().getHistoryLevel())
          .isEqualTo(HistoryLevelConfiguration.ID);
      assertThat(
              engine
                  .getHistoryService()
                  .createHistoricProcessInstanceQuery()
                  .processDefinitionKey(PetitionProcess.PROCESS_KEY)
                  .processInstanceBusinessKey(caseNumber)
                  .count())
          .as("the history written at full is still there")
          .isEqualTo(1);
    }
  }
}
