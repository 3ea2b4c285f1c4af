package cn.xinfang.evaluation;

import cn.xinfang.casestore.Evaluation;
import cn.xinfang.casestore.Satisfaction;
import cn.xinfang.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** POST /api/petitions/{queryCode}/evaluation (docs/domain.md, "The contract"). */
@RestController
@RequestMapping(path = "/api/petitions/{queryCode}", produces = "application/json")
public class EvaluationController {

  static final int COMMENT_MAX = 500;

  private final EvaluationService evaluations;

  EvaluationController(EvaluationService evaluations) {
    this.evaluations = evaluations;
  }

  @PostMapping(path = "/evaluation", consumes = "application/json")
  ResponseEntity<Map<String, Object>> evaluate(
      @PathVariable String queryCode, @RequestBody(required = false) EvaluationRequest request) {
    if (request == null) {
      throw new InvalidInputException(null, "请求体不能为空");
    }
    Evaluation e =
        evaluations.evaluate(
            queryCode, satisfaction(request.satisfaction()), comment(request.comment()));
    return created(e);
  }

  /** 201 with the evaluation as recorded. */
  public static ResponseEntity<Map<String, Object>> created(Evaluation e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("satisfaction", e.result().name());
    body.put("satisfactionLabel", e.result().label());
    body.put("comment", e.comment());
    body.put("evaluatedAt", e.recordedAt());
    body.put("channel", e.channel());
    return ResponseEntity.status(HttpStatus.CREATED).body(body);
  }

  /** A rating as given: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED. */
  public static Satisfaction satisfaction(String value) {
    String allowed = "SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）、DISSATISFIED（不满意）";
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("satisfaction", "请选择满意度（satisfaction）：" + allowed);
    }
    try {
      Satisfaction s = Satisfaction.valueOf(value.strip());
      if (s != Satisfaction.NOT_EVALUATED) {
        return s;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new InvalidInputException(
        "satisfaction", "满意度（satisfaction）取值无效：" + value + "；应为 " + allowed);
  }

  /** An optional comment of at most {@value #COMMENT_MAX} characters. */
  public static String comment(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.strip().length() > COMMENT_MAX) {
      throw new InvalidInputException("comment", "评价意见（comment）不能超过 " + COMMENT_MAX + " 个字符");
    }
    return value.strip();
  }

  record EvaluationRequest(String satisfaction, String comment) {}
}
