package cn.xinfang.system;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task listener throws, so /engine-rest would answer a task completed
 * with invalid variables with 500. This mapper finds our {@link InvalidInputException} in the
 * cause chain and answers 400 with the Chinese message and the field; everything else is left to
 * Camunda's own handler.
 */
@Component
class TaskInputErrorMapper implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(Mapper.class);
  }

  @Priority(1)
  public static class Mapper extends RestExceptionHandler {

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable t = exception; t != null; t = t.getCause()) {
        if (t instanceof InvalidInputException invalid) {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("type", "InvalidRequestException");
          body.put("message", invalid.getMessage());
          body.put("error", invalid.getMessage());
          body.put("field", invalid.field());
          return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
      }
      return super.toResponse(exception);
    }
  }
}
