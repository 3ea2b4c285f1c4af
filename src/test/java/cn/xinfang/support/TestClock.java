package cn.xinfang.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: the system clock until a test pins it to a moment (given in
 * Beijing time), so that acceptance, delivery and requests happen on the days a test needs, e.g.
 * just before a holiday. Tests that pin it reset it afterwards.
 */
public class TestClock extends Clock {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private volatile Instant pinned;

  /** From now on "now" is this Beijing local time, e.g. "2026-09-24T10:00". */
  public void pin(String beijingLocalDateTime) {
    pinned = LocalDateTime.parse(beijingLocalDateTime).atZone(BEIJING).toInstant();
  }

  public void reset() {
    pinned = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant p = pinned;
    return p != null ? p : Instant.now();
  }
}
