package cn.xinfang.warning;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.Warning;
import cn.xinfang.casestore.WarningStore;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.notice.Notices;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Raises a warning and, when it concerns a case and a unit, sends that unit its 预警提示函: an internal
 * notice (template WARNING_LETTER) in the case file, which the unit reads with the case and the
 * petitioner never sees; the warning keeps the notice's id. In the caller's transaction: the
 * warning, its letter and its audit line exist together or not at all.
 */
@Component
class Warnings {

  static final String LETTER = "WARNING_LETTER";

  private final WarningStore store;
  private final PetitionStore petitions;
  private final Notices notices;
  private final GroupNames groups;

  Warnings(WarningStore store, PetitionStore petitions, Notices notices, GroupNames groups) {
    this.store = store;
    this.petitions = petitions;
    this.notices = notices;
    this.groups = groups;
  }

  /** Answers the new warning's id; empty when it was raised before (same dedup key). */
  Optional<Long> raise(Warning.Raising w) {
    Optional<Long> id = store.raise(w);
    if (id.isPresent() && w.caseNumber() != null && w.unit() != null) {
      PetitionRecord c = petitions.get(w.caseNumber());
      Map<String, Object> values = Notices.caseValues(c);
      values.put("addressee", groups.name(w.unit()));
      values.put("warningType", typeName(w.type()));
      values.put("warningDetail", w.detail());
      store.linkNotice(id.get(), notices.issueInternal(c.caseNumber(), LETTER, values));
    }
    return id;
  }

  static String typeName(Warning.Type type) {
    return switch (type) {
      case REPEAT -> "重复信访预警";
      case GROUP -> "群体性信访预警";
      case SURGE -> "信访量激增预警";
      case OVERDUE -> "逾期办理预警";
    };
  }
}
