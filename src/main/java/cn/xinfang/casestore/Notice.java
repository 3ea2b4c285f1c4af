package cn.xinfang.casestore;

import java.time.OffsetDateTime;

/** A written notice (告知书) issued to the petitioner. */
public record Notice(String type, String title, String body, OffsetDateTime issuedAt) {}
