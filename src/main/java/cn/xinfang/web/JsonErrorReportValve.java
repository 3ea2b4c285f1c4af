package cn.xinfang.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before they reach the application (a URL with an encoded NUL, a malformed
 * request line) get the API's JSON error instead of Tomcat's HTML page; everything that reaches the
 * application is answered by its own handlers as before.
 */
public class JsonErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(
            status < 500 ? "{\"error\":\"请求无效：地址或格式不正确\"}" : "{\"error\":\"服务器内部错误，请稍后重试\"}");
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response is committed: nothing more to say
    }
  }

  /** Installs the valve as the host's error report valve. */
  @Component
  static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context ->
              ((StandardHost) context.getParent())
                  .setErrorReportValveClass(JsonErrorReportValve.class.getName()));
    }
  }
}
