package cn.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.xinfang.calendar.DeadlineProperties.Deadline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * {@code petition.*} as Spring Boot reads it from application.yaml, without starting the
 * application.
 */
class DeadlinePropertiesBindingTest {

  /** The petition section of application.yaml, verbatim. */
  private static final String APPLICATION_YAML =
      """
            petition:
              deadlines:
                triage: { days: 15, count: CALENDAR_DAYS }
                acceptance: { days: 15, count: CALENDAR_DAYS }
                objection: { days: 5, count: WORKING_DAYS }
                handling: { days: 60, count: CALENDAR_DAYS }
                extension: { days: 30, count: CALENDAR_DAYS }
                simple-procedure: { days: 10, count: WORKING_DAYS }
                review-request: { days: 30, count: CALENDAR_DAYS }
                review-decision: { days: 30, count: CALENDAR_DAYS }
                re-review-request: { days: 30, count: CALENDAR_DAYS }
                re-review-decision: { days: 30, count: CALENDAR_DAYS }
                evaluation: { days: 30, count: CALENDAR_DAYS }
              calendar:
                directory:            # optional
            """;

  private static List<PropertySource<?>> yaml(String yaml) throws IOException {
    return new YamlPropertySourceLoader()
        .load("application.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));
  }

  private static DeadlineProperties bind(String yaml) throws IOException {
    Binder binder = new Binder(ConfigurationPropertySources.from(yaml(yaml)));
    return binder.bindOrCreate("petition", DeadlineProperties.class);
  }

  @Test
  void applicationYamlBindsEveryClock() throws IOException {
    DeadlineProperties properties = bind(APPLICATION_YAML);

    assertThat(properties.deadlines())
        .containsOnlyKeys(
            "triage",
            "acceptance",
            "objection",
            "handling",
            "extension",
            "simple-procedure",
            "review-request",
            "review-decision",
            "re-review-request",
            "re-review-decision",
            "evaluation");
    assertThat(properties.deadlines().get("objection"))
        .isEqualTo(new Deadline(5, DayCount.WORKING_DAYS));
    assertThat(properties.deadlines().get("simple-procedure"))
        .isEqualTo(new Deadline(10, DayCount.WORKING_DAYS));
    assertThat(properties.deadlines().get("handling"))
        .isEqualTo(new Deadline(60, DayCount.CALENDAR_DAYS));
    assertThat(properties.calendar().directory()).isNullOrEmpty();
  }

  @Test
  void calendarDirectoryIsOptional() throws IOException {
    DeadlineProperties properties =
        bind("petition:\n  deadlines:\n    triage: { days: 15, count: CALENDAR_DAYS }\n");
    assertThat(properties.calendar().directory()).isNull();
  }

  @Test
  void clockWithoutCountStopsStartUp() {
    assertThatThrownBy(() -> bind("petition:\n  deadlines:\n    triage: { days: 15 }\n"))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("petition.deadlines.triage.count is missing");
  }

  @Test
  void clockWithUnknownCountStopsStartUp() {
    assertThatThrownBy(
            () -> bind("petition:\n  deadlines:\n    triage: { days: 15, count: WEEKS }\n"))
        .isInstanceOf(BindException.class)
        .hasMessageContaining("petition.deadlines.triage.count");
  }

  @Test
  void missingCalendarDirectoryFailsBeanCreation(@TempDir Path dir) throws IOException {
    DeadlineProperties properties =
        bind(
            APPLICATION_YAML.replace(
                "directory:            # optional", "directory: " + dir.resolve("gone")));
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(DeadlineProperties.class, () -> properties);
      context.register(StatutoryCalendar.class, Deadlines.class);
      assertThatThrownBy(context::refresh)
          .isInstanceOf(BeanCreationException.class)
          .rootCause()
          .isInstanceOf(CalendarDataException.class)
          .hasMessageContaining(dir.resolve("gone").toString());
    }
  }

  @Test
  void calendarConfigurationWiresTheBeansFromApplicationYaml() throws IOException {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      for (PropertySource<?> source : yaml(APPLICATION_YAML)) {
        context.getEnvironment().getPropertySources().addFirst(source);
      }
      context.register(CalendarConfiguration.class, StatutoryCalendar.class, Deadlines.class);
      context.refresh();
      assertThat(context.getBean(DeadlineProperties.class).deadlines()).hasSize(11);
      Deadlines deadlines = context.getBean("deadlines", Deadlines.class);
      assertThat(deadlines.lastDay("triage", java.time.Instant.parse("2026-09-20T02:00:00Z")))
          .isEqualTo(java.time.LocalDate.parse("2026-10-08"));
    }
  }

  @Test
  void atStartTheYearsWithoutFileThatTodaysDeadlinesReachAreComputedAndReported()
      throws IOException {
    Logger log = (Logger) LoggerFactory.getLogger(StatutoryCalendar.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      for (PropertySource<?> source : yaml(APPLICATION_YAML)) {
        context.getEnvironment().getPropertySources().addFirst(source);
      }
      // 2026-11-20 in Beijing: the 60-day handling period reaches 2027, which has no file.
      context.registerBean(
          Clock.class, () -> Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneOffset.UTC));
      context.register(CalendarConfiguration.class, StatutoryCalendar.class, Deadlines.class);
      context.refresh();

      assertThat(context.getBean(StatutoryCalendar.class).computedYears()).containsExactly(2027);
      assertThat(logged.list)
          .filteredOn(e -> e.getLevel() == Level.WARN)
          .extracting(ILoggingEvent::getFormattedMessage)
          .singleElement()
          .asString()
          .contains("No holiday calendar file for 2027")
          .contains("调休");
    } finally {
      log.detachAppender(logged);
    }
  }
}
