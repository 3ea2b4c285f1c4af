package cn.xinfang.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What a clerk reads when Tasklist's change is refused. Tasklist shows a refusal as its own heading
 * (locales/zh.json, e.g. COMPLETE_ERROR) followed by the {@code message} of the webapps' engine API
 * ({@code /camunda/api/engine}), a JAX-RS application of its own that the mappers of /engine-rest
 * ({@link TaskInputErrorMapper}) do not reach. There the engine wraps our Chinese refusals in
 * English ("Cannot submit task form 1f2e…: 请填写通信地址", status 500) and answers its own refusals in
 * English only. This filter makes each such answer one Chinese sentence: the Chinese refusal
 * without the engine's wrapping (and 400, since it is the input that was refused), the engine's
 * English refusals that a clerk can meet in Chinese, anything else a general sentence (the original
 * in the log). Tasklist puts the message into the page as HTML, so it is escaped.
 *
 * <p>Only changes (not GET), and only for requests of Tasklist (by its Referer: this is about what
 * a clerk reads, not a control); Cockpit's administrators keep the engine's own words. Messages
 * Tasklist itself recognises (a task that is gone or suspended) pass unchanged.
 */
@Component
class TasklistErrorMessages extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistErrorMessages.class);

  private static final String TASKLIST = "/camunda/app/tasklist/";

  static final String GENERAL = "操作未能完成，请刷新页面后重试；如仍不成功，请联系系统管理员。";
  static final String NOT_PERMITTED = "您无权执行此操作。";
  static final String TASK_GONE = "该任务已不存在（可能已由他人办理完毕），请刷新任务列表。";
  static final String CLAIMED_BY_OTHER = "该任务已被他人认领，请刷新任务列表。";

  /** Texts Tasklist's task view maps to its own zh.json labels (TASK_NOT_EXIST …). */
  private static final Pattern TASKLIST_OWN =
      Pattern.compile("task is null|No matching task|is suspended|submission prevented");

  static final Pattern CJK = Pattern.compile("[\\u3400-\\u9fff\\uff00-\\uffef\\u3000-\\u303f]");

  private final ObjectMapper json;

  TasklistErrorMessages(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String referer = request.getHeader("Referer");
    return "GET".equals(request.getMethod())
        || !RequestPaths.under(request, "/camunda/api/engine")
        || referer == null
        || !referer.contains(TASKLIST);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, wrapper);
      if (wrapper.getStatus() >= 400 && isJson(wrapper.getContentType())) {
        rewrite(wrapper);
      }
    } finally {
      wrapper.copyBodyToResponse();
    }
  }

  private static boolean isJson(String contentType) {
    return contentType != null && contentType.startsWith(MediaType.APPLICATION_JSON_VALUE);
  }

  private void rewrite(ContentCachingResponseWrapper response) throws IOException {
    JsonNode body;
    try {
      body = json.readTree(response.getContentAsByteArray());
    } catch (IOException notJson) {
      return;
    }
    if (!(body instanceof ObjectNode error) || !error.path("message").isTextual()) {
      return;
    }
    String original = error.get("message").asText();
    if (TASKLIST_OWN.matcher(original).find()) {
      return;
    }
    String clerk = clerkMessage(original);
    if (clerk.equals(GENERAL)) {
      LOG.info("Tasklist refusal shown as a general message: {}", original);
    }
    error.put("message", escape(clerk));
    if (response.getStatus() >= 500 && CJK.matcher(original).find()) {
      // our own refusal of the input, which the engine wrapped into an internal error
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    response.resetBuffer();
    response
        .getOutputStream()
        .write(json.writeValueAsString(error).getBytes(StandardCharsets.UTF_8));
  }

  /** One Chinese sentence for the engine's answer. */
  static String clerkMessage(String message) {
    var cjk = CJK.matcher(message);
    if (cjk.find()) {
      // "Cannot submit task form <id>: <our Chinese refusal>": the refusal without its wrapping
      int wrapping = message.lastIndexOf(": ", cjk.start());
      return wrapping < 0 ? message : message.substring(wrapping + 2);
    }
    if (message.contains("does not have") && message.contains("permission")) {
      return NOT_PERMITTED;
    }
    if (message.contains("No task found") || message.contains("Cannot find task")) {
      return TASK_GONE;
    }
    if (message.contains("already claimed")) {
      return CLAIMED_BY_OTHER;
    }
    return GENERAL;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
