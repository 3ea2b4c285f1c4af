package cn.xinfang.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which staff requests count as reads, planned for their parameters on PostgreSQL (StaffReadPlans).
 */
class StaffReadPlansTest {

  @ParameterizedTest
  @CsvSource({
    "GET, /engine-rest/task, true",
    "GET, /api/staff/cases/XF2026-00000001, true",
    "POST, /engine-rest/task, true",
    "POST, /engine-rest/task/count, true",
    "POST, /engine-rest/history/task, true",
    "POST, /engine-rest/process-instance, true",
    "POST, /camunda/api/engine/engine/default/filter/f1/list, true",
    "POST, /engine-rest/task/t1/complete, false",
    "POST, /engine-rest/task/t1/claim, false",
    "POST, /engine-rest/process-definition/key/petition/start, false",
    "PUT, /engine-rest/job/j1/retries, false",
    "DELETE, /engine-rest/process-instance/p1, false",
  })
  void readsAreQueriesAndGets(String method, String path, boolean read) {
    assertThat(StaffReadPlans.isRead(method, path)).isEqualTo(read);
  }
}
