package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/** The petitioner's evaluation of one opinion, or the record that its window closed unanswered. */
public record Evaluation(
    long opinionId, Satisfaction result, String comment, OffsetDateTime recordedAt) {}
