package cn.xinfang.triage;

import cn.xinfang.system.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Checks the variables a user task is completed with, from a Camunda Form or from /engine-rest. */
final class TaskInputs {

  private final VariableScope scope;

  TaskInputs(VariableScope scope) {
    this.scope = scope;
  }

  <E extends Enum<E>> E requireEnum(String name, Class<E> type, String label) {
    Object value = scope.getVariable(name);
    String allowed = String.join("、", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    if (!(value instanceof String text)) {
      throw invalid(name, "请填写" + label + "（" + name + "），取值为 " + allowed + " 之一");
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw invalid(name, label + "（" + name + "）取值无效：" + text + "；应为 " + allowed + " 之一");
    }
  }

  boolean requireBoolean(String name, String label) {
    Object value = scope.getVariable(name);
    if (!(value instanceof Boolean b)) {
      throw invalid(name, "请选择" + label + "（" + name + "，布尔值 true/false）");
    }
    return b;
  }

  boolean optionalBoolean(String name, String label) {
    return scope.getVariable(name) == null ? false : requireBoolean(name, label);
  }

  String optionalText(String name, String label, int maxLength) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text) || text.length() > maxLength) {
      throw invalid(name, label + "（" + name + "）应为不超过 " + maxLength + " 个字符的文本");
    }
    return text.isBlank() ? null : text.strip();
  }

  String requireText(String name, String label, int maxLength) {
    String text = optionalText(name, label, maxLength);
    if (text == null) {
      throw invalid(name, "请填写" + label + "（" + name + "）");
    }
    return text;
  }

  static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(field, message);
  }
}
