package cn.xinfang.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The petitioner (or a representative) as the API receives it. */
public record PersonRequest(
    @NotBlank(message = "请填写信访人姓名") @Size(max = 50, message = "姓名不能超过 50 个字符") String name,
    @ResidentIdNumber String idNumber,
    @NotBlank(message = "请填写联系电话")
        @Pattern(regexp = PHONE, message = "联系电话格式不正确：应为 11 位手机号或带区号的固定电话，如 0755-12345678")
        String phone,
    @NotBlank(message = "请填写通信地址") @Size(max = 200, message = "通信地址不能超过 200 个字符") String address) {

  /** Mainland mobile numbers, optionally +86: the numbers an SMS reaches. */
  public static final String MOBILE = "(\\+?86[- ]?)?1[3-9]\\d{9}";

  /** Mainland mobile numbers (optionally +86) and landlines with area code. */
  public static final String PHONE = MOBILE + "|0\\d{2,3}-?\\d{7,8}";
}
