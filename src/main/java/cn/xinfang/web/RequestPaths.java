package cn.xinfang.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of a request as the application routes it: decoded, with dot segments resolved and path
 * parameters ({@code ;x=1}) removed, which is what the servlet container and Spring match against.
 * Filters that decide by path must look at this one, never at the raw request URI, or {@code
 * /api;x=1/petitions} and {@code /api/%70etitions} would slip past them to the same controller.
 */
public final class RequestPaths {

  private RequestPaths() {}

  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }

  /** Whether the request's routed path is {@code prefix} or below it. */
  public static boolean under(HttpServletRequest request, String prefix) {
    String path = of(request);
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
