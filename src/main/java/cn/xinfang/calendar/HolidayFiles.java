package cn.xinfang.calendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Finds and reads every holiday file, one per year.
 *
 * <p>The files shipped in the jar ({@value #CLASSPATH_PATTERN}) cover the years known at release.
 * The State Council publishes next year's arrangement each November, so an administrator can drop a
 * newer or corrected {@code holidays-YYYY.yaml} into the directory named by {@code
 * petition.calendar.directory} without a new release; a file there replaces the shipped file of the
 * same year. A directory that is configured but missing is an error rather than "no overrides": it
 * usually means a mount failed, and then the shipped data would be used silently.
 *
 * <p>A year without any file is not an error: {@link StatutoryCalendar} computes the law's holidays
 * for it. A file on the notice's basis that leaves out a day the law makes a rest day is loaded as
 * written, with a WARN naming the days, since the notice never takes a statutory holiday away and
 * the omission is most likely a typo (or a file meant to be on the law's basis).
 */
final class HolidayFiles {

  static final String CLASSPATH_PATTERN = "classpath*:calendar/holidays-*.yaml";
  static final String FILE_PATTERN = "holidays-*.yaml";

  private static final Logger log = LoggerFactory.getLogger(HolidayFiles.class);

  private HolidayFiles() {}

  /**
   * Loads the shipped files and, if {@code directory} is not blank, the administrator's files
   * there.
   */
  static Collection<HolidayYear> load(String directory) {
    return load(new PathMatchingResourcePatternResolver(), directory);
  }

  static Collection<HolidayYear> load(ResourcePatternResolver resolver, String directory) {
    HolidayFileParser parser = new HolidayFileParser();
    Map<Integer, HolidayYear> years = new TreeMap<>();
    for (Resource resource : find(resolver, CLASSPATH_PATTERN, "the class path")) {
      HolidayYear year = parser.parse(resource);
      HolidayYear other = years.putIfAbsent(year.year(), year);
      if (other != null) {
        throw new CalendarDataException(
            "Two holiday calendar files for "
                + year.year()
                + " on the class path: "
                + other.source()
                + " and "
                + year.source()
                + "; keep one");
      }
    }
    if (directory != null && !directory.isBlank()) {
      Path dir = Path.of(directory.strip()).toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new CalendarDataException(
            "Holiday calendar directory "
                + dir
                + " (petition.calendar.directory) does not exist or is not a directory");
      }
      String pattern = dir.toUri().toString();
      pattern = (pattern.endsWith("/") ? pattern : pattern + "/") + FILE_PATTERN;
      for (Resource resource : find(resolver, pattern, dir.toString())) {
        HolidayYear year = parser.parse(resource);
        HolidayYear replaced = years.put(year.year(), year);
        if (replaced != null) {
          log.info(
              "Holidays for {} from {} replace {}", year.year(), year.source(), replaced.source());
        }
      }
    }
    for (HolidayYear y : years.values()) {
      log.info(
          "Holidays for {}: {} rest days, {} adjusted working days, from {} (basis: {})",
          y.year(),
          y.restDays().size(),
          y.adjustedWorkingDays().size(),
          y.source(),
          y.basis() == HolidayYear.Basis.NOTICE
              ? HolidayFileParser.BASIS_NOTICE
              : HolidayFileParser.BASIS_STATUTORY
                  + ", with the holidays of "
                  + StatutoryHolidays.LAW);
      warnOfMissingStatutoryDays(y);
    }
    return years.values();
  }

  /**
   * A notice never makes a statutory holiday a working day; a file that does is most likely wrong.
   */
  private static void warnOfMissingStatutoryDays(HolidayYear year) {
    if (year.basis() != HolidayYear.Basis.NOTICE || !StatutoryHolidays.covers(year.year())) {
      return;
    }
    Map<LocalDate, String> missing = new TreeMap<>(StatutoryHolidays.of(year.year()));
    missing.keySet().removeAll(year.restDays());
    if (!missing.isEmpty()) {
      log.warn(
          "Holiday calendar file {} does not list these rest days of {}: {}. Deadlines will count"
              + " them as working days. If the file is meant to add only the State Council's 调休 to"
              + " those holidays, write 'basis: {}' in it.",
          year.source(),
          StatutoryHolidays.LAW,
          missing,
          HolidayFileParser.BASIS_STATUTORY);
    }
  }

  private static Resource[] find(ResourcePatternResolver resolver, String pattern, String where) {
    try {
      return resolver.getResources(pattern);
    } catch (IOException e) {
      throw new CalendarDataException(
          "Cannot list holiday calendar files in " + where + ": " + e.getMessage(), e);
    }
  }
}
