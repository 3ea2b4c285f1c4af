package cn.xinfang.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the public API per client address, as token buckets (Bucket4j) in a bounded cache
 * (Caffeine):
 * <ul>
 *   <li>query codes: a look-up that finds no case (404) costs a token; with none left, every look-up
 *       from that address, right or wrong, answers 429 until the bucket refills, so guessing codes
 *       gains nothing. A petitioner who follows their own case spends nothing.</li>
 *   <li>registrations ({@code POST /api/petitions}): only when petition.intake.max-per-minute is set.</li>
 * </ul>
 * The address is the connection's; behind a reverse proxy set server.forward-headers-strategy so that
 * it is the client's. Time comes from the application clock, so tests can let a minute pass.
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

  static final String PATH = "/api/petitions";

  private final Cache<String, Bucket> lookups;
  private final Cache<String, Bucket> registrations;
  private final int missesPerMinute;
  private final int registrationsPerMinute;
  private final TimeMeter time;
  private final ObjectMapper objectMapper;

  RateLimitFilter(IntakeProperties properties, Clock clock, ObjectMapper objectMapper) {
    this.missesPerMinute = properties.lookupMissesPerMinute();
    this.registrationsPerMinute = properties.maxPerMinute();
    this.objectMapper = objectMapper;
    this.time = new TimeMeter() {
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
    this.lookups = buckets();
    this.registrations = buckets();
  }

  private static Cache<String, Bucket> buckets() {
    // an address idle for longer than a refill has a full bucket again: it need not be remembered
    return Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(2)).maximumSize(200_000).build();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith(request.getContextPath() + PATH);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String client = request.getRemoteAddr();
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      if ("POST".equals(request.getMethod()) && registrationsPerMinute > 0) {
        Bucket bucket = bucket(registrations, client, registrationsPerMinute);
        if (!bucket.tryConsume(1)) {
          refuse(response, "登记过于频繁，请稍后再试", bucket);
          return;
        }
      }
      chain.doFilter(request, response);
      return;
    }
    // a path naming a query code: /api/petitions/{queryCode}[/...]
    Bucket bucket = bucket(lookups, client, missesPerMinute);
    if (!bucket.estimateAbilityToConsume(1).canBeConsumed()) {
      refuse(response, "查询码错误次数过多，请稍后再试", bucket);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.NOT_FOUND.value()) {
      bucket.tryConsume(1);
    }
  }

  private Bucket bucket(Cache<String, Bucket> buckets, String client, int perMinute) {
    return buckets.get(client, k -> Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .withCustomTimePrecision(time)
        .build());
  }

  private void refuse(HttpServletResponse response, String message, Bucket bucket) throws IOException {
    EstimationProbe probe = bucket.estimateAbilityToConsume(1);
    long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1);
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setHeader("Retry-After", Long.toString(seconds));
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    objectMapper.writeValue(response.getOutputStream(), Map.of("error", message + "（" + seconds + " 秒后）"));
  }
}
