package cn.xinfang.notice;

import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.casestore.PetitionStore.SmsNotice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendNoticeSms of processes/notice-delivery.bpmn, an async continuation: tells the petitioner
 * by SMS that a notice was issued (its title and the case number, never its content, so that an
 * accusation's notice says nothing on a shared phone; the registration's SMS also gives the query
 * code, with which a petitioner who came, wrote or called follows the case online). The phone is
 * read from the case store at the moment of sending. Every attempt for one notice carries the same
 * reference, so the gateway can drop a repeat (an attempt whose send succeeded but whose commit
 * failed); a notice already marked sent is not sent again.
 */
@Component
public class SendNoticeSmsDelegate implements JavaDelegate {

  static final String NOTICE_ID = "noticeId";

  private final PetitionStore store;
  private final SmsGateway gateway;
  private final Notices notices;

  public SendNoticeSmsDelegate(PetitionStore store, SmsGateway gateway, Notices notices) {
    this.store = store;
    this.gateway = gateway;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    long noticeId = ((Number) execution.getVariable(NOTICE_ID)).longValue();
    SmsNotice notice =
        store
            .smsNotice(noticeId)
            .orElseThrow(() -> new IllegalStateException("case store has no notice " + noticeId));
    if (notice.smsSentAt() != null) {
      return;
    }
    gateway.send(notice.phone(), notices.smsText(notice), "notice-" + noticeId);
    store.markSmsSent(noticeId);
  }
}
