package cn.xinfang.warning;

import java.util.Map;

/**
 * The Chinese names of the districts and categories a warning's text names, as the registration and
 * triage forms (forms/register-petition.form, forms/triage-petition.form) show them; a code they do
 * not know is shown as it is.
 */
final class Labels {

  private static final Map<String, String> DISTRICTS =
      Map.of(
          "FUTIAN", "福田区",
          "LUOHU", "罗湖区",
          "NANSHAN", "南山区",
          "BAOAN", "宝安区",
          "LONGGANG", "龙岗区",
          "OTHER", "其他/不明地区");

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

  private Labels() {}

  static String district(String code) {
    return code == null ? "未知地区" : DISTRICTS.getOrDefault(code, code);
  }

  static String category(String code) {
    return code == null ? "未分类" : CATEGORIES.getOrDefault(code, code);
  }
}
