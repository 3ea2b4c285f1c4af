package cn.xinfang.casestore;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;
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

  private final DataFieldMaxValueIncrementer sequence;

  public CaseNumbers(DataSource dataSource) throws Exception {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  public String next(LocalDate registrationDay) {
    return String.format("XF%d-%08d", registrationDay.getYear(), sequence.nextLongValue());
  }
}
