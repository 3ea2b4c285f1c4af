package cn.xinfang.notice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SMS gateway over HTTP (the JDK's client: one POST, nothing to pool or retry here; retries are
 * the engine's, see processes/notice-delivery.bpmn). A failure throws with a message that names the
 * gateway's answer and never the phone number, because it becomes the incident text in Cockpit.
 */
@Component
class SmsGateway {

  private final SmsProperties properties;
  private final ObjectMapper json;
  private final HttpClient client;

  SmsGateway(SmsProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  boolean enabled() {
    return properties.enabled();
  }

  void send(String phone, String text, String reference) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(properties.gatewayUrl())
              .timeout(properties.timeout())
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      json.writeValueAsString(
                          Map.of("phone", phone, "text", text, "reference", reference))))
              .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("短信内容无法编码", e);
    }
    HttpResponse<Void> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new SmsNotSentException(
          "短信网关不可达："
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : " " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsNotSentException("发送短信时被中断");
    }
    if (response.statusCode() / 100 != 2) {
      throw new SmsNotSentException("短信网关拒绝了消息：HTTP " + response.statusCode());
    }
  }

  /** The message was not taken; the job fails and the engine retries it. */
  static class SmsNotSentException extends RuntimeException {

    SmsNotSentException(String message) {
      super(message);
    }
  }
}
