package cn.xinfang.staff;

import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.intake.Masking;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as staff read it ({@code GET /api/staff/cases/{caseNumber}}): the full text, every
 * milestone, the notices, and the people, whose ID number, phone and address are masked unless the
 * reader handles the case ({@code personalData} FULL or MASKED). The milestones' internal notes (a
 * triage comment, an objection's reason, an approver's remark) are for whoever handles the case now
 * and for administrators; other readers get the milestones without them ({@code internalNotes}
 * false).
 */
record StaffCaseView(
    String caseNumber,
    String status,
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
    List<Notice> notices) {

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

  static StaffCaseView of(
      PetitionRecord c,
      boolean full,
      boolean notes,
      List<Person> persons,
      List<Milestone> milestones,
      List<Notice> notices) {
    return new StaffCaseView(
        c.caseNumber(),
        c.status().name(),
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
        notes
            ? milestones
            : milestones.stream()
                .map(
                    m ->
                        new Milestone(
                            m.type(), m.occurredAt(), m.publicVisible(), m.description(), null))
                .toList(),
        notices);
  }
}
