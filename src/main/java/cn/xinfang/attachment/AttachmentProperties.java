package cn.xinfang.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * petition.attachments.*: how large one attachment may be, how many a case may have and how large
 * they may be together, and how many uploads one client address may post per minute on the public
 * API. The upload request's cap (multipart and the request body filter) follows maxFileSize.
 */
@ConfigurationProperties("petition.attachments")
public record AttachmentProperties(
    DataSize maxFileSize, DataSize maxCaseSize, int maxPerCase, int uploadsPerMinute) {

  public AttachmentProperties {
    if (maxFileSize == null || maxFileSize.toBytes() <= 0) {
      maxFileSize = DataSize.ofMegabytes(10);
    }
    if (maxCaseSize == null || maxCaseSize.toBytes() <= 0) {
      maxCaseSize = DataSize.ofMegabytes(50);
    }
    if (maxPerCase <= 0) {
      maxPerCase = 20;
    }
    if (uploadsPerMinute <= 0) {
      uploadsPerMinute = 10;
    }
  }

  /** A size as people read it: 10 MB, 512 KB. */
  static String readable(DataSize size) {
    long bytes = size.toBytes();
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " 字节";
  }
}
