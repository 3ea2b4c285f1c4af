package cn.xinfang.metrics;

import cn.xinfang.engine.PetitionProcess;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What the metrics are grouped by ({@code by}): the whole city, the handling unit (its group id;
 * cases the bureau never transferred count for the bureau), the district, or the month of receipt.
 * The SQL expression of each is fixed here and never built from the request.
 */
enum Dimension {
  CITY("'city'"),
  UNIT("coalesce(unit, '" + PetitionProcess.Group.BUREAU + "')"),
  DISTRICT("district"),
  MONTH("received_month");

  /** The key of the one row of by=city. */
  static final String CITY_KEY = "city";

  private final String column;

  Dimension(String column) {
    this.column = column;
  }

  /** The grouping expression over case_metric. */
  String column() {
    return column;
  }

  /** The request's {@code by}: city, unit, district or month, exactly (lower case). */
  static Optional<Dimension> of(String by) {
    return Arrays.stream(values()).filter(d -> d.parameter().equals(by)).findFirst();
  }

  String parameter() {
    return name().toLowerCase(Locale.ROOT);
  }
}
