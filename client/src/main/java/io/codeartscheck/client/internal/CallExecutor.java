package io.codeartscheck.client.internal;

import feign.Logger;
import feign.Request;
import feign.Request.HttpMethod;
import feign.Response;
import io.codeartscheck.client.CallInterruptedException;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.ConnectionException;
import io.codeartscheck.client.RequestTimeoutException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one call: every attempt (credentials computed afresh, logged, sent through the
 * {@link HttpTransport}), the decision to retry, the backoff, the attempt and call deadlines, and
 * the translation of every failure into the {@link CodeArtsCheckException} family. In two forms
 * that share every rule: {@link #execute} on the caller's thread, and {@link #executeAsync}, whose
 * attempts, waits and timeouts never block a thread. Internal: not part of the client's API.
 *
 * <p>{@code maxAttempts} bounds the requests the server can see. A transport may put two requests
 * on the wire for one attempt (the JDK HttpClient re-sends a GET once by itself when the
 * connection drops before any byte of the answer): such an attempt counts as two, and another
 * attempt is made only if, were it to cost two as well, the total would stay within
 * {@code maxAttempts}. Only the first attempt is made regardless, so with {@code maxAttempts(1)}
 * a GET can still reach the server twice.
 */
final class CallExecutor {
  /** The sleep between attempts of a sync call, replaceable in tests. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final HttpTransport transport;
  private final RequestAuthenticator authenticator;
  private final RedactingSlf4jLogger logger;
  private final Logger.Level logLevel;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Executor completionExecutor;

  /**
   * Creates the executor.
   *
   * @param transport sends each attempt
   * @param authenticator adds the credentials of each attempt
   * @param logger logs attempts at {@code logLevel}
   * @param logLevel Feign's log level
   * @param clock the clock of {@code Retry-After} dates
   * @param sleeper waits between attempts of a sync call
   * @param completionExecutor where an async call handles each answer, waits for a retry and
   *     completes its future: never the transport's own (selector) thread
   */
  CallExecutor(HttpTransport transport, RequestAuthenticator authenticator,
      RedactingSlf4jLogger logger, Logger.Level logLevel, Clock clock, Sleeper sleeper,
      Executor completionExecutor) {
    this.transport = transport;
    this.authenticator = authenticator;
    this.logger = logger;
    this.logLevel = logLevel;
    this.clock = clock;
    this.sleeper = sleeper;
    // An executor that refuses work (shut down by its owner) must not leave a call hanging: the
    // task then runs on the thread that hands it over.
    this.completionExecutor = task -> {
      try {
        completionExecutor.execute(task);
      } catch (RejectedExecutionException refused) {
        task.run();
      }
    };
  }

  /**
   * Makes the call on the calling thread: attempts until one answers 2xx, the failure is not
   * retryable, or attempts or time run out.
   *
   * @param unsigned the request without credentials
   * @param policy the limits and retry rules of this call
   * @return the 2xx response, body in memory
   * @throws CodeArtsCheckException on any failure
   */
  Response execute(Request unsigned, CallPolicy policy) {
    Call call = new Call(unsigned, policy);
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CallInterruptedException("interrupted before " + describe(unsigned)
            + (call.attempts == 0 ? "" : " attempt " + (call.attempts + 1)) + "; nothing more "
            + "was sent", null);
      }
      Attempt attempt = call.nextAttempt();
      Outcome outcome;
      try {
        outcome = attempt.outcome(transport.execute(attempt.request, attempt.limits), null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(unsigned, e);
      } catch (AttemptIOException | CodeArtsCheckException e) {
        if (e instanceof AttemptIOException && isInterrupt(e.getCause())) {
          Thread.currentThread().interrupt();
          throw interrupted(unsigned, e.getCause());
        }
        outcome = attempt.outcome(null, e);
      }
      if (outcome.response != null) {
        return outcome.response;
      }
      long delay = call.retryDelay(outcome);
      if (delay < 0) {
        throw outcome.failure;
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CallInterruptedException interrupted = new CallInterruptedException("interrupted while "
            + "waiting to retry " + describe(unsigned) + " after attempt " + call.attempts, e);
        interrupted.addSuppressed(outcome.failure);
        throw interrupted;
      }
    }
  }

  /**
   * Starts the call without blocking: every attempt is sent through the transport's non-blocking
   * form, every answer is handled on the completion executor, and a retry waits on the JDK's delay
   * scheduler, then runs there too. Cancelling (or failing) the returned future aborts the attempt
   * in flight (the connection is closed if its answer was still arriving) or the retry waiting.
   *
   * @param unsigned the request without credentials
   * @param policy the limits and retry rules of this call
   * @return the 2xx response, body in memory, completed on the completion executor; or the
   *     {@link CodeArtsCheckException} of the call, unwrapped
   */
  CompletableFuture<Response> executeAsync(Request unsigned, CallPolicy policy) {
    AsyncCall call = new AsyncCall(unsigned, policy);
    call.result.whenComplete((response, failure) -> {
      if (failure != null) {
        call.abandon();
      }
    });
    call.attempt();
    return call.result;
  }

  /** The state of one call, shared by the sync and the async loop. */
  private class Call {
    final Request unsigned;
    final CallPolicy policy;
    final String configKey;
    final long callDeadline;
    int attempts;
    int requests;

    Call(Request unsigned, CallPolicy policy) {
      this.unsigned = unsigned;
      this.policy = policy;
      this.configKey = configKey(unsigned);
      this.callDeadline = saturatedAdd(System.nanoTime(), policy.callTimeout.toNanos());
    }

    /** Plans the next attempt: its deadline and header timeout, credentials, the log line. */
    Attempt nextAttempt() {
      attempts++;
      return new Attempt(this, attempts);
    }

    /**
     * How long to wait before the next attempt, or -1 when there is none: the failure is not
     * retryable, attempts or time would run out, or the server asks for a longer pause than the
     * client waits.
     */
    long retryDelay(Outcome outcome) {
      requests += outcome.requestsSent;
      HttpMethod method = unsigned.httpMethod();
      if (!outcome.retryable
          || !RetryRules.isRetryable(method, outcome.neverSent, policy.retryNonIdempotent)
          || attempts >= policy.maxAttempts
          || requests + transport.maxRequestsPerAttempt(method) > policy.maxAttempts) {
        return -1;
      }
      long delay = RetryRules.backoffMillis(attempts, policy.initialBackoff.toMillis(),
          policy.maxBackoff.toMillis());
      if (outcome.retryAfterMillis != null) {
        if (outcome.retryAfterMillis > policy.maxBackoff.toMillis()) {
          return -1;
        }
        delay = outcome.retryAfterMillis;
      }
      if (saturatedAdd(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(delay)) >= callDeadline) {
        return -1; // no time left for another attempt within the call timeout
      }
      if (logger.isEnabled(logLevel)) {
        logger.retry(configKey, logLevel);
      }
      return delay;
    }
  }

  /** One attempt: the signed request, its limits, and how its result is judged. */
  private final class Attempt {
    final Call call;
    final int number;
    final long start;
    final long deadline;
    final boolean callBound;
    final boolean headersBoundByDeadline;
    final AttemptLimits limits;
    final Request request;

    Attempt(Call call, int number) {
      this.call = call;
      this.number = number;
      CallPolicy policy = call.policy;
      start = System.nanoTime();
      long remaining = call.callDeadline - start;
      long attemptNanos = policy.attemptTimeout.toNanos();
      callBound = remaining <= attemptNanos;
      deadline = start + Math.min(attemptNanos, Math.max(remaining, 0L));
      Duration headerTimeout = policy.readTimeout;
      if (headerTimeout.toNanos() >= deadline - start) {
        headerTimeout = Duration.ofNanos(Math.max(deadline - start,
            TimeUnit.MILLISECONDS.toNanos(1)));
        headersBoundByDeadline = true;
      } else {
        headersBoundByDeadline = false;
      }
      limits = new AttemptLimits(deadline, headerTimeout, policy.connectTimeout,
          policy.maxBodyBytes, CallPolicy.MAX_ERROR_BODY_BYTES);
      request = sign(call.unsigned);
      if (logger.isEnabled(logLevel)) {
        logger.attemptRequest(call.configKey, logLevel, request);
      }
    }

    /**
     * Judges what the transport gave: a response, or a failure (an {@link AttemptIOException},
     * or a {@link CodeArtsCheckException} for an answer that is unacceptable in itself).
     */
    Outcome outcome(Response response, Throwable failure) {
      Outcome outcome = new Outcome();
      if (failure instanceof CodeArtsCheckException) {
        // the answer itself is unacceptable (too large, in an encoding never asked for)
        outcome.failure = (CodeArtsCheckException) failure;
        outcome.retryable = false;
        return outcome;
      }
      if (failure != null) {
        AttemptIOException failed = failure instanceof AttemptIOException
            ? (AttemptIOException) failure : new AttemptIOException(failure, false, 1);
        logFailure(call.configKey, failed, start);
        Throwable transportCause = failed.getCause();
        outcome.requestsSent = failed.requestsSent();
        outcome.neverSent = failed.requestsSent() == 0;
        boolean deadlineHit = System.nanoTime() - deadline >= 0;
        if (isTimeout(transportCause) && !isConnectTimeout(transportCause)
            && (headersBoundByDeadline || deadlineHit)) {
          outcome.failure = deadlineElapsed(transportCause);
          outcome.retryable = !callBound;
        } else {
          outcome.failure = translate(call.unsigned, call.policy, failed);
        }
        return outcome;
      }
      if (logger.isEnabled(logLevel)) {
        logger.attemptResponse(call.configKey, logLevel, response,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
      int status = response.status();
      if (status >= 200 && status < 300) {
        outcome.response = response;
        return outcome;
      }
      outcome.failure = ErrorResponses.toException(response);
      outcome.retryable = status == 429 || status >= 500;
      outcome.retryAfterMillis = RetryRules.retryAfterMillis(
          ResponseDecoder.header(response.headers(), "Retry-After"), clock);
      return outcome;
    }

    private CodeArtsCheckException deadlineElapsed(Throwable cause) {
      CallPolicy policy = call.policy;
      return new RequestTimeoutException(callBound
          ? "call timed out: the call timeout (" + format(policy.callTimeout) + ") elapsed "
              + "during attempt " + number + " of " + describe(call.unsigned)
          : "attempt timed out: the attempt timeout (" + format(policy.attemptTimeout)
              + ", response headers and body) elapsed: " + describe(call.unsigned), cause);
    }
  }

  /** The result of one attempt: a 2xx response, or a failure with what the retry rules need. */
  private static final class Outcome {
    Response response;
    CodeArtsCheckException failure;
    boolean retryable = true;
    boolean neverSent;
    int requestsSent = 1;
    Long retryAfterMillis;
  }

  /**
   * An async call: each attempt is started by {@link #attempt()} (on the caller's thread for the
   * first, on the completion executor for a retry) and judged by {@link #handle} on the
   * completion executor, never on the transport's thread, since judging may decode an error body
   * and completing the future runs the caller's continuations.
   */
  private final class AsyncCall extends Call {
    final CompletableFuture<Response> result = new CompletableFuture<>();
    /** The attempt in flight or the retry waiting; cancelled when the call is abandoned. */
    private volatile CompletableFuture<?> pending;

    AsyncCall(Request unsigned, CallPolicy policy) {
      super(unsigned, policy);
    }

    void attempt() {
      if (result.isDone()) {
        return;
      }
      Attempt attempt;
      try {
        attempt = nextAttempt();
      } catch (RuntimeException e) {
        result.completeExceptionally(e); // e.g. the token supplier failed
        return;
      }
      CompletableFuture<Response> sent = transport.send(attempt.request, attempt.limits);
      pending = sent;
      if (result.isDone()) {
        sent.cancel(true); // abandoned while the attempt was being started
        return;
      }
      sent.whenComplete((response, failure) ->
          completionExecutor.execute(() -> handle(attempt, response, failure)));
    }

    private void handle(Attempt attempt, Response response, Throwable failure) {
      if (result.isDone()) {
        return;
      }
      Outcome outcome;
      try {
        outcome = attempt.outcome(response, unwrap(failure));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
        return;
      }
      if (outcome.response != null) {
        result.complete(outcome.response);
        return;
      }
      long delay = retryDelay(outcome);
      if (delay < 0) {
        result.completeExceptionally(outcome.failure);
        return;
      }
      Executor later = CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS,
          completionExecutor);
      CompletableFuture<Void> retry = CompletableFuture.runAsync(this::attempt, later);
      pending = retry;
      if (result.isDone()) {
        retry.cancel(true);
      }
    }

    /** The call's future was cancelled or failed from outside: stop what is in progress. */
    void abandon() {
      CompletableFuture<?> current = pending;
      if (current != null) {
        current.cancel(true);
      }
    }
  }

  /** The request with this attempt's credentials (a fresh token read, a fresh signature). */
  private Request sign(Request unsigned) {
    Map<String, String> credentials = authenticator.authenticate(unsigned);
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(unsigned.headers());
    credentials.forEach((name, value) -> headers.put(name, List.of(value)));
    return Request.create(unsigned.httpMethod(), unsigned.url(), headers, unsigned.body(),
        unsigned.charset(), unsigned.requestTemplate());
  }

  private static CallInterruptedException interrupted(Request request, Throwable cause) {
    return new CallInterruptedException("interrupted while waiting for " + describe(request)
        + "; the request was aborted", cause);
  }

  private static CodeArtsCheckException translate(Request request, CallPolicy policy,
      AttemptIOException failed) {
    Throwable cause = failed.getCause();
    String target = describe(request);
    if (isConnectTimeout(cause)) {
      return new RequestTimeoutException("connect timed out (connectTimeout "
          + format(policy.connectTimeout) + "): " + target, cause);
    }
    if (isTimeout(cause)) {
      return new RequestTimeoutException("read timed out (no response headers within "
          + "readTimeout " + format(policy.readTimeout) + "): " + target, cause);
    }
    return new ConnectionException("connection failed (" + cause + ")"
        + (failed.headersReceived() ? " while reading the response body" : "") + ": " + target,
        cause);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static boolean isTimeout(Throwable cause) {
    return cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException;
  }

  private static boolean isConnectTimeout(Throwable cause) {
    return cause instanceof HttpConnectTimeoutException
        || (cause instanceof SocketTimeoutException && cause.getMessage() != null
            && cause.getMessage().toLowerCase(Locale.ROOT).contains("connect"));
  }

  private static boolean isInterrupt(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private void logFailure(String configKey, IOException failure, long start) {
    if (logger.isEnabled(logLevel)) {
      logger.attemptFailure(configKey, logLevel, failure,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  private static String configKey(Request request) {
    if (request.requestTemplate() != null && request.requestTemplate().methodMetadata() != null) {
      return request.requestTemplate().methodMetadata().configKey();
    }
    return request.httpMethod().name();
  }

  private static String describe(Request request) {
    return request.httpMethod() + " " + request.url();
  }

  /** A duration as people write it: 300 ms, 1.5 s, 2 min. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 120_000) {
      return (millis % 1000 == 0 ? Long.toString(millis / 1000)
          : String.format(Locale.ROOT, "%.1f", millis / 1000.0)) + " s";
    }
    return (millis % 60_000 == 0 ? Long.toString(millis / 60_000)
        : String.format(Locale.ROOT, "%.1f", millis / 60_000.0)) + " min";
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
