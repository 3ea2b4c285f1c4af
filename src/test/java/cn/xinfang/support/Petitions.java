package cn.xinfang.support;

import cn.xinfang.engine.PetitionProcess.Var;
import java.util.HashMap;
import java.util.Map;

/** Registration bodies for tests: a valid one, and copies with one field changed. */
public final class Petitions {

  private Petitions() {}

  /**
   * A valid body for POST /api/petitions (ID number 11010519491231002X has a correct check digit).
   */
  public static Map<String, Object> valid() {
    Map<String, Object> petitioner =
        new HashMap<>(
            Map.of(
                "name", "张三",
                "idNumber", "11010519491231002X",
                "phone", "13800138000",
                "address", "深圳市福田区福华路 1 号"));
    Map<String, Object> body = new HashMap<>();
    body.put("channel", "ONLINE");
    body.put("receivedAt", "2026-09-20");
    body.put("petitioner", petitioner);
    body.put("personCount", 1);
    body.put("district", "FUTIAN");
    body.put("category", "HOUSING");
    body.put("title", "小区楼上漏水");
    body.put("content", "楼上住户漏水多次协商未果，请求有关部门协调处理。");
    return body;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> with(String path, Object value) {
    Map<String, Object> body = valid();
    String[] parts = path.split("\\.");
    Map<String, Object> target = body;
    for (int i = 0; i < parts.length - 1; i++) {
      target = (Map<String, Object>) target.get(parts[i]);
    }
    if (value == null) {
      target.remove(parts[parts.length - 1]);
    } else {
      target.put(parts[parts.length - 1], value);
    }
    return body;
  }

  /**
   * The six routing inputs of docs/domain.md, "Routing" as completing variables of triagePetition.
   */
  public static Map<String, Object> triage(
      String nature,
      String statutoryRoute,
      boolean legalProcessConcluded,
      boolean reviewConcluded,
      boolean accusedIsOfficial,
      boolean withinJurisdiction) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Var.NATURE, nature);
    vars.put(Var.STATUTORY_ROUTE, statutoryRoute);
    vars.put(Var.LEGAL_PROCESS_CONCLUDED, legalProcessConcluded);
    vars.put(Var.REVIEW_CONCLUDED, reviewConcluded);
    vars.put(Var.ACCUSED_IS_OFFICIAL, accusedIsOfficial);
    vars.put(Var.WITHIN_JURISDICTION, withinJurisdiction);
    return vars;
  }

  /** The fields of the clerk's start form 登记信访事项 (forms/register-petition.form), filled in. */
  public static Map<String, Object> startForm(String title, String phone) {
    Map<String, Object> form = new HashMap<>();
    form.put("channel", "VISIT");
    form.put("receivedAt", "2026-09-20");
    form.put("petitionerName", "李四");
    form.put("petitionerIdNumber", "11010519491231002X");
    form.put("petitionerPhone", phone);
    form.put("petitionerAddress", "深圳市南山区科技园 8 号");
    form.put("personCount", 1L);
    form.put("district", "NANSHAN");
    form.put("category", "LAND");
    form.put("title", title);
    form.put("content", "小区物业将公共绿地改建为收费停车场，请求恢复绿地。");
    return form;
  }
}
