package cn.xinfang.casestore;

import java.util.Map;

/**
 * The names a person reads for the districts (事项发生地) and the categories (问题类别) of the registration
 * and triage forms (forms/register-petition.form, forms/triage-petition.form); a code the forms do
 * not know is shown as it is.
 */
public final class Districts {

  private static final Map<String, String> NAMES =
      Map.of(
          "FUTIAN", "福田区",
          "LUOHU", "罗湖区",
          "NANSHAN", "南山区",
          "BAOAN", "宝安区",
          "LONGGANG", "龙岗区",
          "OTHER", "其他/不明");

  private static final Map<String, String> CATEGORIES =
      Map.of(
          "HOUSING", "住房和城乡建设",
          "LABOUR", "劳动和社会保障",
          "LAND", "国土资源与规划",
          "ENVIRONMENT", "生态环境",
          "EDUCATION", "教育",
          "HEALTH", "卫生健康",
          "URBAN_MANAGEMENT", "城市管理",
          "OTHER", "其他");

  private Districts() {}

  /** The district's name; 未知地区 for none. */
  public static String label(String code) {
    return code == null ? "未知地区" : NAMES.getOrDefault(code, code);
  }

  /** The category's name; 未分类 for none (not yet triaged). */
  public static String category(String code) {
    return code == null ? "未分类" : CATEGORIES.getOrDefault(code, code);
  }
}
