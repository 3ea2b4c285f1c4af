package cn.xinfang.web;

/**
 * An authenticated user asked for something their groups do not allow: answered as 403 {"error"}.
 */
public class ForbiddenException extends RuntimeException {

  public ForbiddenException(String message) {
    super(message);
  }
}
