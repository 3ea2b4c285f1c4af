package cn.xinfang.intake;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.web.ConflictException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * Something the petitioner may do online about a case (evaluate, ask for review or re-review), for
 * the petitioner's view: whether it is open now, and until when. The same rules decide the request.
 */
public interface PetitionerAction {

  /** the key in the view's {@code actions} */
  String name();

  /** the end of the window when the petitioner may do it now; empty when not */
  Optional<OffsetDateTime> openUntil(PetitionRecord petition);

  /**
   * An action from the check its request makes: {@code until} answers the end of the window, or
   * throws the {@link ConflictException} the request would answer with.
   */
  static PetitionerAction of(String name, Function<PetitionRecord, OffsetDateTime> until) {
    return new PetitionerAction() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<OffsetDateTime> openUntil(PetitionRecord petition) {
        try {
          return Optional.of(until.apply(petition));
        } catch (ConflictException refused) {
          return Optional.empty();
        }
      }
    };
  }
}
