package cn.xinfang.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The magic bytes of the three kinds a case takes, and what a client's file name becomes. */
class FileChecksTest {

  @Test
  void kindsAreRecognisedByTheirBytesOnly() {
    assertThat(FileKind.of(SampleFiles.pdf("x"))).hasValue(FileKind.PDF);
    assertThat(FileKind.of(SampleFiles.jpeg())).hasValue(FileKind.JPEG);
    assertThat(FileKind.of(SampleFiles.png())).hasValue(FileKind.PNG);
    assertThat(FileKind.of(SampleFiles.html())).isEmpty();
    assertThat(FileKind.of(SampleFiles.svg())).isEmpty();
    assertThat(FileKind.of(new byte[] {'%', 'P', 'D'})).isEmpty();
    assertThat(FileKind.of(new byte[0])).isEmpty();
    assertThat(FileKind.declared("image/jpg")).hasValue(FileKind.JPEG);
    assertThat(FileKind.declared("application/pdf; charset=binary")).hasValue(FileKind.PDF);
    assertThat(FileKind.declared("image/svg+xml")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "租赁合同.pdf | PDF | 租赁合同.pdf",
        "../../etc/passwd.pdf | PDF | passwd.pdf",
        "C:\\Users\\张三\\身份证.JPEG | JPEG | 身份证.JPEG",
        "扫描件.pdf.exe | PDF | 扫描件_pdf_exe.pdf",
        "照片 | PNG | 照片.png",
        "'...' | PNG | 附件.png",
        "'<script>alert(1)</script>.png' | PNG | script.png",
        "'a\u202Egpj.pdf' | PDF | agpj.pdf",
        "'' | JPEG | 附件.jpg"
      })
  void namesAreLabelsWithoutPathsOrControlCharacters(
      String original, FileKind kind, String stored) {
    assertThat(FileNames.sanitise(original, kind)).isEqualTo(stored);
  }

  @Test
  void longNamesKeepTheirExtension() {
    String name = FileNames.sanitise("很".repeat(300) + ".pdf", FileKind.PDF);
    assertThat(name).endsWith(".pdf").hasSize(FileNames.MAX_LENGTH);
  }
}
