package cn.xinfang.warning;

import cn.xinfang.calendar.StatutoryCalendar;
import cn.xinfang.casestore.Warning;
import cn.xinfang.casestore.WarningStore;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.engine.GroupNames;
import cn.xinfang.web.ConflictException;
import cn.xinfang.web.ForbiddenException;
import cn.xinfang.web.InvalidInputException;
import cn.xinfang.web.NotFoundException;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The early warnings for the leaders (group leaders), the supervisors (supervision) and
 * administrators, behind HTTP Basic or the webapps' login (EngineRestSecurity); anyone else 403.
 * {@code GET /api/warnings}: newest first, the open ones unless {@code status=all}, of one {@code
 * type} or all, a page of {@code limit} (default 50, at most 500) from {@code offset}. {@code POST
 * /api/warnings/{id}/acknowledgement} {@code {"comment"}}: once; in the case's audit trail.
 */
@RestController
@RequestMapping(path = "/api/warnings", produces = "application/json")
class WarningController {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_OFFSET = 100_000;
  static final int COMMENT_LENGTH = 1000;
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final WarningStore store;
  private final CurrentUser user;
  private final GroupNames groups;

  WarningController(WarningStore store, CurrentUser user, GroupNames groups) {
    this.store = store;
    this.user = user;
    this.groups = groups;
  }

  /** The body of an acknowledgement. */
  record Acknowledgement(String comment) {}

  @GetMapping
  List<WarningView> list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String limit,
      @RequestParam(required = false) String offset) {
    requireReader();
    boolean openOnly;
    if (status == null || status.equals("open")) {
      openOnly = true;
    } else if (status.equals("all")) {
      openOnly = false;
    } else {
      throw new InvalidInputException("status", "status 应为 open（未确认的预警）或 all（全部预警）");
    }
    Warning.Type kind = null;
    if (type != null) {
      try {
        kind = Warning.Type.valueOf(type);
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("type", "type 应为 REPEAT、GROUP、SURGE 或 OVERDUE");
      }
    }
    int max = number("limit", limit, DEFAULT_LIMIT, 1, WarningStore.MAX_LIMIT);
    int from = number("offset", offset, 0, 0, MAX_OFFSET);
    Map<String, String> names = new HashMap<>();
    return store.list(openOnly, kind, max, from).stream()
        .map(w -> WarningView.of(w, unitName(w.unit(), names)))
        .toList();
  }

  @PostMapping("/{id}/acknowledgement")
  @Transactional
  WarningView acknowledge(
      @PathVariable String id, @RequestBody(required = false) Acknowledgement body) {
    String userId = requireReader();
    Warning w = find(id);
    String comment = body == null || body.comment() == null ? "" : body.comment().strip();
    if (comment.isEmpty()) {
      throw new InvalidInputException("comment", "请填写确认意见（如已研判、已部署化解措施）");
    }
    if (comment.length() > COMMENT_LENGTH) {
      throw new InvalidInputException("comment", "确认意见不能超过 " + COMMENT_LENGTH + " 字");
    }
    if (w.acknowledgedAt() != null || !store.acknowledge(w, userId, comment)) {
      Warning done = store.byId(w.id()).orElse(w);
      throw new ConflictException(
          "该预警已于 "
              + (done.acknowledgedAt() == null
                  ? "此前"
                  : MINUTE.format(done.acknowledgedAt().atZoneSameInstant(StatutoryCalendar.ZONE)))
              + " 由 "
              + done.acknowledgedBy()
              + " 确认，不能重复确认");
    }
    Warning done = store.byId(w.id()).orElseThrow();
    return WarningView.of(done, unitName(done.unit(), new HashMap<>()));
  }

  private Warning find(String id) {
    long n;
    try {
      n = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new NotFoundException("预警 " + id + " 不存在");
    }
    return store.byId(n).orElseThrow(() -> new NotFoundException("预警 " + id + " 不存在"));
  }

  /** The readers: leaders, supervisors, administrators; answers the user's id. */
  private String requireReader() {
    if (!user.readsSituation()) {
      throw new ForbiddenException("预警信息仅限分管领导、督查督办人员和系统管理员查看和确认");
    }
    return user.id().orElseThrow();
  }

  private String unitName(String unit, Map<String, String> names) {
    return unit == null ? null : names.computeIfAbsent(unit, groups::name);
  }

  private static int number(String field, String value, int otherwise, int min, int max) {
    if (value == null) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidInputException(field, field + " 应为 " + min + " 到 " + max + " 之间的整数");
  }
}
