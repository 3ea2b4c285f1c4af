package cn.xinfang.casestore;

import java.util.Locale;

/**
 * Who petitioned, as the metrics and the early warning compare people: by the 居民身份证号 when there is
 * one, else by name and phone (docs/metrics.md). Stored in case_metric.petitioner_key.
 */
public final class PetitionerKey {

  private PetitionerKey() {}

  public static String of(Person person) {
    if (person.idNumber() != null && !person.idNumber().isBlank()) {
      return "ID:" + person.idNumber().trim().toUpperCase(Locale.ROOT);
    }
    return "NP:" + person.name().trim() + "|" + person.phone().replaceAll("[\\s-]", "");
  }
}
