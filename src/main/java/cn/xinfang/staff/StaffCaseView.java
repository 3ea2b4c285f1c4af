package cn.xinfang.staff;

import cn.xinfang.casestore.DeliveryMethod;
import cn.xinfang.casestore.Evaluation;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.MilestoneType;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Warning;
import cn.xinfang.intake.Masking;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A case as staff read it ({@code GET /api/staff/cases/{caseNumber}}): the full text, every
 * milestone, the notices, the opinions with their delivery and evaluation, and the people, whose ID
 * number, phone and address are masked unless the reader handles the case ({@code personalData}
 * FULL or MASKED). The milestones' internal notes (a triage comment, an objection's reason, an
 * approver's remark, an evaluation's comment) are for whoever handles the case now and for
 * administrators; other readers get the milestones without them ({@code internalNotes} false). The
 * query code is given to the registering clerk and the bureau only (null otherwise). The approval
 * history of the draft replies ({@code approvals}) is internal too, and so are the supervisions
 * ({@code supervisions}, 督办记录), which the bureau, the supervisors and the leader who took the case
 * in hand read as well. {@code canSupervise}: the reader may supervise the case by hand (the bureau
 * and the supervisors, as {@code POST /api/staff/cases/{caseNumber}/supervision} decides). The
 * case's early warnings ({@code warnings}, 预警) are read by every reader of the case: they name no
 * title, no content and no personal data.
 */
