package cn.xinfang.warning;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Warning;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * One warning as {@code GET /api/warnings} answers it: the contract's {@code type}, {@code
 * caseNumber}, {@code district}, {@code category}, {@code raisedAt} and {@code detail} (Chinese),
 * with its {@code id}, the {@code unit} that received the 预警提示函 (and its name), and the
 * acknowledgement. Times in Beijing time. Of a case passed to 纪检监察 in confidence (Art. 30) the
 * detail says only that; none of its text is ever in a warning anyway.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WarningView(
    long id,
    String type,
    String caseNumber,
    String district,
    String category,
    OffsetDateTime raisedAt,
    String detail,
    String unit,
    String unitName,
    Long noticeId,
    OffsetDateTime acknowledgedAt,
    String acknowledgedBy,
    String acknowledgement) {

  static final String CONFIDENTIAL = "该信访事项已依法转送纪检监察机关办理，预警详情保密";

  static WarningView of(Warning w, String unitName) {
    if (w.confidential()) {
      // an accusation passed to 纪检监察 (Art. 30): the warning still counts, but its readers, who
      // may not read the case, learn neither its number, its category, its unit nor what was said
      return new WarningView(
          w.id(),
          w.type(),
          null,
          w.district(),
          null,
          beijing(w.raisedAt()),
          Warnings.typeName(Warning.Type.valueOf(w.type())) + "：" + CONFIDENTIAL,
          null,
          null,
          null,
          beijing(w.acknowledgedAt()),
          w.acknowledgedBy(),
          null);
    }
    return new WarningView(
        w.id(),
        w.type(),
        w.caseNumber(),
        w.district(),
        w.category(),
        beijing(w.raisedAt()),
        w.detail(),
        w.unit(),
        unitName,
        w.noticeId(),
        beijing(w.acknowledgedAt()),
        w.acknowledgedBy(),
        w.acknowledgement());
  }

  private static OffsetDateTime beijing(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(StatutoryCalendar.ZONE).toOffsetDateTime();
  }
}
