package cn.xinfang.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws, so /engine-rest would answer a task completed
 * with invalid variables with 500. These mappers find our {@link InvalidInputException} in the
 * cause chain, whether the resource wrapped it (RestException) or not (ProcessEngineException, e.g.
 * from the staff policy's input check), and answer 400 with the Chinese message and the field;
 * everything else is left to Camunda's own handlers.
 */
@Component
class TaskInputErrorMapper implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
    config.register(EngineRestMapper.class);
    config.register(AnyMapper.class);
  }

  /**
   * Tasklist does not call /engine-rest: it completes, submits and claims through the webapp's own
   * copy of the engine API (the servlet "Engine Api" of Camunda's webapp starter, under
   * /camunda/api/engine), which would answer a listener's refusal with 500 and the engine's English
   * wrapper (ENGINE-03051). The same mappers are added to that servlet's Jersey application as
   * providers by an init parameter, set when Tomcat adds the servlet, whichever initializer adds it
   * and in whatever order; Jersey reads it when the servlet loads on its first request.
   */
  @Component
  static class TasklistApi implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final String SERVLET = "Engine Api";

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
      factory.addContextCustomizers(
          context ->
              context.addContainerListener(
                  event -> {
                    if (Container.ADD_CHILD_EVENT.equals(event.getType())
                        && event.getData() instanceof Wrapper servlet
                        && SERVLET.equals(servlet.getName())) {
                      servlet.addInitParameter(
                          ServerProperties.PROVIDER_CLASSNAMES,
                          String.join(
                              ",",
                              Mapper.class.getName(),
                              EngineMapper.class.getName(),
                              AnyMapper.class.getName()));
                    }
                  }));
    }
  }

  @Priority(1)
  public static class Mapper extends RestExceptionHandler {

    @Override
    public Response toResponse(RestException exception) {
      Response invalid = badRequest(exception);
      return invalid != null ? invalid : super.toResponse(exception);
    }
  }

  @Priority(1)
  public static class EngineMapper extends ProcessEngineExceptionHandler {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response invalid = badRequest(exception);
      return invalid != null ? invalid : super.toResponse(exception);
    }
  }

  /**
   * /engine-rest's: as {@link EngineMapper}, and the engine's own refusal of a user who lacks a
   * permission (a task that is not theirs to work, a process they may not start), which the engine
   * words in English, answered as Camunda answers it (403, its type, user and missing
   * authorizations) with a Chinese message. The webapps' API keeps the engine's words for Cockpit
   * (Tasklist's are made Chinese by {@link TasklistErrorMessages}).
   */
  @Priority(1)
  public static class EngineRestMapper extends EngineMapper {

    @Override
    public Response toResponse(ProcessEngineException exception) {
      Response response = super.toResponse(exception);
      if (exception instanceof AuthorizationException refused
          && response.getEntity() instanceof ExceptionDto answer
          && (answer.getMessage() == null
              || !TasklistErrorMessages.CJK.matcher(answer.getMessage()).find())) {
        answer.setMessage(notPermitted(refused));
      }
      return response;
    }
  }

  /** The engine's refusal in one Chinese sentence, naming the permissions that were missing. */
  static String notPermitted(AuthorizationException refused) {
    List<MissingAuthorization> missing = refused.getMissingAuthorizations();
    String onTask =
        missing.stream()
            .filter(m -> "Task".equals(m.getResourceType()))
            .map(MissingAuthorization::getViolatedPermissionName)
            .distinct()
            .collect(Collectors.joining(" 或 "));
    if (!onTask.isEmpty()) {
      // the engine also names the process definition's permissions, which no staff group holds
      return "无权执行此操作：只有任务的办理人和候选组的成员可以认领、办理或转交该任务（缺少任务的 " + onTask + " 权限）。";
    }
    return "无权执行此操作"
        + (missing.isEmpty()
            ? "。"
            : "：缺少 "
                + missing.stream()
                    .map(m -> m.getResourceType() + " 的 " + m.getViolatedPermissionName())
                    .distinct()
                    .collect(Collectors.joining(" 或 "))
                + " 权限。")
        + "工作人员只能查看和办理本组的任务和登记信访事项。";
  }

  /**
   * A service task's delegate refusing the input of the task just completed (e.g. a unit override
   * the law forbids, known only once the decision table has chosen the route): the engine rethrows
   * it unwrapped.
   */
  @Priority(1)
  public static class AnyMapper extends ExceptionHandler {

    @Override
    public Response toResponse(Throwable exception) {
      Response invalid = badRequest(exception);
      return invalid != null ? invalid : super.toResponse(exception);
    }
  }

  /**
   * 400 {"error", "field"} when an {@link InvalidInputException} is the cause, 403 {"error"} when a
   * {@link ForbiddenException} is (a listener refusing who acts, e.g. a drafter approving their own
   * draft); 400 with the engine's own text when the engine found the request itself wrong
   * (BadUserRequestException), which Camunda's resources answer with 500; 404 for a task that is no
   * longer there (done or withdrawn meanwhile), also a 500 of Camunda's; null otherwise.
   */
  static Response badRequest(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return badRequest(invalid.getMessage(), invalid.field());
      }
      if (t instanceof ForbiddenException forbidden) {
        return answer(Response.Status.FORBIDDEN, forbidden.getMessage(), null);
      }
      if (t instanceof BadUserRequestException bad && !(t instanceof NotFoundException)) {
        return badRequest("请求无效：" + bad.getMessage(), null);
      }
      if (t instanceof NullValueException gone
          && gone.getMessage() != null
          && gone.getMessage().contains("Cannot find task")) {
        // a task done or withdrawn meanwhile (another clerk, a supervision that ended)
        return answer(Response.Status.NOT_FOUND, "该任务不存在或已办结（可能已由他人办理或已撤销），请刷新任务列表", null);
      }
    }
    return null;
  }

  private static Response badRequest(String message, String field) {
    return answer(Response.Status.BAD_REQUEST, message, field);
  }

  private static Response answer(Response.Status status, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "type",
        status == Response.Status.FORBIDDEN ? "AuthorizationException" : "InvalidRequestException");
    body.put("message", message);
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
  }
}
