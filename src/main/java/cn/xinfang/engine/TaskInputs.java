package cn.xinfang.engine;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.web.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Checks the variables a user task is completed with, from a Camunda Form or from /engine-rest. */
public final class TaskInputs {

  private final Function<String, Object> scope;

  public TaskInputs(VariableScope scope) {
    this.scope = scope::getVariable;
  }

  /** The same checks over values that do not come from a task (a staff API request's body). */
  public TaskInputs(Function<String, Object> values) {
    this.scope = values;
  }

  public <E extends Enum<E>> E requireEnum(String name, Class<E> type, String label) {
    Object value = scope.apply(name);
    String allowed =
        String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    if (!(value instanceof String text)) {
      throw invalid(name, "请填写" + label + "（" + name + "），取值为 " + allowed + " 之一");
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw invalid(name, label + "（" + name + "）取值无效：" + text + "；应为 " + allowed + " 之一");
    }
  }

  public boolean requireBoolean(String name, String label) {
    Object value = scope.apply(name);
    if (!(value instanceof Boolean b)) {
      throw invalid(name, "请选择" + label + "（" + name + "，布尔值 true/false）");
    }
    return b;
  }

  /**
   * A yes/no decision made explicitly: a Boolean from a REST client, or "true"/"false" from a
   * form's radio choice (form-js sends its values as text); nothing chosen is refused.
   */
  public boolean requireChoice(String name, String label) {
    Object value = scope.apply(name);
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean((String) value);
    }
    throw invalid(name, "请选择" + label + "（" + name + "）");
  }

  public boolean optionalBoolean(String name, String label) {
    return scope.apply(name) == null ? false : requireBoolean(name, label);
  }

  public String optionalText(String name, String label, int maxLength) {
    Object value = scope.apply(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > maxLength) {
      throw invalid(name, label + "（" + name + "）应为不超过 " + maxLength + " 个字符的文本");
    }
    return text.isBlank() ? null : text.strip();
  }

  public String requireText(String name, String label, int maxLength) {
    String text = optionalText(name, label, maxLength);
    if (text == null) {
      throw invalid(name, "请填写" + label + "（" + name + "）");
    }
    return text;
  }

  /**
   * A whole number in [min, max]; form-js and REST clients may send it as Long, Integer or Double.
   */
  public long requireWholeNumber(String name, String label, long min, long max) {
    Object value = scope.apply(name);
    if (!(value instanceof Number n)
        || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < min
        || n.doubleValue() > max) {
      throw invalid(name, "请填写" + label + "（" + name + "），应为 " + min + " 至 " + max + " 之间的整数");
    }
    return n.longValue();
  }

  /** A calendar day as form-js's date picker sends it (ISO yyyy-MM-dd). */
  public LocalDate requireDate(String name, String label) {
    Object value = scope.apply(name);
    if (value instanceof String text && !text.isBlank()) {
      try {
        return LocalDate.parse(text.strip());
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw invalid(name, "请填写" + label + "（" + name + "），格式为 yyyy-MM-dd");
  }

  /**
   * A calendar day in Beijing: a date as form-js sends it (yyyy-MM-dd), an ISO date-time, or a Date
   * from a REST client.
   */
  public LocalDate requireDay(String name, String label) {
    Object value = scope.apply(name);
    if (value instanceof Date date) {
      return date.toInstant().atZone(StatutoryCalendar.ZONE).toLocalDate();
    }
    if (value instanceof String text && text.strip().length() > 10) {
      try {
        return OffsetDateTime.parse(text.strip())
            .atZoneSameInstant(StatutoryCalendar.ZONE)
            .toLocalDate();
      } catch (DateTimeParseException e) {
        throw invalid(name, "请填写" + label + "（" + name + "），格式为 yyyy-MM-dd");
      }
    }
    return requireDate(name, label);
  }

  public static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(field, message);
  }
}
