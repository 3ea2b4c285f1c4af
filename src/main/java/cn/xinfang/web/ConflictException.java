package cn.xinfang.web;

/**
 * A request that is well-formed but not allowed in the case's present state (a second evaluation, a
 * review outside its window): answered as 409 {"error"} with the reason; nothing is stored.
 */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
