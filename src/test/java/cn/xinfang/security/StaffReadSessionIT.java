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
 * The staff API with the webapps' login ({@link StaffSessionAuthenticationProvider}): a Tasklist
 * session reads the clerk's registrations (登记回执); it writes to the staff API only with the webapps'
 * CSRF token, and never reaches /engine-rest; without a login, 401 as before.
 */
@ApplicationIT
class StaffReadSessionIT {

  @LocalServerPort int port;

  @Test
  void tasklistLoginReadsTheStaffApiAndWritesOnlyWithItsToken() throws Exception {
    Browser clerk = new Browser();
    clerk.send("GET", "/camunda/app/tasklist/", null, null);
    HttpResponse<String> login =
        clerk.send(
            "POST",
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=clerk1&password=demo",
            "application/x-www-form-urlencoded");
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login renews the session and its CSRF token; Tasklist's next page brings the new one
    clerk.send("GET", "/camunda/app/tasklist/", null, null);

    HttpResponse<String> registrations = clerk.send("GET", "/api/staff/registrations", null, null);
    assertThat(registrations.statusCode()).as(registrations.body()).isEqualTo(200);
    assertThat(registrations.body()).startsWith("[");

    String evaluation = "/api/staff/cases/XF2026-99999999/evaluation";
    String rating = "{\"satisfaction\":\"SATISFIED\",\"channel\":\"PHONE\"}";
    HttpResponse<String> forged = clerk.send("POST", evaluation, rating, "application/json", false);
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(401);
    // with the token the session is clerk1, refused as over Basic: a case that does not exist
    HttpResponse<String> write = clerk.send("POST", evaluation, rating, "application/json", true);
    assertThat(write.statusCode()).as(write.body()).isEqualTo(404);
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
      return send(method, path, body, type, true);
    }

    HttpResponse<String> send(String method, String path, String body, String type, boolean token)
        throws IOException, InterruptedException {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
      cookies.getCookieStore().getCookies().stream()
          .filter(c -> token && c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue)
          .findFirst()
          .ifPresent(value -> request.header("X-XSRF-TOKEN", value));
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
