package cn.xinfang.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * petition.intake.*: the clock skew tolerated for receivedAt, and the rate limits of the public API
 * per client address (the request body cap, petition.intake.max-body-bytes, is the web layer's:
 * RequestBodyLimitFilter).
 *
 * @param lookupMissesPerMinute query codes a client may get wrong per minute before every look-up
 *     of theirs answers 429 for a while (against guessing); at least 1
 * @param maxPerMinute registrations a client may post per minute; 0 (the default) means no limit
 */
@ConfigurationProperties("petition.intake")
public record IntakeProperties(
    Duration futureTolerance, int lookupMissesPerMinute, int maxPerMinute) {

  public IntakeProperties {
    if (futureTolerance == null) {
      futureTolerance = Duration.ofMinutes(1);
    }
    if (lookupMissesPerMinute <= 0) {
      lookupMissesPerMinute = 5;
    }
    if (maxPerMinute < 0) {
      maxPerMinute = 0;
    }
  }
}
