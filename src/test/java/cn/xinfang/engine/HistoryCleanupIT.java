package cn.xinfang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.casestore.PetitionStatus;
import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * History cleanup: an ended case's history carries its removal time (end + the model's time to
 * live, 1825 days for petitions), the nightly cleanup job waits for its window (01:00–05:00), and
 * when it runs after that time the history is gone while the case file stays.
 */
@ApplicationIT
class HistoryCleanupIT {

  private static final Duration PETITION_TIME_TO_LIVE = Duration.ofDays(1825);

  /**
   * a database of its own: the cleanup removes every history whose time has come, not only this
   * test's
   */
  @DynamicPropertySource
  static void ownDatabase(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> "jdbc:h2:mem:xinfang-cleanup;DB_CLOSE_DELAY=-1");
  }

  @Autowired CaseDriver cases;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @AfterEach
  void engineClockBackToNow() {
    ClockUtil.reset();
  }

  @Test
  void anEndedCasesHistoryIsRemovedAfterItsTimeToLiveAndTheCaseFileStays() {
    // Given a case that ended at triage (guided to arbitration: CLOSED, its process ended)
    Case c = cases.register("FUTIAN", "LABOUR", "2026-09-20");
    cases.complete(
        c, CaseDriver.TRIAGE, Petitions.triage("CLAIM", "ARBITRATION", false, false, false, true));
    HistoricProcessInstance ended = history(c);
    assertThat(ended.getEndTime()).isNotNull();

    // Then its history is due for removal five years after its end
    assertThat(Duration.between(ended.getEndTime().toInstant(), ended.getRemovalTime().toInstant()))
        .isEqualTo(PETITION_TIME_TO_LIVE);

    // and the nightly cleanup job is scheduled inside its window
    assertThat(historyService.findHistoryCleanupJobs())
        .isNotEmpty()
        .allSatisfy(
            job -> {
              LocalTime due =
                  job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
              assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
            });

    // When the cleanup runs after the removal time
    ClockUtil.setCurrentTime(
        Date.from(ended.getRemovalTime().toInstant().plus(Duration.ofDays(1))));
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    // Then the engine's history of the case is gone, and the case file is not
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceId(c.pi().getId())
                .count())
        .isZero();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(c.pi().getId())
                .count())
        .isZero();
    assertThat(cases.stored(c).status()).isEqualTo(PetitionStatus.CLOSED);
  }

  private HistoricProcessInstance history(Case c) {
    return historyService
        .createHistoricProcessInstanceQuery()
        .processInstanceId(c.pi().getId())
        .singleResult();
  }
}
