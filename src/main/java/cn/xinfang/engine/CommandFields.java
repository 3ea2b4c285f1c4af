package cn.xinfang.engine;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fields of Camunda's engine commands and builders, which keep what they were asked in protected
 * fields without getters or setters. Used where the platform must look at a command before the
 * engine runs it (the staff policy, the completion of Modeler deployments); the names are checked
 * by tests against the engine on the classpath, so that an upgrade renaming one fails the build
 * rather than the check.
 */
public final class CommandFields {

  private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

  private CommandFields() {}

  public static Object read(Object target, String name) {
    try {
      return field(target, name).get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void write(Object target, String name, Object value) {
    try {
      field(target, name).set(target, value);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Field field(Object target, String name) {
    return FIELDS.computeIfAbsent(
        target.getClass().getName() + "#" + name,
        k -> {
          for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
              Field found = c.getDeclaredField(name);
              found.setAccessible(true);
              return found;
            } catch (NoSuchFieldException e) {
              // look in the superclass
            }
          }
          throw new IllegalStateException(target.getClass().getName() + " has no field " + name);
        });
  }
}
