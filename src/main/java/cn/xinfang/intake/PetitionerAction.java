package cn.xinfang.intake;

import cn.xinfang.casestore.PetitionRecord;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Something the petitioner may do online about a case (evaluate, ask for review or re-review), for
 * the petitioner's view: whether it is open now, and until when. The same rules decide the request.
 */
public interface PetitionerAction {

  /** the key in the view's {@code actions} */
  String name();

  /** the end of the window when the petitioner may do it now; empty when not */
  Optional<OffsetDateTime> openUntil(PetitionRecord petition);
}
