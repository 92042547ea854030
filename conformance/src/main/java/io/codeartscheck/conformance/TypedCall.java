package io.codeartscheck.conformance;

import io.codeartscheck.client.BadgeLocale;
import io.codeartscheck.client.CodeArtsCheckAsyncClient;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckRequest;
import io.codeartscheck.client.DeleteTaskV3Request;
import io.codeartscheck.client.RefreshPortalServiceJobResultRequest;
import io.codeartscheck.client.ShowCodeHealthSvgRequest;
import io.codeartscheck.client.ShowPortalServiceTaskCronRequest;
import io.codeartscheck.client.StopTaskByIdV2Request;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A case's {@code client} call as the typed API expresses it: one request object, sent through
 * the sync or the async client. The one place that maps a case to a client call.
 *
 * <p>The case gives the generated method's arguments as they go on the wire (strings, in the
 * order path, query, header); a {@code null} argument is "not given". The typed API has types
 * where the wire has strings ({@code locale} is a {@link BadgeLocale}, {@code async} a boolean),
 * so a case that sends another value there on purpose ({@code locale=fr-fr}, {@code async=yes})
 * has no typed call: its raw HTTP run covers it.
 *
 * <pre>{@code
 * Optional<TypedCall> call = TypedCall.of(testCase.client());
 * Object result = call.orElseThrow().sendThrough(syncClient);
 * }</pre>
 */
public final class TypedCall {
  private final CodeArtsCheckRequest request;

  private TypedCall(CodeArtsCheckRequest request) {
    this.request = request;
  }

  /**
   * The typed call of a case's client call.
   *
   * @param call the case's client call
   * @return the call, or empty when an argument has no value of the typed API's type
   * @throws IllegalArgumentException for an operation the clients do not have, or a wrong number
   *     of arguments
   */
  public static Optional<TypedCall> of(ConformanceCase.ClientCall call) {
    List<String> args = call.args();
    switch (call.operation()) {
      case "showCodeHealthSvg": {
        arity(call, 3);
        Optional<BadgeLocale> locale = Arrays.stream(BadgeLocale.values())
            .filter(l -> l.wireValue().equals(args.get(1))).findFirst();
        if (args.get(1) != null && locale.isEmpty()) {
          return Optional.empty();
        }
        return typed(ShowCodeHealthSvgRequest.builder().taskId(args.get(0))
            .locale(locale.orElse(null)).jobId(args.get(2)).build());
      }
      case "refreshPortalServiceJobResult": {
        arity(call, 3);
        String async = args.get(2);
        if (async != null && !async.equals("true") && !async.equals("false")) {
          return Optional.empty();
        }
        RefreshPortalServiceJobResultRequest.Builder refresh = RefreshPortalServiceJobResultRequest
            .builder().jobId(args.get(0)).taskId(args.get(1));
        if (async != null) {
          refresh.async(Boolean.parseBoolean(async));
        }
        return typed(refresh.build());
      }
      case "showPortalServiceTaskCron":
        arity(call, 2);
        return typed(ShowPortalServiceTaskCronRequest.builder().taskId(args.get(0))
            .operator(args.get(1)).build());
      case "stopTaskByIdV2":
        arity(call, 1);
        return typed(StopTaskByIdV2Request.builder().taskId(args.get(0)).build());
      case "deleteTaskV3":
        arity(call, 2);
        return typed(DeleteTaskV3Request.builder().taskId(args.get(0)).operator(args.get(1))
            .build());
      default:
        throw new IllegalArgumentException("the clients have no operation " + call.operation());
    }
  }

  private static Optional<TypedCall> typed(CodeArtsCheckRequest request) {
    return Optional.of(new TypedCall(request));
  }

  private static void arity(ConformanceCase.ClientCall call, int expected) {
    if (call.args().size() != expected) {
      throw new IllegalArgumentException(call.operation() + " takes " + expected
          + " arguments, the case gives " + call.args().size());
    }
  }

  /**
   * Returns the request object.
   *
   * @return the request
   */
  public CodeArtsCheckRequest request() {
    return request;
  }

  /**
   * Makes the call through the sync client.
   *
   * @param client the client
   * @return the decoded answer (null for stop)
   * @throws io.codeartscheck.client.CodeArtsCheckException when the call fails
   */
  public Object sendThrough(CodeArtsCheckClient client) {
    if (request instanceof ShowCodeHealthSvgRequest badge) {
      return client.showCodeHealthSvg(badge);
    }
    if (request instanceof RefreshPortalServiceJobResultRequest refresh) {
      return client.refreshPortalServiceJobResult(refresh);
    }
    if (request instanceof ShowPortalServiceTaskCronRequest cron) {
      return client.showPortalServiceTaskCron(cron);
    }
    if (request instanceof StopTaskByIdV2Request stop) {
      client.stopTaskByIdV2(stop);
      return null;
    }
    return client.deleteTaskV3((DeleteTaskV3Request) request);
  }

  /**
   * Starts the call through the async client.
   *
   * @param client the client
   * @return the decoded answer (null for stop), or the client's exception
   */
  public CompletableFuture<?> sendThrough(CodeArtsCheckAsyncClient client) {
    if (request instanceof ShowCodeHealthSvgRequest badge) {
      return client.showCodeHealthSvg(badge);
    }
    if (request instanceof RefreshPortalServiceJobResultRequest refresh) {
      return client.refreshPortalServiceJobResult(refresh);
    }
    if (request instanceof ShowPortalServiceTaskCronRequest cron) {
      return client.showPortalServiceTaskCron(cron);
    }
    if (request instanceof StopTaskByIdV2Request stop) {
      return client.stopTaskByIdV2(stop);
    }
    return client.deleteTaskV3((DeleteTaskV3Request) request);
  }

  @Override
  public String toString() {
    return request.toString();
  }
}
