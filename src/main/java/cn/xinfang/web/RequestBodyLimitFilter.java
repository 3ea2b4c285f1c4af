package cn.xinfang.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies of the public API (petition.intake.max-body-bytes): a declared Content-Length
 * over the cap is refused before reading, a chunked body is cut off while it is read. An upload of
 * an attachment (POST to {@code …/attachments} of a case, by query code or case number) has the
 * larger cap of one file (petition.attachments.max-file-size) and its form ({@link UploadCap}); the
 * multipart parser enforces the same cap on the bytes it reads itself.
 */
@Component
class RequestBodyLimitFilter extends OncePerRequestFilter {

  static final String MESSAGE = "请求体过大";

  /** The routed paths an attachment is uploaded to (POST only). */
  static final Pattern UPLOAD =
      Pattern.compile("/api/(petitions/[^/]+|staff/cases/[^/]+)/attachments/?");

  private final long maxBytes;
  private final long maxUploadBytes;
  private final ObjectMapper objectMapper;

  RequestBodyLimitFilter(
      @Value("${petition.intake.max-body-bytes:262144}") long maxBytes,
      @Value("${petition.attachments.max-file-size:10MB}") DataSize maxFileSize,
      ObjectMapper objectMapper) {
    this.maxBytes = maxBytes;
    this.maxUploadBytes = Math.max(maxBytes, UploadCap.of(maxFileSize));
    this.objectMapper = objectMapper;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !RequestPaths.under(request, "/api");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long cap =
        "POST".equals(request.getMethod()) && UPLOAD.matcher(RequestPaths.of(request)).matches()
            ? maxUploadBytes
            : maxBytes;
    if (request.getContentLengthLong() > cap) {
      new ApiError(MESSAGE, null)
          .write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, objectMapper);
      return;
    }
    chain.doFilter(new LimitedRequest(request, cap), response);
  }

  static boolean isTooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super(MESSAGE);
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long maxBytes) {
      super(request);
      this.maxBytes = maxBytes;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              private long count;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                count += n;
                if (count > maxBytes) {
                  throw new BodyTooLargeException();
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
