package cn.xinfang.engine;

/**
 * The task priorities Tasklist shows and sorts by (网上督): 50 is the engine's default, {@value
 * #NEAR_DUE} a task near its due date (临期: from the reminder point, 3 working days before it),
 * {@value #OVERDUE} an overdue one (已超期).
 */
public final class TaskPriority {

  public static final int NEAR_DUE = 75;
  public static final int OVERDUE = 100;

  private TaskPriority() {}
}
