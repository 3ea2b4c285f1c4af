package cn.xinfang.casestore;

import java.util.Map;

/** The districts of the registration and triage forms (事项发生地), with the names a person reads. */
public final class Districts {

  private static final Map<String, String> NAMES =
      Map.of(
          "FUTIAN", "福田区",
          "LUOHU", "罗湖区",
          "NANSHAN", "南山区",
          "BAOAN", "宝安区",
          "LONGGANG", "龙岗区",
          "OTHER", "其他/不明");

  private Districts() {}

  /** The district's name, or the code itself for one the forms do not know. */
  public static String label(String code) {
    return code == null ? "" : NAMES.getOrDefault(code, code);
  }
}
