package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.ApplicationIT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff API with the webapps' login ({@link StaffReadSessionAuthenticationProvider}): a
 * Tasklist session reads the clerk's registrations (登记回执) and nothing more: no write to the staff
 * API, no /engine-rest; without a login, 401 as before.
 */
@ApplicationIT
class StaffReadSessionIT {

  @LocalServerPort int port;

  @Test
  void tasklistLoginReadsTheStaffApiButWritesNothing() throws Exception {
    Browser clerk = new Browser();
    clerk.send("GET", "/camunda/app/tasklist/", null, null);
    HttpResponse<String> login =
        clerk.send(
            "POST",
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=clerk1&password=demo",
            "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);

    HttpResponse<String> registrations = clerk.send("GET", "/api/staff/registrations", null, null);
    assertThat(registrations.statusCode()).as(registrations.body()).isEqualTo(200);
    assertThat(registrations.body()).startsWith("[");

    HttpResponse<String> write =
        clerk.send(
            "POST",
            "/api/staff/cases/XF2026-00000001/evaluation",
            "{\"satisfaction\":\"SATISFIED\",\"channel\":\"PHONE\"}",
            "application/json");
    assertThat(write.statusCode()).as(write.body()).isEqualTo(401);
    assertThat(clerk.send("GET", "/engine-rest/task", null, null).statusCode()).isEqualTo(401);

    Browser stranger = new Browser();
    assertThat(stranger.send("GET", "/api/staff/registrations", null, null).statusCode())
        .isEqualTo(401);
  }

  /** A browser: cookies kept, the CSRF token sent back as Tasklist does. */
  private final class Browser {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> send(String method, String path, String body, String type)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .ifPresent(token -> request.header("X-XSRF-TOKEN", token));
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body));
      }
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
