package cn.xinfang.dashboard;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Petitions received in a period per category and district, for the dashboard's heat map: one
 * grouped query over case_metric (V11), by its index on received_at. A petition merged into another
 * case (并单) counts once, as that case; a petition not yet classified has category {@code null}.
 */
@Component
class CategoryDistrictCounts {

  record Cell(String category, String district, long count) {}

  private static final String QUERY =
      "select category, district, count(*) as n from case_metric"
          + " where received_at >= ? and received_at < ? and merged_into is null"
          + " group by category, district"
          + " order by n desc, district, category";

  private final JdbcTemplate jdbc;

  CategoryDistrictCounts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Cell> between(OffsetDateTime from, OffsetDateTime toExclusive) {
    return jdbc.query(
        QUERY,
        (rs, i) -> new Cell(rs.getString("category"), rs.getString("district"), rs.getLong("n")),
        from,
        toExclusive);
  }
}
