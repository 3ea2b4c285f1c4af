package cn.xinfang.attachment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The three kinds of file a case takes (scans and photos), recognised by their first bytes, never
 * by the name or the declared type alone: a PDF begins with {@code %PDF-}, a JPEG with {@code FF D8
 * FF}, a PNG with its 8-byte signature. Three signatures are a few lines; a content-detection
 * library (Apache Tika) would add tens of megabytes to recognise formats we refuse anyway.
 */
enum FileKind {
  PDF("application/pdf", Set.of(".pdf"), new byte[] {'%', 'P', 'D', 'F', '-'}),
  JPEG("image/jpeg", Set.of(".jpg", ".jpeg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  PNG("image/png", Set.of(".png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

  private final String contentType;
  private final Set<String> extensions;
  private final byte[] magic;

  FileKind(String contentType, Set<String> extensions, byte[] magic) {
    this.contentType = contentType;
    this.extensions = extensions;
    this.magic = magic;
  }

  String contentType() {
    return contentType;
  }

  /** The extension a stored name gets when it has none of this kind's. */
  String extension() {
    return this == JPEG ? ".jpg" : extensions.iterator().next();
  }

  boolean hasExtension(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return extensions.stream().anyMatch(lower::endsWith);
  }

  /** The kind whose signature the bytes begin with. */
  static Optional<FileKind> of(byte[] content) {
    return Arrays.stream(values()).filter(k -> k.begins(content)).findFirst();
  }

  /** The kind a file name's extension claims, if it is one of ours. */
  static Optional<FileKind> claimedBy(String fileName) {
    return Arrays.stream(values()).filter(k -> k.hasExtension(fileName)).findFirst();
  }

  /** The kind a declared content type names (image/jpg too); empty for none or another. */
  static Optional<FileKind> declared(String contentType) {
    if (contentType == null) {
      return Optional.empty();
    }
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (type.equals("image/jpg") || type.equals("image/pjpeg")) {
      return Optional.of(JPEG);
    }
    return Arrays.stream(values()).filter(k -> k.contentType.equals(type)).findFirst();
  }

  private boolean begins(byte[] content) {
    if (content.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (content[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
