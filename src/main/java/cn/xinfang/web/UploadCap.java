package cn.xinfang.web;

import org.springframework.util.unit.DataSize;

/**
 * The body cap of an attachment upload: one file of petition.attachments.max-file-size and the
 * multipart form around it (boundaries, part headers, the file name). The request body filter and
 * the multipart parser use the same number.
 */
public final class UploadCap {

  /** Room for the multipart form around one file. */
  public static final long OVERHEAD = 64 * 1024;

  private UploadCap() {}

  public static long of(DataSize maxFileSize) {
    return maxFileSize.toBytes() + OVERHEAD;
  }
}
