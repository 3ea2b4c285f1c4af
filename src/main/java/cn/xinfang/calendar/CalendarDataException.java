package cn.xinfang.calendar;

/**
 * The holiday data cannot be used. Thrown while the {@link StatutoryCalendar} bean is created, so a
 * bad file stops start-up: computing legal deadlines from half-read holiday data would silently
 * give wrong due dates. The message always names the file (or directory) and the problem, because
 * an administrator has to fix it.
 */
public class CalendarDataException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public CalendarDataException(String message) {
    super(message);
  }

  public CalendarDataException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error about one holiday file: "Holiday calendar file X is invalid: problem". */
  static CalendarDataException inFile(String file, String problem) {
    return new CalendarDataException("Holiday calendar file " + file + " is invalid: " + problem);
  }

  static CalendarDataException inFile(String file, String problem, Throwable cause) {
    return new CalendarDataException(
        "Holiday calendar file " + file + " is invalid: " + problem, cause);
  }
}
