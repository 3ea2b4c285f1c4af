package cn.xinfang.support;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Small files for upload tests: the beginnings real PDF, JPEG and PNG files have (what the server
 * checks), and files that only pretend to be one.
 */
public final class SampleFiles {

  private SampleFiles() {}

  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n% 信访材料 " + text + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] png() {
    return new byte[] {
      (byte) 0x89,
      'P',
      'N',
      'G',
      '\r',
      '\n',
      0x1A,
      '\n',
      0,
      0,
      0,
      13,
      'I',
      'H',
      'D',
      'R',
      0,
      0,
      0,
      1
    };
  }

  public static byte[] jpeg() {
    return new byte[] {
      (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'
    };
  }

  public static byte[] html() {
    return "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] svg() {
    return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\">"
            + "<script>alert(1)</script></svg>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A PDF of exactly {@code size} bytes. */
  public static byte[] pdfOfSize(int size) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) ' ');
    byte[] head = pdf("").clone();
    System.arraycopy(head, 0, bytes, 0, Math.min(head.length, size));
    return bytes;
  }
}
