package cn.xinfang.calendar;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * Reads and checks one {@code holidays-YYYY.yaml} file.
 *
 * <p>The file is edited by hand by an administrator every year, and a typo in it moves legal
 * deadlines, so the checks are strict and every message says where the problem is in words an
 * administrator understands: unknown keys (a misspelt {@code adjustedWorkingDay} would otherwise
 * silently drop all 调休 days), dates outside the file's year, reversed ranges, overlapping holidays,
 * a day that is both rest and work, and an "adjusted working day" that is not a weekend day (调休上班
 * is by definition a Saturday or Sunday).
 *
 * <p>{@code basis} says what the file means: {@code notice} (the default, and what every file meant
 * before the key existed) lists every rest day and adjusted working day of the year, as the State
 * Council's notice does; {@code statutory} only adds to the holidays the law itself gives ({@link
 * StatutoryHolidays}), e.g. the notice's 调休 days when an administrator has not copied the whole
 * notice. A file on the law's basis may repeat statutory days in its holidays, but may not make a
 * statutory day an adjusted working day, and is refused for a year whose statutory holidays are not
 * computed.
 *
 * <p>Dates are read as text and parsed here with the strict ISO format rather than by Jackson's
 * date support, so that {@code 20260101} or {@code 2026-02-30} are rejected with a plain message
 * instead of being read as an epoch-day number or a Jackson stack of class names.
 */
final class HolidayFileParser {

  /** {@code holidays-2026.yaml}: the year in the name must match the {@code year:} inside. */
  static final Pattern FILE_NAME = Pattern.compile("holidays-(\\d{4})\\.yaml");

  /** {@code basis: notice}, the default: the file is the State Council's whole arrangement. */
  static final String BASIS_NOTICE = "notice";

  /** {@code basis: statutory}: the file adds to the holidays of the law. */
  static final String BASIS_STATUTORY = "statutory";

  private static final String ALLOWED_KEYS = "year, basis, holidays, adjustedWorkingDays";

