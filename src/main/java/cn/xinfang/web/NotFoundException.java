package cn.xinfang.web;

/** Answered as 404 {"error"}. */
public class NotFoundException extends RuntimeException {

  public NotFoundException(String message) {
    super(message);
  }
}
