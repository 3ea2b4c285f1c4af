package cn.xinfang.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * petition.security.*: how failed logins are slowed, and which other sites may send state-changing
 * requests to the staff API.
 *
 * @param loginFailuresPerAddress wrong passwords one client address may send per {@code
 *     loginFailureWindow} before its logins answer 429 until the window refills (at least 1)
 * @param loginFailureWindow the window over which that many failures refill, evenly
 * @param allowedOrigins origins (scheme://host[:port]) besides the application's own from which a
 *     browser may POST, PUT or DELETE to /engine-rest and the staff API; empty by default (Camunda
 *     Modeler and scripts send no Origin)
 */
@ConfigurationProperties("petition.security")
public record SecurityProperties(
    int loginFailuresPerAddress, Duration loginFailureWindow, List<String> allowedOrigins) {

  public SecurityProperties {
    if (loginFailuresPerAddress <= 0) {
      loginFailuresPerAddress = 10;
    }
    if (loginFailureWindow == null
        || loginFailureWindow.isZero()
        || loginFailureWindow.isNegative()) {
      loginFailureWindow = Duration.ofMinutes(10);
    }
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
  }
}
