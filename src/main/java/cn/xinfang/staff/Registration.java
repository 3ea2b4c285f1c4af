package cn.xinfang.staff;

import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One of a counter clerk's own registrations ({@code GET /api/staff/registrations}), with the
 * address of its receipt. The clerk took the petitioner's name at the counter; nothing else of the
 * person is listed.
 */
record Registration(
    String caseNumber,
    String title,
    String channel,
    String channelLabel,
    String petitionerName,
    int personCount,
    OffsetDateTime receivedAt,
    OffsetDateTime registeredAt,
    String status,
    String statusLabel,
    String receipt) {

  static Registration of(PetitionRecord c, List<Person> persons) {
    return new Registration(
        c.caseNumber(),
        c.title(),
        c.channel().name(),
        c.channel().label(),
        persons.isEmpty() ? null : persons.get(0).name(),
        c.personCount(),
        c.receivedAt(),
        c.registeredAt(),
        c.status().name(),
        c.status().label(),
        "/api/staff/cases/" + c.caseNumber() + "/receipt");
  }
}
