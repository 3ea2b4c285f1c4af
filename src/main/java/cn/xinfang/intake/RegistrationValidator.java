package cn.xinfang.intake;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Channel;
import cn.xinfang.casestore.NewPetition;
import cn.xinfang.casestore.Person;
import cn.xinfang.web.InvalidInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a registration request, from the API or from the clerk's start form, into a validated
 * {@link NewPetition}, or throws {@link InvalidInputException} naming the first faulty field.
 */
@Component
public class RegistrationValidator {

  private final Validator validator;
  private final Clock clock;
  private final IntakeProperties properties;

  public RegistrationValidator(Validator validator, Clock clock, IntakeProperties properties) {
    this.validator = validator;
    this.clock = clock;
    this.properties = properties;
  }

  public NewPetition validate(RegistrationRequest request, String registeredBy) {
    Set<ConstraintViolation<RegistrationRequest>> violations = validator.validate(request);
    violations.stream()
        .min(
            Comparator.comparingInt((ConstraintViolation<RegistrationRequest> v) -> rank(path(v)))
                .thenComparing(RegistrationValidator::path))
        .ifPresent(
            v -> {
              throw new InvalidInputException(path(v), v.getMessage());
            });

    Instant receivedAt = parseReceivedAt(request.receivedAt());
    List<Person> persons = new ArrayList<>();
    persons.add(person(request.petitioner(), false));
    if (request.representatives() != null) {
      request.representatives().forEach(r -> persons.add(person(r, true)));
    }
    return new NewPetition(
        blankToNull(request.requestId()),
        Channel.valueOf(request.channel()),
        receivedAt,
        request.personCount() == null ? 1 : request.personCount(),
        request.district().strip(),
        blankToNull(request.category()),
        request.title().strip(),
        request.content().strip(),
        List.copyOf(persons),
        registeredBy);
  }

  /** ISO date or date-time; without an offset it is Beijing time; never in the future (Art. 21). */
  private Instant parseReceivedAt(String text) {
    Instant now = clock.instant();
    if (text == null || text.isBlank()) {
      return now;
    }
    Instant received;
    try {
      String value = text.strip();
      if (value.length() == 10) {
        received = LocalDate.parse(value).atStartOfDay(StatutoryCalendar.ZONE).toInstant();
      } else if (value.endsWith("Z") || value.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        received = OffsetDateTime.parse(value).toInstant();
      } else {
        received = LocalDateTime.parse(value).atZone(StatutoryCalendar.ZONE).toInstant();
      }
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "receivedAt", "收到时间格式不正确：应为 ISO 日期或日期时间，如 2026-09-20 或 2026-09-20T10:30:00+08:00");
    }
    if (received.isAfter(now.plus(properties.futureTolerance()))) {
      throw new InvalidInputException("receivedAt", "收到时间不能晚于当前时间");
    }
    return received;
  }

  private static Person person(PersonRequest p, boolean representative) {
    String id = blankToNull(p.idNumber());
    return new Person(
        p.name().strip(),
        id == null ? null : id.toUpperCase(),
        p.phone().strip(),
        p.address().strip(),
        representative);
  }

  private static String path(ConstraintViolation<?> v) {
    return v.getPropertyPath()
        .toString()
        .replace(".<list element>", "")
        .replace("<list element>", "");
  }

  private static int rank(String path) {
    String top = path.split("[.\\[]", 2)[0];
    int i = RegistrationRequest.FIELD_ORDER.indexOf(top);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
