package cn.xinfang.intake;

import cn.xinfang.attachment.AttachmentProperties;
import cn.xinfang.web.ClientLimits;
import cn.xinfang.web.RequestPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate limits of the public API per client address, as token buckets (Bucket4j) in a bounded cache
 * (Caffeine):
 *
 * <ul>
 *   <li>query codes: a look-up that finds no case (404) costs a token; with none left, every
 *       look-up from that address, right or wrong, answers 429 until the bucket refills, so
 *       guessing codes gains nothing. A petitioner who follows their own case spends nothing.
 *   <li>registrations ({@code POST /api/petitions}): only when petition.intake.max-per-minute is
 *       set.
 *   <li>attachment uploads ({@code POST /api/petitions/{queryCode}/attachments}):
 *       petition.attachments.uploads-per-minute per address, right code or wrong.
 * </ul>
 *
 * The address is the connection's; behind a reverse proxy set server.forward-headers-strategy so
 * that it is the client's. Time comes from the application clock, so tests can let a minute pass.
 * Paths are matched as the application routes them ({@link RequestPaths}).
 */
@Component
class RateLimitFilter extends OncePerRequestFilter {

  static final String PATH = "/api/petitions";

  private final ClientLimits lookups;
  private final ClientLimits registrations;
  private final ClientLimits uploads;
  private final int registrationsPerMinute;
  private final ObjectMapper objectMapper;

  RateLimitFilter(
      IntakeProperties properties,
      AttachmentProperties attachments,
      Clock clock,
      ObjectMapper objectMapper) {
    this.registrationsPerMinute = properties.maxPerMinute();
    this.objectMapper = objectMapper;
    this.lookups =
        new ClientLimits(properties.lookupMissesPerMinute(), Duration.ofMinutes(1), clock);
    this.registrations =
        new ClientLimits(Math.max(1, registrationsPerMinute), Duration.ofMinutes(1), clock);
    this.uploads = new ClientLimits(attachments.uploadsPerMinute(), Duration.ofMinutes(1), clock);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !RequestPaths.under(request, PATH);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    String client = request.getRemoteAddr();
    if (path.equals(PATH) || path.equals(PATH + "/")) {
      if ("POST".equals(request.getMethod()) && registrationsPerMinute > 0) {
        Bucket bucket = registrations.of(client);
        if (!bucket.tryConsume(1)) {
          ClientLimits.refuse(response, objectMapper, "登记过于频繁，请稍后再试", bucket);
          return;
        }
      }
      chain.doFilter(request, response);
      return;
    }
    // a path naming a query code: /api/petitions/{queryCode}[/...]
    if ("POST".equals(request.getMethod()) && path.matches(PATH + "/[^/]+/attachments/?")) {
      Bucket upload = uploads.of(client);
      if (!upload.tryConsume(1)) {
        ClientLimits.refuse(response, objectMapper, "上传过于频繁，请稍后再试", upload);
        return;
      }
    }
    Bucket bucket = lookups.of(client);
    if (!bucket.estimateAbilityToConsume(1).canBeConsumed()) {
      ClientLimits.refuse(response, objectMapper, "查询码错误次数过多，请稍后再试", bucket);
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpStatus.NOT_FOUND.value()) {
      bucket.tryConsume(1);
    }
  }
}
