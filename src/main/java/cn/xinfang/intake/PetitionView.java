package cn.xinfang.intake;

import cn.xinfang.casestore.AppealOutcome;
import cn.xinfang.casestore.Evaluation;
import cn.xinfang.casestore.HandlingOutcome;
import cn.xinfang.casestore.Milestone;
import cn.xinfang.casestore.Notice;
import cn.xinfang.casestore.Opinion;
import cn.xinfang.casestore.OpinionKind;
import cn.xinfang.casestore.Person;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.Route;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The petitioner's view of a case ({@code GET /api/petitions/{queryCode}}): public milestones and
 * notices only, personal data masked, no internal notes and no staff identities. For DISCIPLINE
 * cases nothing says where the accusation went beyond "transferred to 纪检监察机关" (Art. 30).
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
    List<NoticeView> notices,
    List<OpinionView> opinions,
    Map<String, ActionView> actions) {

  public record PetitionerView(String name, String idNumber, String phone, String address) {}

  public record MilestoneView(String type, String description, OffsetDateTime at) {}

  public record NoticeView(String type, String title, String body, OffsetDateTime issuedAt) {}

  /**
   * A delivered opinion: which stage, what it decided, which unit or level issued it, until when
   * the petitioner may appeal, and the petitioner's evaluation (handling opinions).
   */
  public record OpinionView(
      String kind,
      String kindLabel,
      String outcome,
      String outcomeLabel,
      String issuer,
      OffsetDateTime issuedAt,
      OffsetDateTime deliveredAt,
      OffsetDateTime appealDue,
      String evaluation,
      String evaluationLabel) {}

  /** Whether the petitioner may do this now, and until when. */
  public record ActionView(boolean allowed, OffsetDateTime until) {}

  static OpinionView opinion(Opinion o, Route route, Optional<Evaluation> evaluation) {
    String outcomeLabel =
        o.kind() == OpinionKind.HANDLING
            ? HandlingOutcome.valueOf(o.outcome()).label(route)
            : AppealOutcome.valueOf(o.outcome()).label();
    return new OpinionView(
        o.kind().name(),
        o.kind().label(),
        o.outcome(),
        outcomeLabel,
        o.issuerName(),
        o.issuedAt(),
        o.receivedAt(),
        o.appealDue(),
        evaluation.map(e -> e.result().name()).orElse(null),
        evaluation.map(e -> e.result().label()).orElse(null));
  }

  static PetitionView of(
      PetitionRecord p,
      Person petitioner,
      List<Milestone> milestones,
      List<Notice> notices,
      List<OpinionView> opinions,
      Map<String, ActionView> actions) {
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
        new PetitionerView(
            petitioner.name(),
            Masking.idNumber(petitioner.idNumber()),
            Masking.phone(petitioner.phone()),
            Masking.address(petitioner.address())),
        confidential ? null : p.handlingUnitName(),
        p.currentDeadline(),
        p.currentDeadline() == null ? null : p.deadlineName(),
        milestones.stream()
            .filter(Milestone::publicVisible)
            .map(m -> new MilestoneView(m.type(), m.description(), m.occurredAt()))
            .toList(),
        notices.stream()
            .filter(n -> !n.internal())
            .map(n -> new NoticeView(n.type(), n.title(), n.body(), n.issuedAt()))
            .toList(),
        opinions,
        actions);
  }
}
