package cn.xinfang.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import cn.xinfang.support.CaseDriver;
import cn.xinfang.support.CaseDriver.Case;
import cn.xinfang.support.Petitions;
import cn.xinfang.support.PublicApi;
import cn.xinfang.support.PublicApi.Answer;
import cn.xinfang.support.TestClock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Guessing query codes: after 5 wrong codes in a minute every look-up from that address answers
 * 429, a right one too, until the bucket refills; following one's own case costs nothing;
 * registrations are limited only when configured (here 3 a minute).
 */
@ApplicationIT
@TestPropertySource(
    properties = {"petition.intake.lookup-misses-per-minute=5", "petition.intake.max-per-minute=3"})
class RateLimitIT {

  @Autowired CaseDriver cases;
  @Autowired PublicApi api;
  @Autowired TestClock clock;
  @Autowired TestRestTemplate rest;

  @Test
  void wrongCodesAreLimitedAndThenEveryLookupWaits() {
    // Given a registered case, and a clock that stands still for the test
    Case c = cases.register("FUTIAN", "HOUSING", "2026-09-20");
    clock.pin(now());

    // When the petitioner follows the case many times, nothing is limited
    for (int i = 0; i < 20; i++) {
      assertThat(api.view(c.queryCode()).status()).isEqualTo(200);
    }

    // When someone tries five wrong codes, each is simply not found
    for (int i = 0; i < 5; i++) {
      assertThat(api.view("WRONGCODE" + (100 + i)).status()).isEqualTo(404);
    }

    // Then the sixth try, and even the right code, answer 429 with a Retry-After
    ResponseEntity<String> limited =
        rest.getForEntity("/api/petitions/{code}", String.class, "WRONGCODE999");
    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getHeaders().getFirst("Retry-After")).isNotBlank();
    assertThat(limited.getBody()).contains("查询码错误次数过多");
    assertThat(api.view(c.queryCode()).status()).isEqualTo(429);
    assertThat(api.evaluate(c.queryCode(), Map.of("satisfaction", "SATISFIED")).status())
        .isEqualTo(429);

    // When a minute has passed, look-ups work again
    clock.pin(now(61));
    assertThat(api.view(c.queryCode()).status()).isEqualTo(200);
  }

  @Test
  void registrationsAreLimitedOnlyWhereConfigured() {
    clock.pin(now(600));

    for (int i = 0; i < 3; i++) {
      assertThat(api.post("/api/petitions", Petitions.valid()).status()).isEqualTo(201);
    }
    Answer fourth = api.post("/api/petitions", Petitions.valid());

    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.error()).contains("登记过于频繁");
  }

  /** The current Beijing time plus some seconds, as the TestClock takes it. */
  private static String now(long plusSeconds) {
    return Instant.now()
        .plusSeconds(plusSeconds)
        .atZone(ZoneId.of("Asia/Shanghai"))
        .toLocalDateTime()
        .toString();
  }

  private static String now() {
    return now(0);
  }
}
