package cn.xinfang.intake;

import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Route;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The petitioner's view of a case ({@code GET /api/petitions/{queryCode}}): public milestones and
 * notices only, personal data masked, no internal notes and no staff identities. For DISCIPLINE cases
 * nothing says where the accusation went beyond "transferred to 纪检监察机关" (Art. 30).
 */
public record PetitionView(
    String caseNumber,
    String status,
    String statusLabel,
    String route,
    String routeLabel,
    String channel,
    String title,
    OffsetDateTime receivedAt,
    OffsetDateTime registeredAt,
    int personCount,
    boolean groupPetition,
    PetitionerView petitioner,
    String handlingUnit,
    OffsetDateTime currentDeadline,
    String currentDeadlineName,
    List<MilestoneView> milestones,
    List<NoticeView> notices) {

  public record PetitionerView(String name, String idNumber, String phone, String address) {
  }

  public record MilestoneView(String type, String description, OffsetDateTime at) {
  }

  public record NoticeView(String type, String title, String body, OffsetDateTime issuedAt) {
  }

  static PetitionView of(PetitionRecord p, Person petitioner, List<Milestone> milestones, List<Notice> notices) {
    Route route = p.route();
    boolean confidential = route == Route.DISCIPLINE;
    return new PetitionView(
        p.caseNumber(),
        p.status().name(),
        p.status().label(),
        route == null ? null : route.name(),
        route == null ? null : route.label(),
        p.channel().name(),
        p.title(),
        p.receivedAt(),
        p.registeredAt(),
        p.personCount(),
        p.groupPetition(),
        new PetitionerView(petitioner.name(), Masking.idNumber(petitioner.idNumber()),
            Masking.phone(petitioner.phone()), Masking.address(petitioner.address())),
        confidential ? null : p.handlingUnitName(),
        p.currentDeadline(),
        p.currentDeadline() == null ? null : p.deadlineName(),
        milestones.stream().filter(Milestone::publicVisible)
            .map(m -> new MilestoneView(m.type(), m.description(), m.occurredAt())).toList(),
        notices.stream().map(n -> new NoticeView(n.type(), n.title(), n.body(), n.issuedAt())).toList());
  }
}
