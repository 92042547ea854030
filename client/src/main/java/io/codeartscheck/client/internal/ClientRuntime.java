package io.codeartscheck.client.internal;

import feign.Request;
import feign.Response;
import io.codeartscheck.client.ApiResponse;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.RequestOverrides;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;

/**
 * The engine behind both clients: one path from a recorded {@link ApiCall} (the generated method
 * and its arguments) to its answer. It checks the arguments against the method's constraints,
 * builds the request from the method's Feign annotations, makes the call through the
 * {@link CallExecutor} (credentials, deadlines, retries, the translation of every failure into
 * the {@code CodeArtsCheckException} family), decodes the 2xx answer to the method's return type,
 * and reports the call to the metrics. Internal: not part of the client's API.
 */
public final class ClientRuntime implements AutoCloseable {
  private final WireTarget<?> target;
  private final String userAgent;
  private final CallPolicy policy;
  private final boolean validateArguments;
  private final CallExecutor executor;
  private final HttpTransport transport;
  private final ResponseDecoder decoder = new ResponseDecoder();
  private final CallMetrics metrics;
  private final String description;
  private volatile boolean closed;

  private ClientRuntime(ClientSettings settings, HttpTransport transport,
      RequestAuthenticator authenticator) {
    this.target = new WireTarget<>(io.codeartscheck.client.internal.api.TaskManagementApi.class,
        settings.endpoint());
    this.userAgent = settings.userAgent();
    this.policy = settings.policy();
    this.validateArguments = settings.validateArguments();
    this.transport = transport;
    this.executor = new CallExecutor(transport, authenticator, new RedactingSlf4jLogger(),
        settings.logLevel(), settings.clock(), Thread::sleep,
        settings.completionExecutor() == null ? ForkJoinPool.commonPool()
            : settings.completionExecutor());
    this.metrics = CallMetrics.of(settings.meterRegistry());
    this.description = "endpoint=" + settings.endpoint() + ", auth=" + authenticator
        + ", transport=" + transport.description();
  }

  /**
   * Assembles the engine from validated settings.
   *
   * @param settings the builder's settings
   * @return the engine, ready for calls from any thread
   */
  public static ClientRuntime create(ClientSettings settings) {
    ClientSettings.TransportSettings transportSettings = settings.transport();
    HttpTransport transport;
    if (transportSettings.sharedHttpClient() != null) {
      transport = new JdkHttpTransport(transportSettings.sharedHttpClient(), false);
    } else if (transportSettings.feignClient() != null) {
      transport = new FeignClientTransport(transportSettings.feignClient());
    } else {
      transport = new JdkHttpTransport(newHttpClient(settings.endpoint(), transportSettings),
          true);
    }
    ClientSettings.Credentials credentials = settings.credentials();
    RequestAuthenticator authenticator = credentials.token() != null
        ? new TokenAuthenticator(credentials.token())
        : new AkSkSigner(credentials.accessKey(), credentials.secretKey(), settings.clock());
    return new ClientRuntime(settings, transport, authenticator);
  }

