package cn.xinfang.casestore;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Human-readable, unique case numbers such as {@code XF2026-00000042}: the registration year and a
 * database sequence, so that several application nodes on one database never hand out the same one.
 */
@Component
public class CaseNumbers {

  private static final String SEQUENCE = "case_number_seq";

  /** what {@link #next} hands out; the sequence part grows past 8 digits after 10^8 cases */
  private static final Pattern FORMAT = Pattern.compile("XF\\d{4}-\\d{8,12}");

  private final DataFieldMaxValueIncrementer sequence;

  public CaseNumbers(DataSource dataSource) throws Exception {
    String product =
        JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.sequence =
        product.toLowerCase().contains("postgres")
            ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
            : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  /**
   * Whether the text could be a case number at all (before it is looked up or written anywhere).
   */
  public static boolean isWellFormed(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  public String next(LocalDate registrationDay) {
    return String.format("XF%d-%08d", registrationDay.getYear(), sequence.nextLongValue());
  }
}
