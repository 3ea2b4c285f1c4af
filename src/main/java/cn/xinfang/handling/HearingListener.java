package cn.xinfang.handling;

import static cn.xinfang.engine.PetitionProcess.Var;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.engine.TaskInputs;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * holdHearing and holdReReviewHearing: the record of a hearing that took place (date, participants,
 * summary).
 */
@Component
public class HearingListener implements TaskListener {

  private final Clock clock;

  public HearingListener(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskInputs in = new TaskInputs(task);
    LocalDate day = in.requireDate(Var.HEARING_DATE, "听证日期");
    if (day.isAfter(LocalDate.now(clock.withZone(StatutoryCalendar.ZONE)))) {
      throw TaskInputs.invalid(Var.HEARING_DATE, "听证日期不能晚于今天：请在听证举行后填写听证记录");
    }
    in.requireText(Var.HEARING_PARTICIPANTS, "听证参加人", 1000);
    in.requireText(Var.HEARING_SUMMARY, "听证情况", 4000);
  }
}
