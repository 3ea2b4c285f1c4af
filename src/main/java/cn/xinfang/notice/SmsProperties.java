package cn.xinfang.notice;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * petition.notices.sms.*: where the SMS gateway takes messages. Without a gateway URL no SMS is
 * sent and notices reach petitioners through the portal, by letter or in person only.
 *
 * @param gatewayUrl the gateway's HTTP endpoint; it receives {@code POST
 *     {"phone","text","reference"}} and answers 2xx once it has taken the message; {@code
 *     reference} is the same on every retry of one notice, so that the gateway can drop a repeat
 * @param timeout how long one attempt may take (default 10 s); a slower gateway counts as failed
 */
@ConfigurationProperties("petition.notices.sms")
public record SmsProperties(URI gatewayUrl, Duration timeout) {

  public SmsProperties {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      timeout = Duration.ofSeconds(10);
    }
  }

  public boolean enabled() {
    return gatewayUrl != null && !gatewayUrl.toString().isBlank();
  }
}
