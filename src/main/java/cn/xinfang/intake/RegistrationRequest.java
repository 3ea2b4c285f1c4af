package cn.xinfang.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/petitions} (docs/domain.md, "The contract"). Enumerations arrive as text
 * and are checked here.
 */
public record RegistrationRequest(
    @Size(max = 100, message = "requestId 不能超过 100 个字符")
        @Pattern(regexp = "[\\x21-\\x7E]+", message = "requestId 只能包含可见的 ASCII 字符")
        String requestId,
    @NotBlank(message = "请填写信访渠道")
        @Pattern(
            regexp = "ONLINE|LETTER|VISIT|PHONE|FAX",
            message = "信访渠道无效：应为 ONLINE、LETTER、VISIT、PHONE、FAX 之一")
        String channel,
    String receivedAt,
    @NotNull(message = "请填写信访人信息") @Valid PersonRequest petitioner,
    @Min(value = 1, message = "信访人数至少为 1") @Max(value = 100000, message = "信访人数不能超过 100000")
        Integer personCount,
    @NotBlank(message = "请填写问题发生地（区）") @Size(max = 50, message = "区不能超过 50 个字符") String district,
    @Size(max = 50, message = "事项类别不能超过 50 个字符") String category,
    @NotBlank(message = "请填写信访事项标题") @Size(max = 200, message = "标题不能超过 200 个字符") String title,
    @NotBlank(message = "请填写信访事项内容") @Size(max = 20000, message = "内容不能超过 20000 个字符")
        String content,
    @Size(max = 5, message = "集体访推选的代表不能超过 5 人（《信访工作条例》第二十条）")
        List<@NotNull(message = "代表信息不能为空") @Valid PersonRequest> representatives) {

  /** The order in which fields are reported when several are wrong: the form's order. */
  static final List<String> FIELD_ORDER =
      List.of(
          "requestId",
          "channel",
          "receivedAt",
          "petitioner",
          "personCount",
          "district",
          "category",
          "title",
          "content",
          "representatives");
}
