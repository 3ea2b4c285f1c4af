package cn.xinfang.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's and the portal's addresses are plain: a request whose raw address under /api or /portal
 * holds a path parameter ({@code ;}) or an encoded separator ({@code %2F %5C %3B %2E %25}) is
 * answered 400 before anything else reads it, so no filter can be passed by writing the same path
 * another way. Nothing the API or the portal links to is written so.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PathGuard extends OncePerRequestFilter {

  static final String MESSAGE = "请求地址不合法：地址中不能含有分号或编码的路径分隔符";
  private static final Pattern ENCODED_SEPARATOR = Pattern.compile("%(2f|5c|3b|2e|25)");

  private final ObjectMapper json;

  PathGuard(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !(RequestPaths.under(request, "/api") || RequestPaths.under(request, "/portal"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String raw = request.getRequestURI();
    if (raw.indexOf(';') >= 0 || ENCODED_SEPARATOR.matcher(raw.toLowerCase(Locale.ROOT)).find()) {
      new ApiError(MESSAGE, null).write(response, HttpServletResponse.SC_BAD_REQUEST, json);
      return;
    }
    chain.doFilter(request, response);
  }
}
