package cn.xinfang.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** What tests outside this package read of a form's inputs (the model contract test). */
public final class FormInputsAccess {

  private FormInputsAccess() {}

  public static Set<String> inputs(Path form) throws IOException {
    return FormInputs.parse(Files.newInputStream(form)).keys();
  }

  /** A number field's largest allowed value. */
  public static Double max(Path form, String field) throws IOException {
    return FormInputs.parse(Files.newInputStream(form)).rules(field).max();
  }
}
