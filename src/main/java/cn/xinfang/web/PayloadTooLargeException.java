package cn.xinfang.web;

/**
 * A file or body over its configured size: answered as 413 {"error"} with the limit; nothing is
 * stored.
 */
public class PayloadTooLargeException extends RuntimeException {

  public PayloadTooLargeException(String message) {
    super(message);
  }
}
