package cn.xinfang.attachment;

import cn.xinfang.casestore.Attachment;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An attachment's bytes as a download that no browser renders in the application's origin: always
 * {@code Content-Disposition: attachment} with the sanitised name, the type found in the bytes, no
 * sniffing, a sandboxing CSP that allows nothing, never framed, never cached.
 */
public final class Downloads {

  static final String POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

  private Downloads() {}

  public static ResponseEntity<byte[]> of(Attachment a, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(a.contentType()))
        .contentLength(content.length)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(a.fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", POLICY)
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .header(HttpHeaders.EXPIRES, "0")
        .body(content);
  }
}
