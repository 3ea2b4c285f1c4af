package cn.xinfang.intake;

import cn.xinfang.casestore.PetitionRecord;
import cn.xinfang.casestore.PetitionStore;
import cn.xinfang.system.InvalidInputException;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public intake API of domain.md §5. */
@RestController
@RequestMapping(path = "/api/petitions", produces = "application/json")
class PetitionController {

  private final RegistrationValidator validator;
  private final IntakeService intake;
  private final PetitionStore store;

  PetitionController(RegistrationValidator validator, IntakeService intake, PetitionStore store) {
    this.validator = validator;
    this.intake = intake;
    this.store = store;
  }

  /** 201 with the case; a repeated requestId answers the original case again (header Idempotent-Replayed). */
  @PostMapping(consumes = "application/json")
  ResponseEntity<Map<String, String>> register(@RequestBody(required = false) RegistrationRequest request) {
    if (request == null) {
      throw new InvalidInputException(null, "请求体不能为空");
    }
    Registration registration = intake.register(validator.validate(request, null));
    PetitionRecord p = registration.petition();
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/petitions/" + p.queryCode()))
        .header("Idempotent-Replayed", Boolean.toString(registration.replayed()))
        .body(Map.of("caseNumber", p.caseNumber(), "queryCode", p.queryCode(), "status", p.status().name()));
  }

  @GetMapping("/{queryCode}")
  PetitionView view(@PathVariable String queryCode) {
    PetitionRecord p = store.findByQueryCode(queryCode.strip().toUpperCase())
        .orElseThrow(() -> new NotFoundException("未找到该查询码对应的信访事项"));
    return PetitionView.of(p, store.persons(p.id()).get(0), store.milestones(p.id()), store.notices(p.id()));
  }
}
