package cn.xinfang.staff;

import cn.xinfang.casestore.ApprovalChain;
import cn.xinfang.engine.AsSystem;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.engine.UserNames;
import cn.xinfang.staff.StaffCaseView.ApprovalView;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * The decisions on a case's draft replies (三审) as the staff case file shows them, with the names of
 * groups and approvers looked up as the system (staff may not list groups and users; the reader
 * already reads the case in full).
 */
@Component
class ApprovalHistory {

  private final ApprovalChain chain;
  private final GroupNames groupNames;
  private final UserNames userNames;
  private final IdentityService identity;

  ApprovalHistory(
      ApprovalChain chain, GroupNames groupNames, UserNames userNames, IdentityService identity) {
    this.identity = identity;
    this.chain = chain;
    this.groupNames = groupNames;
    this.userNames = userNames;
  }

  List<ApprovalView> of(long petitionId) {
    return AsSystem.call(identity, () -> views(petitionId));
  }

  private List<ApprovalView> views(long petitionId) {
    return chain.decisions(petitionId).stream()
        .map(
            s ->
                new ApprovalView(
                    s.round(),
                    s.position() + 1,
                    s.group(),
                    groupNames.name(s.group()),
                    s.decidedBy(),
                    userNames.name(s.decidedBy()),
                    s.decision().name(),
                    s.decision() == ApprovalChain.Decision.APPROVED ? "同意" : "退回",
                    s.comment(),
                    s.decidedAt()))
        .toList();
  }
}