  private final ObjectMapper yaml =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT) // "year: 2026.5" is a typo, not 2026
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /**
   * The file as written; everything nullable so that a missing key gets our message, not Jackson's.
   */
  record RawFile(
      Integer year, String basis, List<RawHoliday> holidays, List<String> adjustedWorkingDays) {}

  record RawHoliday(String name, String from, String to) {}

  HolidayYear parse(Resource resource) {
    String file = describe(resource);
    int yearInName = yearInFileName(resource, file);
    RawFile raw = read(resource, file);
    if (raw == null) {
      throw CalendarDataException.inFile(
          file, "the file is empty; it needs at least 'year: " + yearInName + "'");
    }
    if (raw.year() == null) {
      throw CalendarDataException.inFile(file, "'year' is missing; add 'year: " + yearInName + "'");
    }
    int year = raw.year();
    if (year != yearInName) {
      throw CalendarDataException.inFile(
          file, "the file name says " + yearInName + " but 'year' is " + year);
    }
    HolidayYear.Basis basis = basis(file, raw.basis(), year);
    Map<LocalDate, String> statutory =
        basis == HolidayYear.Basis.STATUTORY ? StatutoryHolidays.of(year) : Map.of();

    Set<LocalDate> restDays = new TreeSet<>(statutory.keySet());
    Map<LocalDate, String> holidayOfDay = new HashMap<>();
    List<RawHoliday> holidays = raw.holidays() == null ? List.of() : raw.holidays();
    for (int i = 0; i < holidays.size(); i++) {
      RawHoliday holiday = holidays.get(i);
      String where = "holidays[" + (i + 1) + "]";
      if (holiday == null) {
        throw CalendarDataException.inFile(
            file, where + " is empty; it needs 'name', 'from' and 'to'");
      }
      if (holiday.name() == null || holiday.name().isBlank()) {
        throw CalendarDataException.inFile(file, where + " has no 'name'");
      }
      where = where + " (" + holiday.name().strip() + ")";
      LocalDate from = date(file, where + ".from", holiday.from(), year);
      LocalDate to = date(file, where + ".to", holiday.to(), year);
      if (from.isAfter(to)) {
        throw CalendarDataException.inFile(
            file, where + ": 'from' " + from + " is after 'to' " + to);
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        String other = holidayOfDay.putIfAbsent(day, holiday.name().strip());
        if (other != null) {
          throw CalendarDataException.inFile(file, where + " overlaps " + other + " on " + day);
        }
        restDays.add(day);
      }
    }

    Set<LocalDate> adjusted = new TreeSet<>();
    List<String> adjustedDays =
        raw.adjustedWorkingDays() == null ? List.of() : raw.adjustedWorkingDays();
    for (int i = 0; i < adjustedDays.size(); i++) {
      String where = "adjustedWorkingDays[" + (i + 1) + "]";
      LocalDate day = date(file, where, adjustedDays.get(i), year);
      if (!adjusted.add(day)) {
        throw CalendarDataException.inFile(file, where + ": " + day + " is listed twice");
      }
      if (holidayOfDay.containsKey(day)) {
        throw CalendarDataException.inFile(
            file,
            where
                + ": "
                + day
                + " is both a rest day of "
                + holidayOfDay.get(day)
                + " and an adjusted working day");
      }
      if (statutory.containsKey(day)) {
        throw CalendarDataException.inFile(
            file,
            where
                + ": "
                + day
                + " is "
                + statutory.get(day)
                + ", a rest day by "
                + StatutoryHolidays.LAW
                + " ('basis: statutory'), and cannot be an adjusted working day");
      }
      if (!StatutoryCalendar.isWeekend(day)) {
        throw CalendarDataException.inFile(
            file,
            where
                + ": "
                + day
                + " is a "
                + day.getDayOfWeek()
                + ", already a working day; an adjusted working day (调休上班日) is a Saturday or Sunday");
      }
    }
    return new HolidayYear(year, basis, restDays, adjusted, file);
  }

  /** {@code basis}: absent means {@code notice}, what every file meant before the key existed. */
  private static HolidayYear.Basis basis(String file, String text, int year) {
    if (text == null || text.strip().equals(BASIS_NOTICE)) {
      return HolidayYear.Basis.NOTICE;
    }
    if (!text.strip().equals(BASIS_STATUTORY)) {
      throw CalendarDataException.inFile(
          file,
          "'basis' is '"
              + text
              + "'; write '"
              + BASIS_NOTICE
              + "' (the file lists every rest day and adjusted working day, as the State"
              + " Council's notice does; the default) or '"
              + BASIS_STATUTORY
              + "' (the file adds to the holidays of "
              + StatutoryHolidays.LAW
              + ")");
    }
    if (!StatutoryHolidays.covers(year)) {
      throw CalendarDataException.inFile(
          file,
          "'basis: "
              + BASIS_STATUTORY
              + "': the statutory holidays are computed for "
              + StatutoryHolidays.FIRST_YEAR
              + "–"
              + StatutoryHolidays.LAST_YEAR
              + " only, not "
              + year
              + "; list every rest day of the year and remove 'basis'");
    }
    return HolidayYear.Basis.STATUTORY;
  }

  private RawFile read(Resource resource, String file) {
    try (InputStream in = resource.getInputStream();
        JsonParser parser = yaml.createParser(in)) {
      // An empty file (or one with only comments) has no first token; Jackson would call that a
      // type mismatch.
      return parser.nextToken() == null ? null : yaml.readValue(parser, RawFile.class);
    } catch (UnrecognizedPropertyException e) {
      String parent = path(e).replaceAll("\\.?" + Pattern.quote(e.getPropertyName()) + "$", "");
      String allowed = e.getReferringClass() == RawHoliday.class ? "name, from, to" : ALLOWED_KEYS;
      throw CalendarDataException.inFile(
          file,
          "unknown key '"
              + e.getPropertyName()
              + "'"
              + (parent.isEmpty() ? "" : " in " + parent)
              + at(e.getLocation())
              + "; allowed keys are: "
              + allowed,
          e);
    } catch (MismatchedInputException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
        throw CalendarDataException.inFile(
            file,
            "more than one YAML document"
                + at(e.getLocation())
                + "; remove the '---' line, one file holds one year",
            e);
      }
      throw CalendarDataException.inFile(
          file,
          "wrong kind of value"
              + (path(e).isEmpty() ? "" : " at " + path(e))
              + at(e.getLocation())
              + "; expected "
              + expected(e.getTargetType()),
          e);
    } catch (JsonProcessingException e) {
      // SnakeYAML's messages already point at line and column; others (duplicate keys) need ours.
      String message = e.getOriginalMessage().strip();
      throw CalendarDataException.inFile(
          file,
          "not valid YAML"
              + (message.contains(" line ") ? "" : at(e.getLocation()))
              + ": "
              + message,
          e);
    } catch (IOException e) {
      throw new CalendarDataException(
          "Holiday calendar file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Strict ISO date (YYYY-MM-DD, real day of month) inside {@code year}. */
  private static LocalDate date(String file, String where, String text, int year) {
    if (text == null || text.isBlank()) {
      throw CalendarDataException.inFile(
          file, where + " is missing; write a date like " + year + "-01-01");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw CalendarDataException.inFile(
          file,
          where + ": '" + text + "' is not a date; write YYYY-MM-DD, e.g. " + year + "-01-01",
          e);
    }
    if (date.getYear() != year) {
      throw CalendarDataException.inFile(
          file, where + ": " + date + " is not in " + year + "; each year has its own file");
    }
    return date;
  }

  private static int yearInFileName(Resource resource, String file) {
    String name = resource.getFilename();
    Matcher m = name == null ? null : FILE_NAME.matcher(name);
    if (m == null || !m.matches()) {
      throw CalendarDataException.inFile(
          file, "the file name must be holidays-YYYY.yaml, e.g. holidays-2026.yaml");
    }
    return Integer.parseInt(m.group(1));
  }

  /** A plain file path where there is one, else the URL (e.g. inside a jar). */
  static String describe(Resource resource) {
    try {
      if (resource.isFile()) {
        return resource.getFile().getPath();
      }
      return resource.getURL().toString();
    } catch (IOException e) {
      return resource.getDescription();
    }
  }

  /** "holidays[2].from" (1-based, like an administrator counts) from Jackson's reference path. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex() + 1).append(']');
      }
    }
    return path.toString();
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1
        ? ""
        : " (line " + location.getLineNr() + ")";
  }

  private static String expected(Class<?> type) {
    if (type == RawFile.class) {
      return "keys " + ALLOWED_KEYS;
    }
    if (type == RawHoliday.class) {
      return "a holiday with name, from and to";
    }
    if (type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type != null && List.class.isAssignableFrom(type)) {
      return "a list (lines starting with '- ')";
    }
    return "a single value";
  }
}
