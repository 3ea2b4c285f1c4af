package cn.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** Finding, replacing and rejecting holiday files. */
class HolidayFilesTest {

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name), yaml);
  }

  @Test
  void shippedFileHoldsTheStateCouncilArrangementFor2026() {
    Collection<HolidayYear> years = HolidayFiles.load(null);

    assertThat(years).extracting(HolidayYear::year).contains(2026);
    HolidayYear y2026 = years.stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
    assertThat(y2026.restDays())
        .hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7)
        .contains(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-10-07"));
    assertThat(y2026.adjustedWorkingDays())
        .extracting(LocalDate::toString)
        .containsExactly(
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    assertThat(y2026.source()).endsWith("holidays-2026.yaml");
  }

  @Test
  void fileInTheDirectoryReplacesTheShippedFileOfTheSameYear() throws IOException {
    write(
        "holidays-2026.yaml",
        """
                year: 2026
                holidays:
                  - name: 测试假日
                    from: 2026-03-10
                    to: 2026-03-10
                """);
    StatutoryCalendar calendar = new StatutoryCalendar(HolidayFiles.load(dir.toString()));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-10"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05")))
        .isTrue(); // 国庆 no longer listed
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isFalse(); // nor its 调休
  }

  @Test
  void fileWithBasisNoticeMeansWhatAFileWithoutBasisMeans() throws IOException {
    write(
        "holidays-2026.yaml",
        """
                year: 2026
                basis: notice
                holidays:
                  - name: 测试假日
                    from: 2026-03-10
                    to: 2026-03-10
                """);
    HolidayYear y2026 = only(2026, HolidayFiles.load(dir.toString()));

    assertThat(y2026.basis()).isEqualTo(HolidayYear.Basis.NOTICE);
    assertThat(y2026.restDays()).containsExactly(LocalDate.parse("2026-03-10"));
  }

  @Test
  void noticeFileThatLeavesOutStatutoryDaysIsLoadedAsWrittenWithAWarning() throws IOException {
    write("holidays-2027.yaml", "year: 2027\n");
    List<HolidayYear> loaded = new ArrayList<>();
    List<String> warnings =
        warningsOf(HolidayFiles.class, () -> loaded.addAll(HolidayFiles.load(dir.toString())));

    assertThat(only(2027, loaded).restDays()).isEmpty(); // as written: weekends only
    assertThat(warnings)
        .singleElement()
        .asString()
        .contains("holidays-2027.yaml")
        .contains("2027-01-01=元旦")
        .contains("2027-10-03=国庆节")
        .contains("basis: statutory");
  }

  @Test
  void shippedFilesHoldEveryStatutoryDayAndDoNotWarn() {
    assertThat(warningsOf(HolidayFiles.class, () -> HolidayFiles.load(null))).isEmpty();
  }

  @Test
  void fileOnTheLawsBasisAddsTheNoticesDaysToTheComputedHolidays() throws IOException {
    write(
        "holidays-2027.yaml",
        """
                year: 2027
                basis: statutory
                holidays:
                  - name: 春节
                    from: 2027-02-05
                    to: 2027-02-11
                  - name: 劳动节
                    from: 2027-05-03
                    to: 2027-05-05
                adjustedWorkingDays:
                  - 2027-02-20   # Saturday
                  - 2027-04-25   # Sunday
                """);
    Collection<HolidayYear> years = HolidayFiles.load(dir.toString());
    HolidayYear y2027 = only(2027, years);
    assertThat(y2027.basis()).isEqualTo(HolidayYear.Basis.STATUTORY);
    assertThat(y2027.source()).endsWith("holidays-2027.yaml");
    // 13 statutory days + 02-09, 02-10, 02-11 + 05-03, 05-04, 05-05
    assertThat(y2027.restDays()).hasSize(19);

    StatutoryCalendar calendar = new StatutoryCalendar(years);
    List<String> warnings =
        warningsOf(
            StatutoryCalendar.class,
            () -> {
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse(); // law
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-08"))).isFalse(); // both
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-10"))).isFalse(); // file
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-12"))).isTrue();
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-02-20"))).isTrue(); // 调休
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-04-25"))).isTrue(); // 调休
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-05-04"))).isFalse(); // file
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-09-15"))).isFalse(); // law
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-01"))).isFalse(); // law
              assertThat(calendar.isWorkingDay(LocalDate.parse("2027-10-04"))).isTrue();
            });
    assertThat(calendar.computedYears()).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void fileOnTheLawsBasisMayBeJustTheYear() throws IOException {
    write("holidays-2027.yaml", "year: 2027\nbasis: statutory\n");
    HolidayYear y2027 = only(2027, HolidayFiles.load(dir.toString()));
    assertThat(y2027.restDays()).isEqualTo(StatutoryHolidays.of(2027).keySet());
    assertThat(y2027.adjustedWorkingDays()).isEmpty();
  }

  @Test
  void fileOnTheLawsBasisOutsideTheComputedYearsIsRefused() throws IOException {
    Path file = write("holidays-2024.yaml", "year: 2024\nbasis: statutory\n");
    assertThatThrownBy(() -> HolidayFiles.load(dir.toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("computed for 2025–2100 only, not 2024")
        .hasMessageContaining("remove 'basis'");
  }

  @Test
  void fileInTheDirectoryAddsAYear() throws IOException {
    write(
        "holidays-2027.yaml",
        """
                year: 2027
                holidays:
                  - name: 元旦
                    from: 2027-01-01
                    to: 2027-01-03
                adjustedWorkingDays: []
                """);
    StatutoryCalendar calendar = new StatutoryCalendar(HolidayFiles.load(dir.toString()));

    assertThat(calendar.isWorkingDay(LocalDate.parse("2027-01-01"))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05")))
        .isFalse(); // shipped 2026 still there
  }

  @Test
  void directoryWithASpaceInItsPathIsRead() throws IOException {
    Path spaced = Files.createDirectory(dir.resolve("节假日 数据"));
    Files.writeString(spaced.resolve("holidays-2027.yaml"), "year: 2027\n");
    assertThat(HolidayFiles.load(spaced.toString()))
        .extracting(HolidayYear::year)
        .contains(2026, 2027);
  }

  @Test
  void otherFilesInTheDirectoryAreIgnored() throws IOException {
    write("README.txt", "not yaml");
    write("holidays-2026.yaml.bak", "broken: [");
    assertThat(HolidayFiles.load(dir.toString()))
        .extracting(HolidayYear::year)
        .containsExactly(2026);
  }

  @Test
  void blankDirectoryMeansShippedFilesOnly() {
    assertThat(HolidayFiles.load("  ")).extracting(HolidayYear::year).containsExactly(2026);
  }

  @Test
  void configuredDirectoryThatDoesNotExistStopsStartUp() {
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> HolidayFiles.load(missing.toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }

  @Test
  void fileNameThatIsNotHolidaysYearIsRejected() throws IOException {
    write("holidays-2026-draft.yaml", "year: 2026\n");
    assertThatThrownBy(() -> HolidayFiles.load(dir.toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining("holidays-2026-draft.yaml")
        .hasMessageContaining("holidays-YYYY.yaml");
  }

  private static HolidayYear only(int year, Collection<HolidayYear> years) {
    return years.stream().filter(y -> y.year() == year).findFirst().orElseThrow();
  }

  /** The WARN messages {@code logger} writes while {@code action} runs. */
  private static List<String> warningsOf(Class<?> logger, Runnable action) {
    Logger log = (Logger) LoggerFactory.getLogger(logger);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    log.addAppender(appender);
    try {
      action.run();
    } finally {
      log.detachAppender(appender);
    }
    return appender.list.stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  static Stream<Arguments> malformedFiles() {
    return Stream.of(
        Arguments.of("empty file", "", "empty"),
        Arguments.of("comments only", "# 2026\n", "empty"),
        Arguments.of("year missing", "holidays: []\n", "'year' is missing"),
        Arguments.of(
            "year differs from the file name",
            "year: 2025\n",
            "file name says 2026 but 'year' is 2025"),
        Arguments.of("year not a number", "year: 二〇二六\n", "expected a whole number"),
        Arguments.of("year with a fraction", "year: 2026.5\n", "expected a whole number"),
        Arguments.of(
            "year given twice", "year: 2026\nyear: 2026\n", "(line 2): Duplicate field 'year'"),
        Arguments.of(
            "unknown top-level key",
            "year: 2026\nadjustedWorkingDay:\n  - 2026-01-04\n",
            "unknown key 'adjustedWorkingDay'"),
        Arguments.of(
            "unknown top-level key: the allowed keys are named",
            "year: 2026\nbase: statutory\n",
            "allowed keys are: year, basis, holidays, adjustedWorkingDays"),
        Arguments.of(
            "unknown basis",
            "year: 2026\nbasis: partial\n",
            "'basis' is 'partial'; write 'notice'"),
        Arguments.of(
            "basis in capitals", "year: 2026\nbasis: Statutory\n", "'basis' is 'Statutory'"),
        Arguments.of(
            "basis as a list", "year: 2026\nbasis: [statutory]\n", "wrong kind of value at basis"),
        Arguments.of(
            "statutory holiday as an adjusted working day",
            """
                        year: 2026
                        basis: statutory
                        adjustedWorkingDays:
                          - 2026-10-03
                        """,
            "adjustedWorkingDays[1]: 2026-10-03 is 国庆节, a rest day by 全国年节及纪念日放假办法"
                + " ('basis: statutory'), and cannot be an adjusted working day"),
        Arguments.of(
            "file holiday as an adjusted working day, on the law's basis",
            """
                        year: 2026
                        basis: statutory
                        holidays:
                          - name: 国庆节
                            from: 2026-10-04
                            to: 2026-10-07
                        adjustedWorkingDays:
                          - 2026-10-04
                        """,
            "2026-10-04 is both a rest day of 国庆节 and an adjusted working day"),
        Arguments.of(
            "overlapping holidays, on the law's basis",
            """
                        year: 2026
                        basis: statutory
                        holidays:
                          - name: 中秋节
                            from: 2026-09-25
                            to: 2026-10-01
                          - name: 国庆节
                            from: 2026-10-01
                            to: 2026-10-07
                        """,
            "holidays[2] (国庆节) overlaps 中秋节 on 2026-10-01"),
        Arguments.of(
            "unknown key in a holiday",
            """
                        year: 2026
                        holidays:
                          - name: 元旦
                            start: 2026-01-01
                            to: 2026-01-03
                        """,
            "unknown key 'start' in holidays[1]"),
        Arguments.of(
            "holiday without name",
            """
                        year: 2026
                        holidays:
                          - from: 2026-01-01
                            to: 2026-01-03
                        """,
            "holidays[1] has no 'name'"),
        Arguments.of(
            "holiday without end",
            """
                        year: 2026
                        holidays:
                          - name: 元旦
                            from: 2026-01-01
                        """,
            "holidays[1] (元旦).to is missing"),
        Arguments.of(
            "not a date",
            """
                        year: 2026
                        holidays:
                          - name: 春节
                            from: 2026-02-15
                            to: 二月二十三
                        """,
            "'二月二十三' is not a date"),
        Arguments.of(
            "impossible date",
            """
                        year: 2026
                        holidays:
                          - name: 春节
                            from: 2026-02-15
                            to: 2026-02-30
                        """,
            "'2026-02-30' is not a date"),
        Arguments.of(
            "date as a bare number",
            "year: 2026\nadjustedWorkingDays:\n  - 20260104\n",
            "'20260104' is not a date"),
        Arguments.of(
            "from after to",
            """
                        year: 2026
                        holidays:
                          - name: 国庆节
                            from: 2026-10-07
                            to: 2026-10-01
                        """,
            "'from' 2026-10-07 is after 'to' 2026-10-01"),
        Arguments.of(
            "date in another year",
            """
                        year: 2026
                        holidays:
                          - name: 元旦
                            from: 2025-12-31
                            to: 2026-01-01
                        """,
            "2025-12-31 is not in 2026"),
        Arguments.of(
            "adjusted working day in another year",
            "year: 2026\nadjustedWorkingDays:\n  - 2027-01-02\n",
            "2027-01-02 is not in 2026"),
        Arguments.of(
            "day both rest and adjusted working day",
            """
                        year: 2026
                        holidays:
                          - name: 国庆节
                            from: 2026-10-01
                            to: 2026-10-07
                        adjustedWorkingDays:
                          - 2026-10-03
                        """,
            "2026-10-03 is both a rest day of 国庆节 and an adjusted working day"),
        Arguments.of(
            "adjusted working day on a weekday",
            "year: 2026\nadjustedWorkingDays:\n  - 2026-10-09\n",
            "2026-10-09 is a FRIDAY, already a working day"),
        Arguments.of(
            "adjusted working day twice",
            "year: 2026\nadjustedWorkingDays:\n  - 2026-10-10\n  - 2026-10-10\n",
            "2026-10-10 is listed twice"),
        Arguments.of(
            "overlapping holidays",
            """
                        year: 2026
                        holidays:
                          - name: 中秋节
                            from: 2026-09-25
                            to: 2026-10-01
                          - name: 国庆节
                            from: 2026-10-01
                            to: 2026-10-07
                        """,
            "holidays[2] (国庆节) overlaps 中秋节 on 2026-10-01"),
        Arguments.of(
            "holidays not a list", "year: 2026\nholidays: 元旦\n", "wrong kind of value at holidays"),
        Arguments.of("broken YAML", "year: 2026\nholidays: [\n", "not valid YAML"),
        Arguments.of("tab indentation", "year: 2026\nholidays:\n\t- name: 元旦\n", "not valid YAML"),
        Arguments.of(
            "two YAML documents", "year: 2026\n---\nyear: 2026\n", "more than one YAML document"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedFiles")
  void malformedFileStopsStartUpNamingFileAndProblem(String what, String yaml, String problem)
      throws IOException {
    Path file = write("holidays-2026.yaml", yaml);
    assertThatThrownBy(() -> HolidayFiles.load(dir.toString()))
        .isInstanceOf(CalendarDataException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(problem);
  }
}
