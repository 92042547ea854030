package io.codeartscheck.client.internal;

import feign.Request;
import feign.Response;
import io.codeartscheck.client.CodeArtsCheckException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The transport on {@link java.net.http.HttpClient} ({@code send} for sync attempts, {@code sendAsync}
 * for async ones), bodies read
 * by a {@link BoundedBody.Subscriber} (capped; never inflated: a {@code Content-Encoding} the
 * client did not ask for fails a 2xx), redirects never followed (the built-in client is built with
 * {@code Redirect.NEVER}; a shared one must be). Internal: not part of the client's API.
 *
 * <p>Completion stages of the returned futures may run on the HttpClient's own threads (for the
 * built-in client, its selector thread: see {@link #newBuiltInClient}); a caller that runs user
 * code on completion must hop to an executor of its own first.
 */
final class JdkHttpTransport implements HttpTransport {
  /** Headers the JDK sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED;

  static {
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    names.addAll(List.of("connection", "content-length", "expect", "host", "upgrade"));
    RESTRICTED = names;
  }

  private final HttpClient client;
  private final boolean owned;
  private final String description;

  JdkHttpTransport(HttpClient client, boolean owned) {
    this.client = client;
    this.owned = owned;
    this.description = owned ? "JDK HttpClient" : "shared JDK HttpClient";
  }

  /**
   * Starts the builder of the built-in client. Its executor runs the client's internal tasks on
   * the thread that triggers them: with the default executor (a thread pool), the JDK's HTTP/1.1
   * pool can hand a connection to the next request while the pool's own idle-connection reader
   * is still being attached to it; that reader then takes the next response ("Data received while
   * in pool"), closes the connection, and the request fails with "HTTP/1.1 header parser received
   * no bytes" although the server received and answered it. Run inline, the reader is attached
   * and detached before the call returns. Every completion stage this transport adds only copies
   * bytes or completes a future, so nothing blocks the client's selector thread.
   *
   * @param https whether the endpoint is https (then HTTP/2 is offered; plain HTTP stays 1.1)
   * @return the builder, with redirects never followed
   */
  static HttpClient.Builder newBuiltInClient(boolean https) {
    return HttpClient.newBuilder()
        .executor(Runnable::run)
        .followRedirects(HttpClient.Redirect.NEVER)
        // HTTP/2 is negotiated over TLS (ALPN); over plain HTTP, HTTP/1.1 avoids the h2c upgrade.
        .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
  }

  @Override
  public Response execute(Request request, AttemptLimits limits)
      throws AttemptIOException, InterruptedException {
    HttpRequest httpRequest = toHttpRequestOrFail(request, limits);
    Exchange exchange = new Exchange(limits);
    // The request timeout (at most the time left) bounds the wait for headers; this timer bounds
    // the body, which the JDK leaves unbounded.
    CompletableFuture<Void> deadline = Deadlines.after(
        limits.deadlineNanos() - System.nanoTime(), exchange::deadlinePassed);
    try {
      HttpResponse<byte[]> response = client.send(httpRequest, exchange::bodySubscriber);
      return toFeignResponse(request, response);
    } catch (java.io.IOException | RuntimeException e) {
      Throwable failure = exchange.failure(e, request.httpMethod());
      if (failure instanceof CodeArtsCheckException) {
        throw (CodeArtsCheckException) failure;
      }
      throw (AttemptIOException) failure;
    } finally {
      deadline.complete(null);
    }
  }

  private static HttpRequest toHttpRequestOrFail(Request request, AttemptLimits limits) {
    try {
      return toHttpRequest(request, limits);
    } catch (IllegalArgumentException e) {
      throw new CodeArtsCheckException(
          "cannot send " + request.httpMethod() + " " + request.url() + ": " + e.getMessage(), null);
    }
  }

  @Override
  public CompletableFuture<Response> send(Request request, AttemptLimits limits) {
    HttpRequest httpRequest;
    try {
      httpRequest = toHttpRequestOrFail(request, limits);
    } catch (CodeArtsCheckException e) {
      return CompletableFuture.failedFuture(e);
    }
    Exchange exchange = new Exchange(limits);
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = client.sendAsync(httpRequest, exchange::bodySubscriber);
    } catch (RuntimeException e) {
      // e.g. the HttpClient was shut down
      return CompletableFuture.failedFuture(new AttemptIOException(e, false, 0));
    }
    CompletableFuture<Response> result = new CompletableFuture<>();
    // As in execute: the request timeout bounds the wait for headers, this timer the body.
    CompletableFuture<Void> deadline = Deadlines.after(
        limits.deadlineNanos() - System.nanoTime(), exchange::deadlinePassed);
    sent.whenComplete((response, failure) -> {
      if (failure == null) {
        result.complete(toFeignResponse(request, response));
      } else {
        result.completeExceptionally(exchange.failure(unwrap(failure), request.httpMethod()));
      }
    });
    result.whenComplete((response, failure) -> {
      deadline.complete(null);
      if (failure != null) {
        // A deadline, a cancel or an interrupt: stop reading and abort the exchange.
        exchange.abort();
        sent.cancel(true);
      }
    });
    return result;
  }

  @Override
  public int maxRequestsPerAttempt(Request.HttpMethod method) {
    // The JDK re-sends a GET or HEAD once by itself when the connection drops before any byte of
    // the answer (MultiExchange: ConnectionExpiredException); no setting turns that off.
    return isResentByJdk(method) ? 2 : 1;
  }

  private static boolean isResentByJdk(Request.HttpMethod method) {
    return method == Request.HttpMethod.GET || method == Request.HttpMethod.HEAD;
  }

  private static HttpRequest toHttpRequest(Request request, AttemptLimits limits) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
        .timeout(limits.headerTimeout());
    for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey())) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
    }
    byte[] body = request.body();
    return builder.method(request.httpMethod().name(), body == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body)).build();
  }

  private static Response toFeignResponse(Request request, HttpResponse<byte[]> response) {
    Map<String, Collection<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> headers.put(name, values));
    return Response.builder()
        .status(response.statusCode())
        .headers(headers)
        .body(response.body())
        .request(request)
        .protocolVersion(response.version() == HttpClient.Version.HTTP_2
            ? Request.ProtocolVersion.HTTP_2 : Request.ProtocolVersion.HTTP_1_1)
        .build();
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
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (!owned) {
      return;
    }
    // HttpClient has shutdownNow() from Java 21 on; on 17 its threads end when it is unreachable.
    // close() would wait for exchanges in progress (a server trickling a body could hold it).
    try {
      HttpClient.class.getMethod("shutdownNow").invoke(client);
    } catch (ReflectiveOperationException | RuntimeException notAvailable) {
      // Java 17: nothing to release explicitly
    }
  }

  /** The state of one exchange: its body subscriber and whether headers arrived. */
  private static final class Exchange {
    private final AttemptLimits limits;
    private volatile BoundedBody.Subscriber subscriber;
    private volatile boolean deadlinePassed;

    /** The attempt's deadline passed: a body still arriving is cut off. */
    void deadlinePassed() {
      deadlinePassed = true;
      BoundedBody.Subscriber body = subscriber;
      if (body != null) {
        body.abort(new HttpTimeoutException("the attempt deadline passed while the response "
            + "body was arriving"));
      }
    }

    Exchange(AttemptLimits limits) {
      this.limits = limits;
    }

    HttpResponse.BodySubscriber<byte[]> bodySubscriber(HttpResponse.ResponseInfo info) {
      int status = info.statusCode();
      HttpHeaders headers = info.headers();
      String requestId = headers.firstValue("X-Request-Id").orElse(null);
      int cap = limits.maxBodyBytes(status);
      long length = headers.firstValueAsLong("Content-Length").orElse(-1L);
      String encoding = BoundedBody.contentEncoding(
          String.join(",", headers.allValues("Content-Encoding")));
      BoundedBody.Subscriber body;
      if (encoding != null) {
        // Never inflated: the client sends no Accept-Encoding, so a coded 2xx is an error; of
        // an error answer only the status is kept.
        body = AttemptLimits.isCutSilently(status)
            ? BoundedBody.Subscriber.empty(status)
            : BoundedBody.Subscriber.failing(
                BoundedBody.unrequestedEncoding(status, requestId, encoding));
      } else if (length > cap && !AttemptLimits.isCutSilently(status)) {
        body = BoundedBody.Subscriber.failing(BoundedBody.tooLarge(status, requestId, length, cap));
      } else {
        body = new BoundedBody.Subscriber(status, requestId, cap, length);
      }
      subscriber = body;
      return body;
    }

    void abort() {
      BoundedBody.Subscriber body = subscriber;
      if (body != null) {
        body.abort();
      }
    }

    Throwable failure(Throwable thrown, Request.HttpMethod method) {
      // HttpClient.send wraps what the body subscriber failed with in an IOException
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof CodeArtsCheckException) {
          return t;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      Throwable cause = thrown;
      if (deadlinePassed && !(cause instanceof HttpTimeoutException)) {
        cause = new HttpTimeoutException("the attempt deadline passed: " + thrown);
      }
      boolean headersReceived = subscriber != null;
      int requestsSent;
      if (neverSent(cause)) {
        requestsSent = 0;
      } else if (!headersReceived && isResentByJdk(method)) {
        // The JDK may have sent it twice (see maxRequestsPerAttempt); count the worst case.
        requestsSent = 2;
      } else {
        requestsSent = 1;
      }
      return new AttemptIOException(cause, headersReceived, requestsSent);
    }

    private static boolean neverSent(Throwable cause) {
      List<Throwable> chain = new ArrayList<>();
      for (Throwable t = cause; t != null && chain.size() < 16; t = t.getCause()) {
        chain.add(t);
      }
      return chain.stream().anyMatch(t -> t instanceof ConnectException
          || t instanceof UnknownHostException || t instanceof NoRouteToHostException
          || t instanceof HttpConnectTimeoutException);
    }
  }
}
