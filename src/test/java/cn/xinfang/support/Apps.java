package cn.xinfang.support;

import cn.xinfang.XinfangApplication;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The whole application started by a test with its own properties, on a random port. */
public final class Apps {

  private Apps() {}

  /**
   * Starts the application; the properties go in as command-line arguments, which outrank
   * application.yaml.
   */
  public static ConfigurableApplicationContext start(Map<String, Object> properties) {
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(XinfangApplication.class).run(args);
  }

  public static String base(ConfigurableApplicationContext app) {
    return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
  }

  /** The value of an HTTP Basic Authorization header. */
  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
