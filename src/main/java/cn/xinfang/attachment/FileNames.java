package cn.xinfang.attachment;

import java.text.Normalizer;

/**
 * The name an attachment is stored and offered for download under: the last segment of what the
 * client sent (no directory, whichever separator), without control, format or reserved characters
 * ({@code < > : " / \ | ? *}), no leading dots, at most {@value #MAX_LENGTH} characters, ending in
 * an extension of the file's real kind. It is only ever a label: the bytes are stored in the
 * database under a generated id, never under this name.
 */
final class FileNames {

  static final int MAX_LENGTH = 100;
  private static final String RESERVED = "<>:\"/\\|?*";

  private FileNames() {}

  static String sanitise(String original, FileKind kind) {
    String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(c -> !Character.isISOControl(c))
        .filter(c -> Character.getType(c) != Character.FORMAT)
        .filter(c -> Character.getType(c) != Character.PRIVATE_USE)
        .filter(c -> Character.getType(c) != Character.SURROGATE)
        .filter(c -> RESERVED.indexOf(c) < 0)
        .forEach(kept::appendCodePoint);
    name = kept.toString().strip();
    while (name.startsWith(".")) {
      name = name.substring(1).strip();
    }
    String extension = kind.extension();
    if (kind.hasExtension(name)) {
      int dot = name.lastIndexOf('.');
      extension = name.substring(dot);
      name = name.substring(0, dot);
    } else if (name.contains(".")) {
      // another extension (.html, .exe, .pdf.exe): keep it as part of the name, never as its end
      name = name.replace('.', '_');
    }
    name = name.replace('.', '_').strip();
    int room = MAX_LENGTH - extension.length();
    if (name.codePointCount(0, name.length()) > room) {
      name = name.substring(0, name.offsetByCodePoints(0, room));
    }
    if (name.isBlank()) {
      name = "附件";
    }
    return name + extension;
  }
}
