package io.codeartscheck.conformance;

import feign.Client;
import io.codeartscheck.client.BadgeLocale;
import io.codeartscheck.client.CodeArtsCheckAsyncClient;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckClientBuilder;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.CodeArtsCheckRequest;
import io.codeartscheck.client.DeleteTaskV3Request;
import io.codeartscheck.client.RefreshPortalServiceJobResultRequest;
import io.codeartscheck.client.ShowCodeHealthSvgRequest;
import io.codeartscheck.client.ShowPortalServiceTaskCronRequest;
import io.codeartscheck.client.StopTaskByIdV2Request;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one place where the suite meets the clients' API: how {@link CodeArtsCheckClient} and
 * {@link CodeArtsCheckAsyncClient} are built for a target, and how a case's operation and named
 * inputs become one request object sent through either. Every other class of the suite works on
 * operations and inputs only, so a change of the clients' API changes this class alone.
 */
final class TypedClientAdapter implements AutoCloseable {

  /** The client a typed run sends through. */
  enum Via {
    /** {@link CodeArtsCheckClient}. */
    SYNC("typed client"),
    /** {@link CodeArtsCheckAsyncClient}, its future awaited. */
    ASYNC("typed async client");

    private final String label;

    Via(String label) {
      this.label = label;
    }

    /** How reports name the path, e.g. {@code typed async client}. */
    String label() {
      return label;
    }
  }

  /** The longest an async call is awaited: beyond every timeout the client itself applies. */
  private static final long ASYNC_WAIT_SECONDS = 300;

  private final CodeArtsCheckClient client;
  private final CodeArtsCheckAsyncClient asyncClient;

  /**
   * Clients of {@code baseUrl} that send {@code token} over {@code transport}, with their own
   * argument checks off (bad input must reach the server, which has to answer it) and one attempt
   * per call (one call is one exchange).
   */
  TypedClientAdapter(String baseUrl, String token, Client transport) {
    this.client = configure(CodeArtsCheckClient.builder(), baseUrl, token, transport).build();
    this.asyncClient = configure(CodeArtsCheckAsyncClient.builder(), baseUrl, token, transport).build();
  }

  private static <B extends CodeArtsCheckClientBuilder<B, ?>> B configure(B builder, String baseUrl,
      String token, Client transport) {
    return builder
        .endpoint(baseUrl)
        .authToken(token)
        .validateArguments(false)
        .maxAttempts(1)
        .httpClient(transport);
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
   * Calls {@code operation} through one of the clients, with the inputs by the spec's parameter
   * names; an input that is left out is {@code null}.
   *
   * @throws IllegalArgumentException when the typed API has no request for these inputs (see
   *     {@link #request})
   */
  Outcome call(Via via, String operation, Map<String, String> in) throws InterruptedException {
    CodeArtsCheckRequest request = request(operation, in);
    try {
      return new Outcome(via == Via.SYNC ? send(request) : await(sendAsync(request)), null, 0, null, null);
    } catch (CodeArtsCheckException e) {
      return new Outcome(null, e, e.getHttpStatusCode(), e.getErrorCode(), e.getErrorMsg());
    }
  }

  /**
   * The request object of an operation's inputs. The typed API has types where the wire has
   * strings: {@code locale} is a {@link BadgeLocale} and {@code async} a boolean, so a value the
   * wire allows and these types do not ({@code locale=fr-fr}, {@code async=yes}) has no request:
   * such cases say so with {@code rawOnly}.
   */
  static CodeArtsCheckRequest request(String operation, Map<String, String> in) {
    return switch (operation) {
      case "ShowCodeHealthSvg" -> ShowCodeHealthSvgRequest.builder().taskId(in.get("task_id"))
          .locale(locale(in.get("locale")).orElse(null)).jobId(in.get("job_id")).build();
      case "RefreshPortalServiceJobResult" -> {
        RefreshPortalServiceJobResultRequest.Builder refresh = RefreshPortalServiceJobResultRequest.builder()
            .jobId(in.get("job_id")).taskId(in.get("task_id"));
        String async = in.get("async");
        if (async != null) {
          if (!async.equals("true") && !async.equals("false")) {
            throw new IllegalArgumentException("the typed API takes async as a boolean, not \"" + async + "\"");
          }
          refresh.async(Boolean.parseBoolean(async));
        }
        yield refresh.build();
      }
      case "ShowPortalServiceTaskCron" -> ShowPortalServiceTaskCronRequest.builder()
          .taskId(in.get("task_id")).operator(in.get("operator")).build();
      case "StopTaskByIdV2" -> StopTaskByIdV2Request.builder().taskId(in.get("task_id")).build();
      case "DeleteTaskV3" -> DeleteTaskV3Request.builder().taskId(in.get("task_id"))
          .operator(in.get("operator")).build();
      default -> throw new IllegalArgumentException("the clients have no call for operation " + operation);
    };
  }

  private static Optional<BadgeLocale> locale(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    return Optional.of(Arrays.stream(BadgeLocale.values()).filter(l -> l.wireValue().equals(wire)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("the typed API has no BadgeLocale \"" + wire + "\"")));
  }

  private Object send(CodeArtsCheckRequest request) {
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

  private CompletableFuture<?> sendAsync(CodeArtsCheckRequest request) {
    if (request instanceof ShowCodeHealthSvgRequest badge) {
      return asyncClient.showCodeHealthSvg(badge);
    }
    if (request instanceof RefreshPortalServiceJobResultRequest refresh) {
      return asyncClient.refreshPortalServiceJobResult(refresh);
    }
    if (request instanceof ShowPortalServiceTaskCronRequest cron) {
      return asyncClient.showPortalServiceTaskCron(cron);
    }
    if (request instanceof StopTaskByIdV2Request stop) {
      return asyncClient.stopTaskByIdV2(stop);
    }
    return asyncClient.deleteTaskV3((DeleteTaskV3Request) request);
  }

  private static Object await(CompletableFuture<?> future) throws InterruptedException {
    try {
      return future.get(ASYNC_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime; // the client's own exception, as the sync client throws it
      }
      throw new IllegalStateException("the async client failed with a checked exception", e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new IllegalStateException("the async client did not complete in " + ASYNC_WAIT_SECONDS + " s", e);
    }
  }

  @Override
  public void close() {
    client.close();
    asyncClient.close();
  }
}
