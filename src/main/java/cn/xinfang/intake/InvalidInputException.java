package cn.xinfang.intake;

/** Bad input from a petitioner or clerk: answered as 400 {"error", "field"}; nothing is stored. */
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
