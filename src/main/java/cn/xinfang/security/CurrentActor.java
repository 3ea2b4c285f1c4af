package cn.xinfang.security;

import cn.xinfang.casestore.Actor;
import cn.xinfang.casestore.AuditTrail;
import cn.xinfang.engine.CurrentUser;
import cn.xinfang.web.RequestPaths;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The actor of the audit trail: the Camunda user the request authenticated as (Tasklist,
 * /engine-rest, the staff API), the petitioner on the public API, or the system (timers, jobs,
 * start-up).
 */
@Component
class CurrentActor implements Actor {

  private final CurrentUser user;

  CurrentActor(CurrentUser user) {
    this.user = user;
  }

  @Override
  public String current() {
    if (user.id().isPresent()) {
      return user.id().get();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        && RequestPaths.under(request.getRequest(), "/api/petitions")) {
      return AuditTrail.PETITIONER;
    }
    return AuditTrail.SYSTEM;
  }
}
