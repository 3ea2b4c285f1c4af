package cn.xinfang.web;

/**
 * Bad input from a petitioner or clerk, naming the field: answered as 400 {"error", "field"} by the
 * public API (ApiExceptionHandler) and by /engine-rest when a task listener or delegate throws it
 * (TaskInputErrorMapper); the transaction rolls back, nothing is stored.
 */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
