package io.codeartscheck.conformance;

import feign.Client;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckException;
import java.util.Map;

/**
 * The one place where the suite meets {@link CodeArtsCheckClient}'s API: how the typed client is
 * built for a target, and how a case's operation and named inputs become a client call. Every
 * other class of the suite works on operations and inputs only, so a change of the client's API
 * changes this class alone.
 */
final class TypedClientAdapter implements AutoCloseable {

  private final CodeArtsCheckClient client;

  /**
   * A client of {@code baseUrl} that sends {@code token} over {@code transport}, with its own
   * argument checks off (bad input must reach the server, which has to answer it) and one attempt
   * per call (one call is one exchange).
   */
  TypedClientAdapter(String baseUrl, String token, Client transport) {
    this.client = CodeArtsCheckClient.builder()
        .endpoint(baseUrl)
        .authToken(token)
        .validateArguments(false)
        .maxAttempts(1)
        .httpClient(transport)
        .build();
  }

  /**
   * What a call came to: the value the client returned ({@code null} for stop), or the error it
   * threw, with the service's status and error fields.
   *
   * @param value the returned value, when the call succeeded
   * @param error the thrown exception, or {@code null} when the call succeeded
   * @param status the HTTP status of the error
   * @param errorCode the {@code error_code} of the error
   * @param errorMsg the {@code error_msg} of the error
   */
  record Outcome(Object value, RuntimeException error, int status, String errorCode, String errorMsg) {
  }

  /**
   * Calls {@code operation} with the inputs by the spec's parameter names; an input that is left
   * out is {@code null}.
   */
  Outcome call(String operation, Map<String, String> in) {
    try {
      return new Outcome(invoke(operation, in), null, 0, null, null);
    } catch (CodeArtsCheckException e) {
      return new Outcome(null, e, e.getHttpStatusCode(), e.getErrorCode(), e.getErrorMsg());
    }
  }

  private Object invoke(String operation, Map<String, String> in) {
    return switch (operation) {
      case "ShowCodeHealthSvg" -> client.showCodeHealthSvg(in.get("task_id"), in.get("locale"), in.get("job_id"));
      case "RefreshPortalServiceJobResult" ->
          client.refreshPortalServiceJobResult(in.get("job_id"), in.get("task_id"), in.get("async"));
      case "ShowPortalServiceTaskCron" -> client.showPortalServiceTaskCron(in.get("task_id"), in.get("operator"));
      case "StopTaskByIdV2" -> {
        client.stopTaskByIdV2(in.get("task_id"));
        yield null;
      }
      case "DeleteTaskV3" -> client.deleteTaskV3(in.get("task_id"), in.get("operator"));
      default -> throw new IllegalArgumentException("CodeArtsCheckClient has no call for operation " + operation);
    };
  }

  @Override
  public void close() {
    client.close();
  }
}
