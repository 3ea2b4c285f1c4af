package cn.xinfang.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.xinfang.web.ForbiddenException;
import cn.xinfang.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Assertions for refused task completions and registrations. */
public final class Refusals {

  private Refusals() {}

  /**
   * The call fails, and somewhere in its cause chain is a {@link ForbiddenException} whose
   * (Chinese) message contains {@code message}.
   */
  public static void assertForbidden(Runnable call, String message) {
    assertThatThrownBy(call::run)
        .satisfies(
            e ->
                assertThat(causeChain(e))
                    .as("cause chain of %s", e)
                    .filteredOn(ForbiddenException.class::isInstance)
                    .first()
                    .satisfies(t -> assertThat(t.getMessage()).contains(message)));
  }

  /**
   * The call fails, and somewhere in its cause chain is an {@link InvalidInputException} for the
   * field.
   */
  public static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .satisfies(
            e ->
                assertThat(causeChain(e))
                    .as("cause chain of %s", e)
                    .filteredOn(InvalidInputException.class::isInstance)
                    .first()
                    .satisfies(
                        t -> assertThat(((InvalidInputException) t).field()).isEqualTo(field)));
  }

  private static List<Throwable> causeChain(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    return chain;
  }
}
