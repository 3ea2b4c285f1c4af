package cn.xinfang.intake;

import cn.xinfang.casestore.OpinionStore;
import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.web.InvalidInputException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public intake API of docs/domain.md, "The contract". */
@RestController
@RequestMapping(path = "/api/petitions", produces = "application/json")
class PetitionController {

  private final RegistrationValidator validator;
  private final IntakeService intake;
  private final PetitionStore store;
  private final PetitionerCases cases;
  private final OpinionStore opinions;
  private final List<PetitionerAction> actions;

  PetitionController(
      RegistrationValidator validator,
      IntakeService intake,
      PetitionStore store,
      PetitionerCases cases,
      OpinionStore opinions,
      List<PetitionerAction> actions) {
    this.validator = validator;
    this.intake = intake;
    this.store = store;
    this.cases = cases;
    this.opinions = opinions;
    this.actions = actions;
  }

  /**
   * 201 with the case; a repeated requestId answers the original case again (header
   * Idempotent-Replayed).
   */
  @PostMapping(consumes = "application/json")
  ResponseEntity<Map<String, String>> register(
      @RequestBody(required = false) RegistrationRequest request) {
    if (request == null) {
      throw new InvalidInputException(null, "请求体不能为空");
    }
    Registration registration = intake.register(validator.validate(request, null));
    PetitionRecord p = registration.petition();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/petitions/" + p.queryCode()))
        .header("Idempotent-Replayed", Boolean.toString(registration.replayed()))
        .body(
            Map.of(
                "caseNumber",
                p.caseNumber(),
                "queryCode",
                p.queryCode(),
                "status",
                p.status().name()));
  }

  @GetMapping("/{queryCode}")
  PetitionView view(@PathVariable String queryCode) {
    PetitionRecord p = cases.find(queryCode);
    List<PetitionView.OpinionView> delivered =
        opinions.opinions(p.id()).stream()
            .map(o -> PetitionView.opinion(o, p.route(), opinions.evaluation(o.id())))
            .toList();
    Map<String, PetitionView.ActionView> open = new LinkedHashMap<>();
    for (PetitionerAction action : actions) {
      Optional<OffsetDateTime> until = action.openUntil(p);
      open.put(action.name(), new PetitionView.ActionView(until.isPresent(), until.orElse(null)));
    }
    return PetitionView.of(
        p,
        store.persons(p.id()).get(0),
        store.milestones(p.id()),
        store.notices(p.id()),
        delivered,
        open);
  }
}
