package cn.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
