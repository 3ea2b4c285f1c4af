package cn.xinfang.security;

import cn.xinfang.web.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The inputs of one Camunda Form: the keys of its fields that a person fills in (disabled fields
 * only show the case, and form-js never submits them), with what each may hold. A task accepts
 * exactly its form's inputs, so that a designer who adds a field to a form in Modeler adds an input
 * without a Java change, and nobody completing a task can write any other variable of the case (the
 * handling unit, the approval chain, a deadline, the registering clerk). The form's own rules for a
 * value that is given (minLength, maxLength, min, max, pattern) are the server's too, so that what
 * Tasklist refuses the server refuses, with a Chinese message, for every client; whether a field
 * must be given depends on the form's conditions and is the task listeners' to check.
 */
final class FormInputs {

  static final FormInputs NONE = new FormInputs(Map.of());

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DISPLAY_ONLY =
      Set.of(
          "text",
          "html",
          "image",
          "button",
          "spacer",
          "separator",
          "group",
          "dynamiclist",
          "iframe",
          "table",
          "documentPreview",
          "expression",
          "filepicker");

  /**
   * One input: the form-js component type, for a choice with fixed options their values, and its
   * rules.
   */
  record Field(String key, String type, Set<String> options, Rules rules) {

    boolean list() {
      return "checklist".equals(type) || "taglist".equals(type);
    }

    /**
     * A choice between "true" and "false" (an explicit yes/no with no default: form-js sends the
     * text, a REST client the Boolean of the contract; both are accepted).
     */
    boolean yesOrNo() {
      return "radio".equals(type) && Set.of("true", "false").equals(options);
    }
  }

  private final Map<String, Field> fields;

  private FormInputs(Map<String, Field> fields) {
    this.fields = fields;
  }

