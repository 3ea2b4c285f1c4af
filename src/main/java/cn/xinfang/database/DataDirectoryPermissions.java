package cn.xinfang.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded H2 database holds every petitioner's personal data in plain files. Before anything
 * opens it, its folder is made readable by the application's own user only (rwx------), and files
 * already in it rw-------, so that no other account on the server reads them, whatever the umask
 * under which H2 creates new ones; once the application has started, the files H2 has just created
 * get the same. PostgreSQL keeps its own files; on a file system without POSIX permissions nothing
 * changes.
 */
public class DataDirectoryPermissions implements EnvironmentPostProcessor {

  static final String H2_FILE = "jdbc:h2:file:";
  static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    restrict(environment);
  }

  static void restrict(Environment environment) {
    String url = environment.getProperty("spring.datasource.url", "");
    if (url.startsWith(H2_FILE)
        && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      String file = url.substring(H2_FILE.length()).split(";", 2)[0];
      restrict(
          Path.of(file.replaceFirst("^~", System.getProperty("user.home")))
              .toAbsolutePath()
              .getParent());
    }
  }

  /** The files H2 created while the application started (the database itself on a first start). */
  @Component
  static class AfterStart {

    @EventListener(ApplicationReadyEvent.class)
    void restrictCreatedFiles(ApplicationReadyEvent event) {
      restrict(event.getApplicationContext().getEnvironment());
    }
  }

  static void restrict(Path folder) {
    try {
      Files.createDirectories(folder);
      Files.setPosixFilePermissions(folder, FOLDER);
      try (Stream<Path> files = Files.list(folder)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (Files.isRegularFile(f)) {
            Files.setPosixFilePermissions(f, FILE);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot restrict the permissions of the database folder " + folder, e);
    }
  }
}
