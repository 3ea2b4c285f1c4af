package cn.xinfang.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a random port with a private in-memory H2 database and the demo users.
 * Every test class with exactly this annotation shares one Spring context (and so one engine). The
 * job executor is off: tests run timers themselves ({@code execute(job())}), so a timer that is
 * already due because a test pinned the {@link TestClock} in the past never fires behind its back;
 * the clock is reset after each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:xinfang-it;DB_CLOSE_DELAY=-1",
      "petition.demo-data=true",
      "camunda.bpm.job-execution.enabled=false",
      // and the overdue watch only when a test runs it (OverdueWatch.run())
      "petition.supervision.watch-interval=PT100000H",
      // the warning scan too (WarningScan.run())
      "petition.warnings.scan-interval=PT100000H",
      // tests look up unknown codes on purpose; RateLimitIT checks the limit itself
      "petition.intake.lookup-misses-per-minute=10000",
      // tests upload many attachments from one address; the red team checks the upload limit
      "petition.attachments.uploads-per-minute=10000",
      // Spring Boot's tests export no metrics unless asked; OperationsIT reads /actuator/prometheus
      "management.prometheus.metrics.export.enabled=true"
    })
@Import(ApplicationTestConfiguration.class)
@ExtendWith(ResetClockExtension.class)
public @interface ApplicationIT {}
