package cn.xinfang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The holidays of 《全国年节及纪念日放假办法》 computed for a year without the State Council's notice, against
 * the published dates of every year 2000–2100 ({@code reference-dates.csv}).
 */
class StatutoryHolidaysTest {

  /** One line of reference-dates.csv. */
  record Reference(
      int year,
      LocalDate springFestival,
      LocalDate qingming,
      LocalDate dragonBoat,
      LocalDate midAutumn) {}

  private static final Map<Integer, Reference> REFERENCE = new LinkedHashMap<>();

  @BeforeAll
  static void readReferenceDates() throws IOException {
    try (InputStream in = StatutoryHolidaysTest.class.getResourceAsStream("reference-dates.csv")) {
      assertThat(in).as("reference-dates.csv on the test class path").isNotNull();
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#") && !l.isBlank() && !l.startsWith("year,"))
              .toList();
      for (String line : lines) {
        String[] f = line.split(",");
        Reference r =
            new Reference(
                Integer.parseInt(f[0]),
                LocalDate.parse(f[1]),
                LocalDate.parse(f[2]),
                LocalDate.parse(f[3]),
                LocalDate.parse(f[4]));
        REFERENCE.put(r.year(), r);
      }
    }
    assertThat(REFERENCE.keySet())
        .containsExactlyElementsOf(IntStream.rangeClosed(2000, 2100).boxed().toList());
  }

  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  // ------------------------------------------------------------------------------- 清明

  @Test
  void qingmingIsThePublishedDayInEveryYearFrom2000To2100() {
    Map<Integer, LocalDate> computed = new TreeMap<>();
    Map<Integer, LocalDate> published = new TreeMap<>();
    REFERENCE.forEach(
        (year, r) -> {
          computed.put(year, SolarTerms.qingming(year));
          published.put(year, r.qingming());
        });
    assertThat(computed).isEqualTo(published);
  }

  @Test
  void qingmingIsTheFourthOrFifthOfAprilThroughout2000To2100() {
    // The 6th of April last happened in 1943; from 2000 to 2100 the day is the 4th or the 5th.
    assertThat(REFERENCE.values())
        .extracting(r -> MonthDay.from(r.qingming()))
        .containsOnly(MonthDay.of(Month.APRIL, 4), MonthDay.of(Month.APRIL, 5));
    assertThat(SolarTerms.qingming(2026)).isEqualTo(d("2026-04-05"));
    assertThat(SolarTerms.qingming(2027)).isEqualTo(d("2027-04-05"));
    assertThat(SolarTerms.qingming(2028)).isEqualTo(d("2028-04-04"));
  }

  @Test
  void sunsApparentLongitudeMatchesMeeusWorkedExample() {
    // Astronomical Algorithms, Example 25.a: 1992 October 13.0 TD, λ = 199.90895° (low accuracy).
    assertThat(SolarTerms.apparentLongitude(2448908.5)).isCloseTo(199.90895, within(0.00002));
  }

