package cn.xinfang.casestore;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The attachments of a case (table attachment, V9__attachments.sql): the bytes live in the case
 * store next to the case, never in the engine. Adding one is recorded in the audit trail in the
 * same transaction; the caller checks the limits with the case row locked ({@link
 * PetitionStore#lock}), so two uploads racing each other cannot both pass the per-case limits.
 */
@Repository
public class AttachmentStore {

  private static final String COLUMNS =
      "id, petition_id, file_name, content_type, size_bytes, sha256, source, added_by,"
          + " added_by_group, added_at, merged_from";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  public AttachmentStore(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** The new attachment's values; {@code addedByGroup} only for a handling unit. */
  public record NewAttachment(
      String fileName,
      String contentType,
      byte[] content,
      String sha256,
      AttachmentSource source,
      String addedBy,
      String addedByGroup) {}

  /** How many attachments a case has and their bytes together. */
  public record Totals(int count, long bytes) {}

  public Attachment add(long petitionId, NewAttachment a) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "insert into attachment (petition_id, file_name, content_type, size_bytes, sha256,"
                + " source, added_by, added_by_group, added_at, content)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            petitionId,
            a.fileName(),
            a.contentType(),
            (long) a.content().length,
            a.sha256(),
            a.source().name(),
            a.addedBy(),
            a.addedByGroup(),
            now,
            a.content())
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    audit.record(
        petitionId,
        AuditTrail.Action.ATTACHMENT,
        "attachment "
            + id
            + " added by "
            + a.source().name()
            + ": "
            + a.contentType()
            + ", "
            + a.content().length
            + " bytes, sha-256 "
            + a.sha256());
    return find(petitionId, id).orElseThrow();
  }

  /**
   * 并单: copies every attachment of petition {@code fromId} (case {@code fromCaseNumber}) to
   * petition {@code toId}, bytes and checksums as they are, as {@link AttachmentSource#MERGED}
   * added by {@code clerk} now, with the case they came from; in one statement, the bytes never
   * pass through the application. The originals stay with the merged case. Answers how many were
   * copied. The per-case limits guard uploads, not a merge: the target may end above them.
   */
  public int copyMerged(long fromId, String fromCaseNumber, long toId, String clerk) {
    int copied =
        jdbc.sql(
                "insert into attachment (petition_id, file_name, content_type, size_bytes, sha256,"
                    + " source, added_by, added_by_group, added_at, content, merged_from)"
                    + " select ?, file_name, content_type, size_bytes, sha256, ?, ?, null, ?,"
                    + " content, ? from attachment where petition_id = ? order by id")
            .params(
                toId,
                AttachmentSource.MERGED.name(),
                clerk,
                OffsetDateTime.now(clock),
                fromCaseNumber,
                fromId)
            .update();
    if (copied > 0) {
      audit.record(
          toId,
          AuditTrail.Action.ATTACHMENT,
          copied + " attachment(s) copied from merged case " + fromCaseNumber);
    }
    return copied;
  }

  /** The case's attachments, oldest first. */
  public List<Attachment> list(long petitionId) {
    return jdbc.sql("select " + COLUMNS + " from attachment where petition_id = ? order by id")
        .param(petitionId)
        .query(AttachmentStore::attachment)
        .list();
  }

  /** The attachment of that id if it belongs to that case. */
  public Optional<Attachment> find(long petitionId, long id) {
    return jdbc.sql("select " + COLUMNS + " from attachment where petition_id = ? and id = ?")
        .params(petitionId, id)
        .query(AttachmentStore::attachment)
        .optional();
  }

  public byte[] content(long id) {
    return jdbc.sql("select content from attachment where id = ?")
        .param(id)
        .query((rs, n) -> rs.getBytes(1))
        .single();
  }

  public Totals totals(long petitionId) {
    return jdbc.sql(
            "select count(*), coalesce(sum(size_bytes), 0) from attachment where petition_id = ?")
        .param(petitionId)
        .query((rs, n) -> new Totals(rs.getInt(1), rs.getLong(2)))
        .single();
  }

  private static Attachment attachment(ResultSet rs, int rowNum) throws SQLException {
    return new Attachment(
        rs.getLong("id"),
        rs.getLong("petition_id"),
        rs.getString("file_name"),
        rs.getString("content_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        AttachmentSource.valueOf(rs.getString("source")),
        rs.getString("added_by"),
        rs.getString("added_by_group"),
        rs.getObject("added_at", OffsetDateTime.class),
        rs.getString("merged_from"));
  }
}
