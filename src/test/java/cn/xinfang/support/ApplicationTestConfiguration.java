package cn.xinfang.support;

import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.intake.IntakeService;
import cn.xinfang.intake.RegistrationValidator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link ApplicationIT} tests share: the application's clock replaced by a {@link TestClock}
 * they can pin, and the drivers that take cases through the process and the public API.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ApplicationTestConfiguration {

  @Bean
  @Primary
  TestClock testClock() {
    return new TestClock();
  }

  /**
   * Also points camunda-bpm-assert's static assertions ({@code assertThat(processInstance)}) at
   * this engine.
   */
  @Bean
  CaseDriver caseDriver(
      ProcessEngine engine,
      IntakeService intake,
      RegistrationValidator validator,
      PetitionStore store,
      TestClock clock,
      JdbcClient jdbc) {
    BpmnAwareTests.init(engine);
    return new CaseDriver(engine, intake, validator, store, clock, jdbc);
  }

  @Bean
  PublicApi publicApi(TestRestTemplate rest) {
    return new PublicApi(rest);
  }

  @Bean
  StaffRest staffRest(TestRestTemplate rest) {
    return new StaffRest(rest);
  }
}
