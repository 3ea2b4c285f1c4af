package cn.xinfang.appeal;

import cn.xinfang.casestore.PetitionRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/petitions/{queryCode}/review-requests and /re-review-requests (docs/domain.md, "The
 * contract").
 */
@RestController
@RequestMapping(path = "/api/petitions/{queryCode}", produces = "application/json")
public class AppealController {

  private final AppealService appeals;

  AppealController(AppealService appeals) {
    this.appeals = appeals;
  }

  @PostMapping(path = "/review-requests", consumes = "application/json")
  ResponseEntity<Map<String, Object>> review(
      @PathVariable String queryCode, @RequestBody(required = false) AppealRequest request) {
    return created(appeals.requestReview(queryCode, AppealService.reason(reason(request))));
  }

  @PostMapping(path = "/re-review-requests", consumes = "application/json")
  ResponseEntity<Map<String, Object>> reReview(
      @PathVariable String queryCode, @RequestBody(required = false) AppealRequest request) {
    return created(appeals.requestReReview(queryCode, AppealService.reason(reason(request))));
  }

  private static String reason(AppealRequest request) {
    return request == null ? null : request.reason();
  }

  /** 201 with the case as it now stands and the level's deadline. */
  public static ResponseEntity<Map<String, Object>> created(PetitionRecord p) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseNumber", p.caseNumber());
    body.put("status", p.status().name());
    body.put("statusLabel", p.status().label());
    body.put("decisionDue", p.currentDeadline());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  record AppealRequest(String reason) {}
}
