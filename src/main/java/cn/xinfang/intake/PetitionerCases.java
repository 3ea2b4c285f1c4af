package cn.xinfang.intake;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.web.NotFoundException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Finds the case a petitioner names by query code (as typed: spaces and lower case forgiven), or
 * 404.
 */
@Component
public class PetitionerCases {

  static final String NOT_FOUND = "未找到该查询码对应的信访事项";

  private final PetitionStore store;

  public PetitionerCases(PetitionStore store) {
    this.store = store;
  }

  public PetitionRecord find(String queryCode) {
    return store
        .findByQueryCode(normalize(queryCode))
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  /**
   * {@link #find}, the row locked until the transaction ends (see {@link
   * PetitionStore#lockByQueryCode}).
   */
  public PetitionRecord lock(String queryCode) {
    return store
        .lockByQueryCode(normalize(queryCode))
        .orElseThrow(() -> new NotFoundException(NOT_FOUND));
  }

  private static String normalize(String queryCode) {
    return queryCode.strip().toUpperCase(Locale.ROOT);
  }
}
