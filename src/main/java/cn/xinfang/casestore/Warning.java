package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/**
 * One early warning (预警, table warning): its type, the case it concerns if any, where and what, the
 * unit that received its 预警提示函 ({@code noticeId}), and its acknowledgement. {@code confidential}:
 * the case was passed to 纪检监察 in confidence (route DISCIPLINE, Art. 30), read when the warning is
 * read, so that what is shown of it can be held back.
 */
public record Warning(
    long id,
    String type,
    String dedupKey,
    Long petitionId,
    String caseNumber,
    String district,
    String category,
    String unit,
    OffsetDateTime raisedAt,
    String detail,
    OffsetDateTime acknowledgedAt,
    String acknowledgedBy,
    String acknowledgement,
    Long noticeId,
    boolean confidential) {

  /** The four kinds of warning (docs/warnings.md). */
  public enum Type {
    /** 重复信访: the same petitioner again within 12 months */
    REPEAT,
    /** 群体性: 5 persons or more, or 5 petitions on one matter within 7 days */
    GROUP,
    /** 激增: a category × district count of the last 7 days twice its weekly average, and ≥ 5 */
    SURGE,
    /** 逾期: a petition task past its due date */
    OVERDUE
  }

  /** What a new warning says. */
  public record Raising(
      Type type,
      String dedupKey,
      Long petitionId,
      String caseNumber,
      String district,
      String category,
      String unit,
      String detail) {}
}
