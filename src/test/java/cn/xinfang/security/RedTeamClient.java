package cn.xinfang.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.xinfang.support.Apps;
import cn.xinfang.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the red team sends to the packaged application: requests as a demo user (password demo),
 * from a client address of its choosing (X-Forwarded-For, which the application trusts from
 * loopback when started with server.forward-headers-strategy=native), and raw requests for what
 * HttpClient will not send.
 */
final class RedTeamClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  RedTeamClient(String base) {
    this.base = base;
  }

  record Answer(int status, String body, java.net.http.HttpHeaders headers) {

    JsonNode json() {
      try {
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("not JSON (" + status + "): " + body, e);
      }
    }

    String error() {
      JsonNode json = json();
      return json.has("error") ? json.path("error").asText() : json.path("message").asText();
    }

    /**
     * Asserts the refusal: the status, and an error that says in Chinese what was refused, without
     * the engine's codes; answers this answer.
     */
    Answer refused(int expectedStatus, String words) {
      assertThat(status()).as(body()).isEqualTo(expectedStatus);
      assertThat(error()).as(body()).contains(words).doesNotContain("ENGINE-");
      return this;
    }
  }

  /** A JSON request as that user (none: anonymous), with extra headers as name, value pairs. */
  Answer call(String user, String method, String path, Object body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      request.header("Authorization", Apps.basic(user, "demo"));
    }
    try {
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
    return send(request, headers);
  }

  private Answer send(HttpRequest.Builder request, String... headers) {
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(
          request.build().method() + " " + request.build().uri() + ": " + e, e);
    }
  }

  Answer get(String user, String path) {
    return call(user, "GET", path, null);
  }

  Answer post(String user, String path, Object body) {
    return call(user, "POST", path, body);
  }

  /** GET that must answer 200; its JSON. */
  JsonNode read(String user, String path) {
    Answer answer = get(user, path);
    assertThat(answer.status()).as("GET %s as %s: %s", path, user, answer.body()).isEqualTo(200);
    return answer.json();
  }

  /** POST that must answer the status; its JSON. */
  JsonNode send(String user, String path, Object body, int status) {
    Answer answer = post(user, path, body);
    assertThat(answer.status())
        .as("POST %s as %s: %s", path, user, answer.body())
        .isEqualTo(status);
    return answer.json();
  }

  /** The one open task of that key of the case, as that user sees it. */
  JsonNode task(String user, String key, String caseNumber) {
    JsonNode tasks =
        read(
            user,
            "/engine-rest/task?taskDefinitionKey="
                + key
                + "&processInstanceBusinessKey="
                + caseNumber);
    assertThat(tasks).as("%s of %s for %s", key, caseNumber, user).hasSize(1);
    return tasks.get(0);
  }

  void complete(String user, JsonNode task, Map<String, Object> values) {
    send(
        user,
        "/engine-rest/task/" + task.path("id").asText() + "/complete",
        Map.of("variables", Http.variables(values)),
        204);
  }

  /** A multipart deployment of one BPMN resource, as Camunda Modeler sends it. */
  Answer deploy(String user, String name, String bpmn, String... headers) {
    String boundary = "----redteam" + System.nanoTime();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + name
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + ".bpmn\"; filename=\""
            + name
            + ".bpmn\"\r\nContent-Type: text/xml\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    return send(
        HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
            .header("Authorization", Apps.basic(user, "demo"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  // --- attachments (issue 13)

  /** A multipart upload of one file as that user (none: the petitioner), with extra headers. */
  Answer upload(
      String user,
      String path,
      String fileName,
      String contentType,
      byte[] content,
      String... headers) {
    HttpRequest.Builder request =
        multipart(URI.create(base + path), fileName, contentType, content);
    if (user != null) {
      request.header("Authorization", Apps.basic(user, "demo"));
    }
    return send(request, headers);
  }

  /** A GET as that user whose body is kept byte for byte (ISO-8859-1 in {@link Answer#body}). */
  Answer download(String user, String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (user != null) {
      request.header("Authorization", Apps.basic(user, "demo"));
    }
    try {
      HttpResponse<byte[]> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(),
          new String(response.body(), StandardCharsets.ISO_8859_1),
          response.headers());
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  static HttpRequest.Builder multipart(
      URI uri, String fileName, String contentType, byte[] content) {
    String boundary = "----redteam" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + contentType
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /**
   * A request written byte for byte on a socket (a Host header of the attacker's choosing, a path
   * the client libraries would normalise, a body announced larger than what follows); answers the
   * status line and headers, read without waiting for the server to close.
   */
  String raw(String requestLines) {
    return raw(requestLines, "");
  }

  String raw(String requestLines, String bodyStart) {
    URI uri = URI.create(base);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLines + "Connection: close\r\n\r\n" + bodyStart)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      for (int b = in.read(); b >= 0 && !head.toString().endsWith("\r\n\r\n"); b = in.read()) {
        head.append((char) b);
      }
      return head.toString().strip();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A form POST (application/x-www-form-urlencoded), as the webapps' login page sends it. */
  Answer form(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  /**
   * A browser session of the webapps, logged in as that user, sending the CSRF token as Tasklist
   * does.
   */
  final class Webapp {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    Webapp(String user) {
      send("GET", "/camunda/app/tasklist/", null, null);
      Answer login =
          send(
              "POST",
              "/camunda/api/admin/auth/user/default/login/tasklist",
              "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=demo",
              "application/x-www-form-urlencoded");
      assertThat(login.status()).as("webapp login of %s: %s", user, login.body()).isEqualTo(200);
    }

    /**
     * A GET, as Tasklist sends after logging in: the session is new then, and the CSRF token of the
     * page loaded before the login no longer holds; the answer carries the new one.
     */
    Answer get(String path) {
      return send("GET", path, null, null);
    }

    Answer post(String path, Object body) {
      try {
        return send("POST", path, JSON.writeValueAsString(body), "application/json");
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** An upload with the webapps' session, with or without its CSRF token (issue 13). */
    Answer upload(String path, byte[] content, boolean withToken, String... headers) {
      HttpRequest.Builder request =
          multipart(URI.create(base + path), "scan.pdf", "application/pdf", content);
      String token =
          cookies.getCookieStore().getCookies().stream()
              .filter(c -> c.getName().equals("XSRF-TOKEN"))
              .map(HttpCookie::getValue)
              .findFirst()
              .orElse(null);
      if (withToken && token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      for (int i = 0; i < headers.length; i += 2) {
        request.header(headers[i], headers[i + 1]);
      }
      try {
        HttpResponse<String> response =
            browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    private Answer send(String method, String path, String body, String type) {
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        String token =
            cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
        if (token != null) {
          request.header("X-XSRF-TOKEN", token);
        }
        if (body == null) {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
          request
              .header("Content-Type", type)
              .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response =
            browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response.headers());
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Everything an attack could have changed about a case, as an administrator reads it: its file
   * (status, route, unit, deadline, milestones with their notes, notices), its process's variables
   * (serialized, never deserialized), its open tasks and their assignees, and every grant on its
   * process.
   */
  String snapshot(String caseNumber, String processInstanceId) {
    JsonNode file = read("demo", "/api/staff/cases/" + caseNumber);
    StringBuilder s = new StringBuilder();
    for (String field :
        List.of("status", "route", "handlingUnit", "currentDeadline", "currentDeadlineName")) {
      s.append(field).append('=').append(file.path(field).asText()).append('\n');
    }
    file.path("milestones")
        .forEach(
            m ->
                s.append("milestone ")
                    .append(m.path("type").asText())
                    .append(' ')
                    .append(m.path("description").asText())
                    .append(" | ")
                    .append(m.path("internalNote").asText())
                    .append('\n'));
    file.path("notices")
        .forEach(n -> s.append("notice ").append(n.path("type").asText()).append('\n'));
    appendVariables(
        s, "/engine-rest/variable-instance?processInstanceIdIn=" + processInstanceId, "variable ");
    read("demo", "/engine-rest/task?processInstanceId=" + processInstanceId)
        .forEach(
            t ->
                s.append("task ")
                    .append(t.path("taskDefinitionKey").asText())
                    .append(" assignee=")
                    .append(t.path("assignee").asText())
                    .append(" due=")
                    .append(t.path("due").asText())
                    .append('\n'));
    List<String> grants = new ArrayList<>();
    read("demo", "/engine-rest/authorization?resourceId=" + processInstanceId)
        .forEach(
            a ->
                grants.add(
                    a.path("resourceType").asText()
                        + " "
                        + a.path("groupId").asText()
                        + a.path("userId").asText()
                        + " "
                        + a.path("permissions").toString()));
    grants.stream().sorted().forEach(g -> s.append("grant ").append(g).append('\n'));
    return s.toString();
  }

  /**
   * Everything supervision (网上督, issue 14) keeps of a case besides its file, as an administrator
   * reads it: each supervision process of the case (business key: the case number), running or
   * ended, with its variables; its open tasks with their assignee, due date, priority and
   * candidates; the notes on the case's own open tasks (催办, 督办函); and the case's audit lines but
   * the reads (every decision, answer and withdrawal of a supervision is one).
   */
  String supervisionSnapshot(String caseNumber, String processInstanceId) {
    StringBuilder s = new StringBuilder();
    for (JsonNode p :
        read(
            "demo",
            "/engine-rest/history/process-instance?processDefinitionKey=supervision"
                + "&processInstanceBusinessKey="
                + caseNumber
                + "&sortBy=startTime&sortOrder=asc")) {
      String id = p.path("id").asText();
      s.append("supervision ").append(id).append(' ').append(p.path("state").asText()).append('\n');
      appendVariables(
          s, "/engine-rest/history/variable-instance?processInstanceId=" + id, "  variable ");
      read("demo", "/engine-rest/task?processInstanceId=" + id)
          .forEach(
              t -> {
                s.append("  task ")
                    .append(t.path("taskDefinitionKey").asText())
                    .append(" assignee=")
                    .append(t.path("assignee").asText())
                    .append(" due=")
                    .append(t.path("due").asText())
                    .append(" priority=")
                    .append(t.path("priority").asText());
                read("demo", "/engine-rest/task/" + t.path("id").asText() + "/identity-links")
                    .forEach(
                        l ->
                            s.append(' ')
                                .append(l.path("type").asText())
                                .append(':')
                                .append(l.path("groupId").asText(""))
                                .append(l.path("userId").asText("")));
                s.append('\n');
              });
    }
    read("demo", "/engine-rest/task?processInstanceId=" + processInstanceId)
        .forEach(
            t ->
                read("demo", "/engine-rest/task/" + t.path("id").asText() + "/comment")
                    .forEach(
                        m ->
                            s.append("note on ")
                                .append(t.path("taskDefinitionKey").asText())
                                .append(": ")
                                .append(m.path("message").asText())
                                .append('\n')));
    read("demo", "/api/audit/cases/" + caseNumber)
        .path("entries")
        .forEach(
            e -> {
              String action = e.path("action").asText();
              if (!List.of("VIEW", "VIEW_REFUSED", "AUDIT_VIEW").contains(action)) {
                s.append("audit ")
                    .append(e.path("actor").asText())
                    .append(' ')
                    .append(action)
                    .append(' ')
                    .append(e.path("detail").asText())
                    .append('\n');
              }
            });
    return s.toString();
  }

  /** The variables the path lists (as an administrator), sorted by name and task, one per line. */
  private void appendVariables(StringBuilder s, String path, String prefix) {
    Map<String, String> variables = new TreeMap<>();
    read("demo", path + "&deserializeValues=false&maxResults=1000")
        .forEach(
            v ->
                variables.put(
                    v.path("name").asText() + "@" + v.path("taskId").asText(""),
                    v.path("type").asText() + ":" + v.path("value").toString()));
    variables.forEach((k, v) -> s.append(prefix).append(k).append('=').append(v).append('\n'));
  }
}
