package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The red team against the packaged jar on an H2 file database, as the default profile runs it. */
class RedTeamH2IT extends RedTeam {

  Path data() {
    return workDir.toAbsolutePath().resolve("data");
  }

  @Override
  Map<String, Object> database() throws Exception {
    return Map.of(
        "spring.datasource.url", "jdbc:h2:file:" + data().resolve("xinfang") + ";WRITE_DELAY=0");
  }

  @Test
  void theDatabaseFilesAreReadableByTheApplicationsUserOnly() throws Exception {
    assertThat(Files.getPosixFilePermissions(data()))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    Path file = data().resolve("xinfang.mv.db");
    assertThat(file).exists();
    assertThat(Files.getPosixFilePermissions(file))
        .doesNotContain(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);
  }
}
