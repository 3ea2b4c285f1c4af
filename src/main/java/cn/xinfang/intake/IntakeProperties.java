package cn.xinfang.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** petition.intake.*: the request body cap and the clock skew tolerated for receivedAt. */
@ConfigurationProperties("petition.intake")
public record IntakeProperties(long maxBodyBytes, Duration futureTolerance) {

  public IntakeProperties {
    if (maxBodyBytes <= 0) {
      maxBodyBytes = 262_144;
    }
    if (futureTolerance == null) {
      futureTolerance = Duration.ofMinutes(1);
    }
  }
}