  @Test
  void solarTermsOutsideTheCheckedYearsAreRefused() {
    assertThatThrownBy(() -> SolarTerms.qingming(1999))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2000–2100");
    assertThatThrownBy(() -> SolarTerms.qingming(2101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ------------------------------------------------------------------------------- lunar dates

  @Test
  void lunarHolidaysAreThePublishedDaysInEveryYearFrom2000To2100() {
    Map<Integer, List<LocalDate>> computed = new TreeMap<>();
    Map<Integer, List<LocalDate>> published = new TreeMap<>();
    REFERENCE.forEach(
        (year, r) -> {
          computed.put(
              year,
              List.of(
                  StatutoryHolidays.lunarNewYear(year),
                  StatutoryHolidays.lunarDate(year, 5, 5),
                  StatutoryHolidays.lunarDate(year, 8, 15)));
          published.put(year, List.of(r.springFestival(), r.dragonBoat(), r.midAutumn()));
        });
    assertThat(computed).isEqualTo(published);
  }

  @Test
  void springFestival2027And2028() {
    assertThat(StatutoryHolidays.lunarNewYear(2027)).isEqualTo(d("2027-02-06"));
    assertThat(StatutoryHolidays.of(2027)).containsEntry(d("2027-02-05"), "春节"); // 除夕
    assertThat(StatutoryHolidays.lunarNewYear(2028)).isEqualTo(d("2028-01-26"));
    assertThat(StatutoryHolidays.of(2028))
        .containsEntry(d("2028-01-25"), "春节")
        .containsEntry(d("2028-01-28"), "春节")
        .doesNotContainKey(d("2028-01-29"));
  }

  @Test
  void icuIsCorrectedExactlyWhereItDiffersFromThePublishedCalendar() {
    // If this fails after an upgrade of ICU4J because ICU now agrees with the published calendar,
    // remove the year from StatutoryHolidays.NEW_YEAR_CORRECTIONS.
    Map<Integer, LocalDate> icuDiffers = new TreeMap<>();
    for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
      LocalDate icu = StatutoryHolidays.icuLunarDate(year, 1, 1);
      LocalDate published = REFERENCE.get(year).springFestival();
      if (!icu.equals(published)) {
        assertThat(Math.abs(icu.toEpochDay() - published.toEpochDay())).isEqualTo(1);
        icuDiffers.put(year, published);
      }
    }
    assertThat(icuDiffers).isEqualTo(new TreeMap<>(StatutoryHolidays.NEW_YEAR_CORRECTIONS));
  }

  // ------------------------------------------------------------------------------- the law

  @Test
  void the2027HolidaysOfTheLaw() {
    SortedMap<LocalDate, String> expected = new TreeMap<>();
    expected.put(d("2027-01-01"), "元旦");
    for (String day : List.of("2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08")) {
      expected.put(d(day), "春节");
    }
    expected.put(d("2027-04-05"), "清明节");
    expected.put(d("2027-05-01"), "劳动节");
    expected.put(d("2027-05-02"), "劳动节");
    expected.put(d("2027-06-09"), "端午节");
    expected.put(d("2027-09-15"), "中秋节");
    expected.put(d("2027-10-01"), "国庆节");
    expected.put(d("2027-10-02"), "国庆节");
    expected.put(d("2027-10-03"), "国庆节");

    assertThat(StatutoryHolidays.of(2027)).containsExactlyEntriesOf(expected);
  }

  @Test
  void twoHolidaysOnOneDayAreOneRestDay() {
    // 中秋 2028 is 3 October, the third day of 国庆.
    SortedMap<LocalDate, String> y2028 = StatutoryHolidays.of(2028);
    assertThat(y2028).containsEntry(d("2028-10-03"), "中秋节、国庆节").hasSize(12);
  }

  @Test
  void everyCoveredYearHasThirteenRestDaysLessCoincidences() {
    for (int year = StatutoryHolidays.FIRST_YEAR; year <= StatutoryHolidays.LAST_YEAR; year++) {
      SortedMap<LocalDate, String> days = StatutoryHolidays.of(year);
      long shared = days.values().stream().filter(n -> n.contains("、")).count();
      assertThat(days).as("%s", year).hasSize(13 - (int) shared);
      final int y = year;
      assertThat(days.keySet()).allSatisfy(day -> assertThat(day.getYear()).isEqualTo(y));
      LocalDate eve =
          days.entrySet().stream()
              .filter(e -> e.getValue().equals("春节"))
              .findFirst()
              .orElseThrow()
              .getKey();
      assertThat(eve.plusDays(1)).isEqualTo(REFERENCE.get(year).springFestival());
    }
  }

  @Test
  void computed2026IsPartOfTheStateCouncilsArrangement() {
    HolidayYear notice =
        HolidayFiles.load(null).stream().filter(y -> y.year() == 2026).findFirst().orElseThrow();
    assertThat(notice.basis()).isEqualTo(HolidayYear.Basis.NOTICE);
    assertThat(notice.restDays()).containsAll(StatutoryHolidays.of(2026).keySet());
    assertThat(StatutoryHolidays.of(2026).keySet())
        .extracting(LocalDate::toString)
        .containsExactly(
            "2026-01-01",
            "2026-02-16",
            "2026-02-17",
            "2026-02-18",
            "2026-02-19",
            "2026-04-05",
            "2026-05-01",
            "2026-05-02",
            "2026-06-19",
            "2026-09-25",
            "2026-10-01",
            "2026-10-02",
            "2026-10-03");
  }

  @Test
  void yearsBeforeTheAmendmentOrAfter2100AreNotComputed() {
    assertThat(StatutoryHolidays.covers(2024)).isFalse();
    assertThat(StatutoryHolidays.covers(2025)).isTrue();
    assertThat(StatutoryHolidays.covers(2100)).isTrue();
    assertThat(StatutoryHolidays.covers(2101)).isFalse();
    assertThatThrownBy(() -> StatutoryHolidays.of(2024))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025–2100");
  }
}
