package cn.xinfang.casestore;

import java.time.LocalDate;

/** A hearing (听证) held during handling or re-review: its day, who took part, what was said. */
public record Hearing(OpinionKind stage, LocalDate heldOn, String participants, String summary) {}
