package cn.xinfang.casestore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases like a new petition, for the clerk who triages it (相似及重复信访, docs/domain.md "并单"): cases
 * that are still open, or were received within {@link #RECENT_MONTHS}, (a) of the same petitioner
 * ({@link PetitionerKey}, as the repeat detection of {@link CaseMetricStore} compares people) and
 * (b) with a similar title.
 *
 * <p>Title similarity has two implementations, chosen by the database in use:
 *
 * <ul>
 *   <li>PostgreSQL: pg_trgm's {@code similarity()} over the whole table, through the GIN trigram
 *       index of V14 ({@code title % :title} with the threshold {@link #TRIGRAM_MIN} set for the
 *       query's transaction);
 *   <li>anywhere else (H2): the Dice coefficient of the titles' character bigrams, computed here
 *       over the {@link #PORTABLE_CANDIDATES} newest open or recent cases of the same district;
 *       coarser (another district's case is never found), honest about it in docs/domain.md.
 * </ul>
 *
 * Who may see which candidate is not decided here: the staff API drops every candidate its reader
 * may not read (a DISCIPLINE case above all) before anything of it is shown.
 */
@Repository
public class SimilarCases {

  /** Closed cases older than this are not listed; open ones are, however old. */
  public static final int RECENT_MONTHS = 12;

  /** pg_trgm similarity from which a title counts as similar (Chinese titles score low). */
  public static final double TRIGRAM_MIN = 0.2;

  /** bigram Dice coefficient from which a title counts as similar on the portable path */
  public static final double BIGRAM_MIN = 0.3;

  /** how many recent cases of the district the portable path compares */
  public static final int PORTABLE_CANDIDATES = 500;

  /** how many of each kind the queries answer, before the caller's filtering and limit */
  static final int FETCH = 30;

  /** the statuses that end a case ({@link PetitionStatus#isFinal()}), as SQL literals */
  private static final String FINAL =
      Arrays.stream(PetitionStatus.values())
          .filter(PetitionStatus::isFinal)
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", "));

  private static final String OPEN_OR_RECENT =
      " (p.status not in (" + FINAL + ") or p.received_at >= :since) ";

  /**
   * A case like the new one: the same petitioner, and the title's similarity (0–1, null below the
   * threshold).
   */
  public record Candidate(PetitionRecord petition, boolean samePetitioner, Double titleSimilarity) {

    /** Same petitioner first, then by title similarity, then newest. */
    double relevance() {
      return (samePetitioner ? 1 : 0) + (titleSimilarity == null ? 0 : titleSimilarity);
    }
  }

  private final JdbcClient jdbc;
  private final PetitionStore store;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final boolean postgres;

  public SimilarCases(
      JdbcClient jdbc,
      PetitionStore store,
      Clock clock,
      TransactionTemplate transaction,
      DataSource dataSource) {
    this.jdbc = jdbc;
    this.store = store;
    this.clock = clock;
    this.transaction = transaction;
    this.postgres = isPostgres(dataSource);
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot tell which database the case store is on", e);
    }
  }

  /** Whether titles are compared with pg_trgm (else the portable bigram comparison). */
  public boolean trigrams() {
    return postgres;
  }

  /**
   * The candidates for case {@code c}, most relevant first, at most {@code 2 × FETCH}; never {@code
   * c} itself.
   */
  public List<Candidate> of(PetitionRecord c) {
    OffsetDateTime since = OffsetDateTime.now(clock).minusMonths(RECENT_MONTHS);
    Map<Long, Candidate> found = new LinkedHashMap<>();
    List<Person> persons = store.persons(c.id());
    if (!persons.isEmpty()) {
      for (PetitionRecord p : samePetitioner(c, PetitionerKey.of(persons.get(0)), since)) {
        found.put(p.id(), new Candidate(p, true, similar(c.title(), p.title())));
      }
    }
    Map<Long, Double> titles = postgres ? trigramTitles(c, since) : bigramTitles(c, since);
    titles.forEach(
        (id, score) ->
            found.merge(
                id,
                new Candidate(store.findById(id).orElseThrow(), false, score),
                (same, title) -> new Candidate(same.petition(), true, score)));
    List<Candidate> all = new ArrayList<>(found.values());
    all.sort(
        Comparator.comparingDouble(Candidate::relevance)
            .reversed()
            .thenComparing(x -> x.petition().receivedAt(), Comparator.reverseOrder()));
    return all;
  }

  private List<PetitionRecord> samePetitioner(PetitionRecord c, String key, OffsetDateTime since) {
    List<Long> ids =
        jdbc.sql(
                "select p.id from case_metric m join petition p on p.id = m.petition_id"
                    + " where m.petitioner_key = :key and p.id <> :self and"
                    + OPEN_OR_RECENT
                    + "order by p.received_at desc, p.id desc fetch first "
                    + FETCH
                    + " rows only")
            .param("key", key)
            .param("self", c.id())
            .param("since", since)
            .query(Long.class)
            .list();
    return ids.stream().map(id -> store.findById(id).orElseThrow()).toList();
  }

  /** pg_trgm: id → similarity of the titles at least {@link #TRIGRAM_MIN}, best first. */
  private Map<Long, Double> trigramTitles(PetitionRecord c, OffsetDateTime since) {
    return transaction.execute(
        tx -> {
          // % compares with this threshold: local to the transaction, so the index answers
          jdbc.sql("select set_config('pg_trgm.similarity_threshold', :min, true)")
              .param("min", Double.toString(TRIGRAM_MIN))
              .query(String.class)
              .single();
          Map<Long, Double> scores = new LinkedHashMap<>();
          jdbc.sql(
                  "select p.id, similarity(p.title, :title) as score from petition p"
                      + " where p.title % :title and p.id <> :self and"
                      + OPEN_OR_RECENT
                      + "order by score desc, p.received_at desc fetch first "
                      + FETCH
                      + " rows only")
              .param("title", c.title())
              .param("self", c.id())
              .param("since", since)
              .query(
                  rs -> {
                    scores.put(rs.getLong("id"), round(rs.getDouble("score")));
                  });
          return scores;
        });
  }

  /** The portable comparison: the district's newest open or recent cases, scored here. */
  private Map<Long, Double> bigramTitles(PetitionRecord c, OffsetDateTime since) {
    record Row(long id, String title) {}
    List<Row> rows =
        jdbc.sql(
                "select p.id, p.title from petition p where p.district = :district and p.id <> :self"
                    + " and"
                    + OPEN_OR_RECENT
                    + "order by p.received_at desc, p.id desc fetch first "
                    + PORTABLE_CANDIDATES
                    + " rows only")
            .param("district", c.district())
            .param("self", c.id())
            .param("since", since)
            .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("title")))
            .list();
    Map<Long, Double> scores = new LinkedHashMap<>();
    rows.stream()
        .map(r -> Map.entry(r.id(), bigramSimilarity(c.title(), r.title())))
        .filter(e -> e.getValue() >= BIGRAM_MIN)
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
        .limit(FETCH)
        .forEach(e -> scores.put(e.getKey(), round(e.getValue())));
    return scores;
  }

  /**
   * The title similarity of two titles as this database measures it, null below its threshold: for
   * a case of the same petitioner, which was found without comparing titles.
   */
  private Double similar(String a, String b) {
    if (postgres) {
      double score =
          jdbc.sql("select similarity(:a, :b)")
              .param("a", a)
              .param("b", b)
              .query(Double.class)
              .single();
      return score >= TRIGRAM_MIN ? round(score) : null;
    }
    double score = bigramSimilarity(a, b);
    return score >= BIGRAM_MIN ? round(score) : null;
  }

  /**
   * The Dice coefficient of the two texts' sets of adjacent character pairs, letters and digits
   * only, case-insensitive: 1 for the same text, 0 for none in common. A text of one character is
   * its own pair.
   */
  public static double bigramSimilarity(String a, String b) {
    Set<String> x = bigrams(a);
    Set<String> y = bigrams(b);
    if (x.isEmpty() || y.isEmpty()) {
      return 0;
    }
    Set<String> common = new HashSet<>(x);
    common.retainAll(y);
    return 2.0 * common.size() / (x.size() + y.size());
  }

  private static Set<String> bigrams(String text) {
    int[] chars =
        (text == null ? "" : text)
            .toLowerCase(Locale.ROOT)
            .codePoints()
            .filter(Character::isLetterOrDigit)
            .toArray();
    Set<String> pairs = new HashSet<>();
    if (chars.length == 1) {
      pairs.add(new String(chars, 0, 1));
    }
    for (int i = 0; i + 1 < chars.length; i++) {
      pairs.add(new String(chars, i, 2));
    }
    return pairs;
  }

  private static double round(double score) {
    return Math.round(score * 100) / 100.0;
  }
}