  private static HttpClient newHttpClient(String endpoint,
      ClientSettings.TransportSettings settings) {
    HttpClient.Builder builder = JdkHttpTransport.newBuiltInClient(endpoint.startsWith("https:"))
        .connectTimeout(settings.connectTimeout());
    if (settings.proxy() != null) {
      builder.proxy(ProxySelector.of(settings.proxy()));
      PasswordAuthentication credentials = settings.proxyCredentials();
      if (credentials != null) {
        builder.authenticator(new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new PasswordAuthentication(credentials.getUserName(),
                    credentials.getPassword().clone())
                : null;
          }
        });
      }
    }
    if (settings.sslContext() != null) {
      builder.sslContext(settings.sslContext());
    }
    return builder.build();
  }

  /**
   * Makes a call on the calling thread and returns the decoded answer.
   *
   * @param call the generated method and its arguments
   * @param overrides the request's overrides, or null
   * @param <T> the decoded type
   * @return the decoded answer
   * @throws CodeArtsCheckException on any failure
   * @throws IllegalStateException when the client is closed
   */
  public <T> T call(ApiCall<T> call, RequestOverrides overrides) {
    return run(call, overrides, false);
  }

  /**
   * Makes a call on the calling thread and returns the answer with its status and headers.
   *
   * @param call the generated method and its arguments
   * @param overrides the request's overrides, or null
   * @param <T> the decoded type
   * @return the answer
   * @throws CodeArtsCheckException on any failure
   * @throws IllegalStateException when the client is closed
   */
  public <T> ApiResponse<T> callForResponse(ApiCall<T> call, RequestOverrides overrides) {
    return run(call, overrides, true);
  }

  /**
   * Starts a call and returns at once.
   *
   * @param call the generated method and its arguments
   * @param overrides the request's overrides, or null
   * @param <T> the decoded type
   * @return the decoded answer, or a {@link CodeArtsCheckException} (never wrapped); cancelling
   *     it aborts the call
   */
  public <T> CompletableFuture<T> callAsync(ApiCall<T> call, RequestOverrides overrides) {
    return runAsync(call, overrides, false);
  }

  /**
   * Starts a call and returns at once; the answer comes with its status and headers.
   *
   * @param call the generated method and its arguments
   * @param overrides the request's overrides, or null
   * @param <T> the decoded type
   * @return the answer, or a {@link CodeArtsCheckException} (never wrapped); cancelling it
   *     aborts the call
   */
  public <T> CompletableFuture<ApiResponse<T>> callAsyncForResponse(ApiCall<T> call,
      RequestOverrides overrides) {
    return runAsync(call, overrides, true);
  }

  private <R> R run(ApiCall<?> call, RequestOverrides overrides, boolean withResponse) {
    if (closed) {
      throw new IllegalStateException("the client is closed");
    }
    long start = System.nanoTime();
    Operation operation = call.operation();
    try {
      Request request = prepare(call, overrides);
      Response response = executor.execute(request, policy.with(overrides));
      R result = finish(operation, response, withResponse);
      metrics.record(operation.name(), System.nanoTime() - start, response.status(), null);
      return result;
    } catch (CodeArtsCheckException e) {
      metrics.record(operation.name(), System.nanoTime() - start, e.getHttpStatusCode(), e);
      throw e;
    } catch (RuntimeException e) {
      CodeArtsCheckException failure = new CodeArtsCheckException(
          operation.name() + " failed before a response: " + e, e);
      metrics.record(operation.name(), System.nanoTime() - start, 0, failure);
      throw failure;
    }
  }

  private <R> CompletableFuture<R> runAsync(ApiCall<?> call, RequestOverrides overrides,
      boolean withResponse) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("the client is closed"));
    }
    long start = System.nanoTime();
    Operation operation = call.operation();
    CompletableFuture<Response> exchange;
    try {
      exchange = executor.executeAsync(prepare(call, overrides), policy.with(overrides));
    } catch (CodeArtsCheckException e) {
      metrics.record(operation.name(), System.nanoTime() - start, e.getHttpStatusCode(), e);
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      CodeArtsCheckException failure = new CodeArtsCheckException(
          operation.name() + " failed before a response: " + e, e);
      metrics.record(operation.name(), System.nanoTime() - start, 0, failure);
      return CompletableFuture.failedFuture(failure);
    }
    CompletableFuture<R> result = new CompletableFuture<>();
    exchange.whenComplete((response, thrown) -> {
      Throwable failure = thrown == null ? null : unwrap(thrown);
      if (failure == null) {
        try {
          R value = finish(operation, response, withResponse);
          metrics.record(operation.name(), System.nanoTime() - start, response.status(), null);
          result.complete(value);
          return;
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (!(failure instanceof CodeArtsCheckException) && !(failure instanceof Error)
          && !(failure instanceof java.util.concurrent.CancellationException)) {
        failure = new CodeArtsCheckException(operation.name() + " failed: " + failure, failure);
      }
      metrics.record(operation.name(), System.nanoTime() - start,
          failure instanceof CodeArtsCheckException
              ? ((CodeArtsCheckException) failure).getHttpStatusCode() : 0, failure);
      result.completeExceptionally(failure);
    });
    // Cancelling (or failing) the caller's future abandons the call: the attempt in flight is
    // aborted, a retry waiting is not started.
    result.whenComplete((value, failure) -> {
      if (failure != null && !exchange.isDone()) {
        exchange.cancel(true);
      }
    });
    return result;
  }

  /** Checks the arguments and builds the request of a call, without credentials. */
  private Request prepare(ApiCall<?> call, RequestOverrides overrides) {
    Operation operation = call.operation();
    operation.check(validateArguments, call.args());
    return operation.request(call.args(), target, userAgent,
        overrides == null ? Map.of() : overrides.headers());
  }

  @SuppressWarnings("unchecked")
  private <R> R finish(Operation operation, Response response, boolean withResponse) {
    Object value = decode(operation, response);
    return withResponse ? (R) ApiResponse.of(response.status(), headers(response), value)
        : (R) value;
  }

  private Object decode(Operation operation, Response response) {
    try {
      return decoder.decode(response, operation.returnType());
    } catch (CodeArtsCheckException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CodeArtsCheckException(response.status(), null, operation.name() + ": "
          + e.getMessage(), ResponseDecoder.header(response.headers(), "X-Request-Id"), e);
    }
  }

  private static Map<String, List<String>> headers(Response response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, Collection<String>> header : response.headers().entrySet()) {
      headers.put(header.getKey(), List.copyOf(header.getValue()));
    }
    return headers;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    closed = true;
    transport.close();
  }

  @Override
  public String toString() {
    return description;
  }
}
