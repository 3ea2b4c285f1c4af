package cn.xinfang.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * Token buckets (Bucket4j) per client, kept in a bounded cache (Caffeine): {@code capacity} tokens,
 * refilled evenly over {@code period}, on the application clock so that tests can let time pass. A
 * client idle for longer than the period has a full bucket again and need not be remembered.
 */
public final class ClientLimits {

  private final Cache<String, Bucket> buckets;
  private final int capacity;
  private final Duration period;
  private final TimeMeter time;

  public ClientLimits(int capacity, Duration period, Clock clock) {
    this.capacity = capacity;
    this.period = period;
    this.buckets =
        Caffeine.newBuilder()
            .expireAfterAccess(period.multipliedBy(2))
            .maximumSize(200_000)
            .build();
    this.time =
        new TimeMeter() {
          @Override
          public long currentTimeNanos() {
            Instant now = clock.instant();
            return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
          }

          @Override
          public boolean isWallClockBased() {
            return true;
          }
        };
  }

  public Bucket of(String client) {
    return buckets.get(
        client,
        k ->
            Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .withCustomTimePrecision(time)
                .build());
  }

  /** 429 with Retry-After and {"error": message (N 秒后)}: the bucket is empty until then. */
  public static void refuse(
      HttpServletResponse response, ObjectMapper json, String message, Bucket bucket)
      throws IOException {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    response.setHeader("Retry-After", Long.toString(seconds));
    new ApiError(message + "（" + seconds + " 秒后）", null)
        .write(response, HttpStatus.TOO_MANY_REQUESTS.value(), json);
  }
}
