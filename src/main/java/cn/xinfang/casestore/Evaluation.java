package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/**
 * The petitioner's evaluation of one opinion, or the record that its window closed unanswered; how
 * it reached us (ONLINE, or PHONE, VISIT, LETTER when the bureau recorded a follow-up, 回访) and the
 * clerk who entered it (null online).
 */
public record Evaluation(
    long opinionId,
    Satisfaction result,
    String comment,
    OffsetDateTime recordedAt,
    String channel,
    String recordedBy) {

  /** the channel of the record that the window closed unanswered */
  public static final String NO_CHANNEL = "NONE";
}