  static FormInputs parse(InputStream form) {
    try (form) {
      Map<String, Field> fields = new LinkedHashMap<>();
      collect(JSON.readTree(form).path("components"), fields);
      return new FormInputs(Collections.unmodifiableMap(fields));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a deployed form", e);
    }
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        collect(c.path("components"), fields);
      }
      if (DISPLAY_ONLY.contains(type)
          || !c.hasNonNull("key")
          || c.path("disabled").asBoolean(false)) {
        continue;
      }
      Set<String> options = null;
      if (c.path("values").isArray()) {
        options = new LinkedHashSet<>();
        for (JsonNode v : c.path("values")) {
          options.add(v.path("value").asText());
        }
      }
      String key = c.path("key").asText();
      fields.put(
          key,
          new Field(key, type, options, Rules.of(c.path("validate"), c.path("label").asText(key))));
    }
  }

  Set<String> keys() {
    return fields.keySet();
  }

  /**
   * Refuses, naming the variable, anything this form does not ask for or cannot hold: another name,
   * an object, JSON, XML, a file or bytes (a checklist's JSON list of its own options excepted), a
   * value of the wrong kind, or a choice outside its options.
   */
  void check(Map<String, Object> submitted, String where) {
    if (submitted == null || submitted.isEmpty()) {
      return;
    }
    VariableMap variables = Variables.fromMap(submitted);
    for (String name : variables.keySet()) {
      Field field = fields.get(name);
      if (field == null) {
        throw new InvalidInputException(
            name,
            where
                + "不接受变量 "
                + name
                + "：只能提交本表单中的字段（"
                + (fields.isEmpty() ? "无" : String.join("、", fields.keySet()))
                + "）");
      }
      checkValue(field, variables.getValueTyped(name));
    }
  }

  private static void checkValue(Field field, TypedValue typed) {
    String name = field.key();
    if (typed instanceof SerializableValue serialized) {
      if (field.list() && "json".equals(typed.getType().getName())) {
        checkList(field, serialized.getValueSerialized());
        return;
      }
      throw refusedType(name);
    }
    if (typed instanceof FileValue) {
      throw refusedType(name);
    }
    Object value = typed.getValue();
    if (value == null) {
      return;
    }
    if (field.yesOrNo() && value instanceof Boolean) {
      return;
    }
    switch (field.type()) {
      case "checkbox" -> require(value instanceof Boolean, name, "是/否（布尔值 true/false）");
      case "number" -> {
        require(value instanceof Number, name, "数字");
        field.rules().checkNumber(name, ((Number) value).doubleValue());
      }
      case "datetime" ->
          require(value instanceof String || value instanceof Date, name, "日期（yyyy-MM-dd）");
      case "checklist", "taglist" -> throw refusedType(name);
      default -> {
        require(value instanceof String, name, "文本");
        field.rules().checkText(name, (String) value);
        if (field.options() != null && !field.options().contains(value)) {
          throw new InvalidInputException(
              name,
              "变量 "
                  + name
                  + " 的取值无效："
                  + value
                  + "；应为 "
                  + String.join("、", field.options())
                  + " 之一");
        }
      }
    }
  }

  private static void checkList(Field field, String json) {
    try {
      JsonNode list = JSON.readTree(json == null ? "null" : json);
      require(list.isArray(), field.key(), "列表");
      for (JsonNode item : list) {
        if (!item.isTextual()
            || field.options() != null && !field.options().contains(item.asText())) {
          throw new InvalidInputException(
              field.key(),
              "变量 "
                  + field.key()
                  + " 的取值无效："
                  + item
                  + "；应为 "
                  + (field.options() == null ? "文本" : String.join("、", field.options()))
                  + " 之一");
        }
      }
    } catch (IOException e) {
      throw refusedType(field.key());
    }
  }

  private static void require(boolean ok, String name, String kind) {
    if (!ok) {
      throw new InvalidInputException(name, "变量 " + name + " 应为" + kind);
    }
  }

  private static InvalidInputException refusedType(String name) {
    return new InvalidInputException(
        name, "变量 " + name + " 的类型不允许：只能提交文本、数字、是/否和日期，" + "不能提交对象、JSON、XML、文件或二进制数据");
  }

  /**
   * A field's validate rules (form-js: minLength, maxLength, min, max, pattern), for a value that
   * is given.
   */
  record Rules(
      String label, Integer minLength, Integer maxLength, Double min, Double max, Pattern pattern) {

    static Rules of(JsonNode validate, String label) {
      return new Rules(
          label,
          integer(validate, "minLength"),
          integer(validate, "maxLength"),
          validate.has("min") ? validate.path("min").asDouble() : null,
          validate.has("max") ? validate.path("max").asDouble() : null,
          validate.hasNonNull("pattern")
              ? Pattern.compile(validate.path("pattern").asText())
              : null);
    }

    private static Integer integer(JsonNode validate, String name) {
      return validate.has(name) ? validate.path(name).asInt() : null;
    }

    void checkText(String name, String text) {
      if (text.isEmpty()) {
        return;
      }
      if (minLength != null && text.length() < minLength) {
        throw new InvalidInputException(name, label + "至少应有 " + minLength + " 个字（" + name + "）");
      }
      if (maxLength != null && text.length() > maxLength) {
        throw new InvalidInputException(name, label + "不能超过 " + maxLength + " 个字（" + name + "）");
      }
      // as form-js tests it: the pattern is found in the text (the forms anchor theirs)
      if (pattern != null && !pattern.matcher(text).find()) {
        throw new InvalidInputException(name, label + "格式不正确（" + name + "）");
      }
    }

    void checkNumber(String name, double value) {
      if (min != null && value < min || max != null && value > max) {
        throw new InvalidInputException(
            name, label + "应在 " + format(min) + " 至 " + format(max) + " 之间（" + name + "）");
      }
    }

    private static String format(Double bound) {
      return bound == null
          ? ""
          : bound == Math.rint(bound) ? Long.toString(bound.longValue()) : bound.toString();
    }
  }

  /** The rules of a field, for the contract test. */
  Rules rules(String key) {
    return fields.get(key).rules();
  }

  @Override
  public String toString() {
    return fields.values().stream().map(Field::key).collect(Collectors.joining(", ", "[", "]"));
  }
}
