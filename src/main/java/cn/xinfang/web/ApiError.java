package cn.xinfang.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;

/**
 * The error body of the public API: {"error": "<Chinese message>", "field": "<field at fault>"}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field) {

  /** Answers the request with this error, for filters that refuse before any controller runs. */
  public void write(HttpServletResponse response, int status, ObjectMapper json)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), this);
  }
}
