package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/** A written notice (告知书) issued to the petitioner. */
/**
 * A document of the case. {@code internal}: addressed to staff (督办函, 三项建议书), in the case file only,
 * never in the petitioner's view.
 */
public record Notice(
    String type, String title, String body, OffsetDateTime issuedAt, boolean internal) {}
