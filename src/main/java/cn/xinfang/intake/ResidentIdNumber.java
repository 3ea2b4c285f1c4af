package cn.xinfang.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * An 18-digit 居民身份证号 (GB 11643-1999): region, birth date, sequence and the ISO 7064 MOD 11-2 check
 * character. Null or blank is valid (the number is optional, and forms send "" for an empty field);
 * use @NotBlank to require it.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ResidentIdNumber.Validator.class)
public @interface ResidentIdNumber {

  String message() default "身份证号码无效：应为 18 位，且出生日期和校验码正确";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ResidentIdNumber, String> {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || isValid(value.strip());
    }

    public static boolean isValid(String value) {
      if (!value.matches("[1-9]\\d{16}[\\dXx]")) {
        return false;
      }
      try {
        LocalDate birth =
            LocalDate.of(
                Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
        if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
          return false;
        }
      } catch (DateTimeException e) {
        return false;
      }
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (value.charAt(i) - '0') * WEIGHTS[i];
      }
      return Character.toUpperCase(value.charAt(17)) == CHECK[sum % 11];
    }
  }
}
