package cn.xinfang.casestore;

/**
 * Who acts now, as the audit trail records it. The case store does not know how a request
 * authenticated: the application supplies the actor (the staff user, {@value AuditTrail#PETITIONER}
 * on the public API, {@value AuditTrail#SYSTEM} for timers and jobs).
 */
@FunctionalInterface
public interface Actor {

  String current();
}
