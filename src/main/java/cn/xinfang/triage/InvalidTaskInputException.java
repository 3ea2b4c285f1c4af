package cn.xinfang.triage;

/**
 * A user task was completed with missing or invalid variables. The transaction rolls back; over
 * /engine-rest the answer is 400 (see cn.xinfang.system.TaskInputErrorMapper), in Tasklist the
 * message is shown to the clerk.
 */
public class InvalidTaskInputException extends RuntimeException {

  private final String field;

  public InvalidTaskInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