record StaffCaseView(
    String caseNumber,
    String queryCode,
    String status,
    String statusLabel,
    String route,
    String channel,
    OffsetDateTime receivedAt,
    OffsetDateTime registeredAt,
    int personCount,
    boolean groupPetition,
    String district,
    String category,
    String title,
    String content,
    String handlingUnit,
    String handlingUnitName,
    OffsetDateTime currentDeadline,
    String currentDeadlineName,
    String personalData,
    boolean internalNotes,
    List<PersonView> persons,
    List<Milestone> milestones,
    List<Notice> notices,
    List<OpinionView> opinions,
    List<ApprovalView> approvals,
    List<SupervisionView> supervisions,
    boolean canSupervise,
    List<WarningLine> warnings) {

  /**
   * One early warning of the case (预警, docs/warnings.md), oldest first: its type, when, what (no
   * title, no content, no personal data), the unit its 预警提示函 went to, and who acknowledged it.
   */
  record WarningLine(
      long id,
      String type,
      OffsetDateTime raisedAt,
      String detail,
      String unit,
      OffsetDateTime acknowledgedAt,
      String acknowledgedBy) {

    static WarningLine of(Warning w) {
      return new WarningLine(
          w.id(),
          w.type(),
          w.raisedAt(),
          w.detail(),
          w.unit(),
          w.acknowledgedAt(),
          w.acknowledgedBy());
    }
  }

  /**
   * One supervision of the case (督办, table supervision), oldest first: where it came from, the task
   * it concerns with its groups and due date, the supervisor's decision (REMIND, LETTER, LEADER,
   * RECOMMEND or NONE; null while undecided), the answer and its due date, the leaders' instruction
   * and the finding of 回访核查, each with who and when; Chinese labels beside the codes. Internal: for
   * readers of internal notes only (empty for the others).
   */
  record SupervisionView(
      long id,
      String origin,
      String originLabel,
      String task,
      String taskGroups,
      OffsetDateTime taskDue,
      OffsetDateTime openedAt,
      String openedBy,
      String openedByName,
      String action,
      String actionLabel,
      String comment,
      Integer replyDays,
      OffsetDateTime answerDue,
      String leaderOwner,
      String leaderOwnerName,
      String recommendationType,
      String recommendationTypeLabel,
      String recommendationText,
      String decidedBy,
      String decidedByName,
      OffsetDateTime decidedAt,
      String answer,
      String answeredBy,
      String answeredByName,
      OffsetDateTime answeredAt,
      OffsetDateTime escalatedAt,
      String leaderInstruction,
      String instructedBy,
      String instructedByName,
      String finding,
      String findingLabel,
      OffsetDateTime withdrawnAt) {}

  /**
   * One decision on a draft reply (三审), returns included, oldest first: the round (each draft sent
   * for approval), the level in the chain, the approving group and the approver with their names,
   * APPROVED (同意) or RETURNED (退回), the comment and when. Internal: for readers of internal notes
   * only (empty for the others).
   */
  record ApprovalView(
      int round,
      int level,
      String group,
      String groupName,
      String approver,
      String approverName,
      String decision,
      String decisionLabel,
      String comment,
      OffsetDateTime decidedAt) {}

  /**
   * An opinion: issued, received (null until an offline petitioner's delivery is confirmed), its
   * windows and the petitioner's evaluation (with its comment for readers of internal notes).
   */
  record OpinionView(
      String kind,
      String kindLabel,
      String outcome,
      String issuerName,
      String text,
      OffsetDateTime issuedAt,
      OffsetDateTime receivedAt,
      String deliveryMethod,
      String deliveryMethodLabel,
      OffsetDateTime appealDue,
      OffsetDateTime evaluationDue,
      String evaluation,
      String evaluationLabel,
      String evaluationChannel,
      String evaluationComment) {

    static OpinionView of(Opinion o, Optional<Evaluation> evaluation, boolean notes) {
      DeliveryMethod method = o.deliveryMethod();
      return new OpinionView(
          o.kind().name(),
          o.kind().label(),
          o.outcome(),
          o.issuerName(),
          o.text(),
          o.issuedAt(),
          o.receivedAt(),
          method == null ? null : method.name(),
          method == null ? null : method.label(),
          o.appealDue(),
          o.evaluationDue(),
          evaluation.map(e -> e.result().name()).orElse(null),
          evaluation.map(e -> e.result().label()).orElse(null),
          evaluation.map(Evaluation::channel).orElse(null),
          notes ? evaluation.map(Evaluation::comment).orElse(null) : null);
    }
  }

  record PersonView(
      String name, String idNumber, String phone, String address, boolean representative) {

    static PersonView of(Person p, boolean full) {
      return full
          ? new PersonView(p.name(), p.idNumber(), p.phone(), p.address(), p.representative())
          : new PersonView(
              p.name(),
              Masking.idNumber(p.idNumber()),
              Masking.phone(p.phone()),
              Masking.address(p.address()),
              p.representative());
    }
  }

  /**
   * Internal notes addressed to the bureau, which it reads whenever it reads the case: an assigned
   * unit's 办结报告 (交办) is the bureau's to follow up, long after the case left it.
   */
  private static final Set<String> FOR_THE_BUREAU = Set.of(MilestoneType.COMPLETION_REPORTED);

  static StaffCaseView of(
      PetitionRecord c,
      boolean full,
      boolean notes,
      boolean bureauNotes,
      boolean queryCode,
      List<Person> persons,
      List<Milestone> milestones,
      List<Notice> notices,
      List<OpinionView> opinions,
      List<ApprovalView> approvals,
      List<SupervisionView> supervisions,
      boolean canSupervise,
      List<WarningLine> warnings) {
    return new StaffCaseView(
        c.caseNumber(),
        queryCode ? c.queryCode() : null,
        c.status().name(),
        c.status().label(),
        c.route() == null ? null : c.route().name(),
        c.channel().name(),
        c.receivedAt(),
        c.registeredAt(),
        c.personCount(),
        c.groupPetition(),
        c.district(),
        c.category(),
        c.title(),
        c.content(),
        c.handlingUnit(),
        c.handlingUnitName(),
        c.currentDeadline(),
        c.deadlineName(),
        full ? "FULL" : "MASKED",
        notes,
        persons.stream().map(p -> PersonView.of(p, full)).toList(),
        milestones.stream()
            .map(
                m ->
                    notes || bureauNotes && FOR_THE_BUREAU.contains(m.type())
                        ? m
                        : new Milestone(
                            m.type(), m.occurredAt(), m.publicVisible(), m.description(), null))
            .toList(),
        notices,
        opinions,
        approvals,
        supervisions,
        canSupervise,
        warnings);
  }
}
