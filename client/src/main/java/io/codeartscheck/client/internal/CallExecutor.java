package io.codeartscheck.client.internal;

import feign.Client;
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
import java.util.concurrent.TimeUnit;

/**
 * Runs one call: every attempt (credentials computed afresh, logged, sent through the
 * {@link HttpTransport}), the decision to retry, the backoff, the attempt and call deadlines, and
 * the translation of every failure into the {@link CodeArtsCheckException} family. It is the Feign
 * {@link Client} of the generated interface: Feign builds the request and decodes the 2xx answer
 * this returns; Feign's own retryer, error decoder and logger stay unused. Internal: not part of
 * the client's API.
 *
 * <p>{@code maxAttempts} bounds the requests the server can see. A transport may put two requests
 * on the wire for one attempt (the JDK HttpClient re-sends a GET once by itself when the
 * connection drops before any byte of the answer): such an attempt counts as two, and another
 * attempt is made only if, were it to cost two as well, the total would stay within
 * {@code maxAttempts}. Only the first attempt is made regardless, so with {@code maxAttempts(1)}
 * a GET can still reach the server twice.
 */
final class CallExecutor implements Client {
  /** The sleep between attempts, replaceable in tests. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final HttpTransport transport;
  private final RequestAuthenticator authenticator;
  private final CallPolicy policy;
  private final RedactingSlf4jLogger logger;
  private final Logger.Level logLevel;
  private final Clock clock;
  private final Sleeper sleeper;

  CallExecutor(HttpTransport transport, RequestAuthenticator authenticator, CallPolicy policy,
      RedactingSlf4jLogger logger, Logger.Level logLevel, Clock clock, Sleeper sleeper) {
    this.transport = transport;
    this.authenticator = authenticator;
    this.policy = policy;
    this.logger = logger;
    this.logLevel = logLevel;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public Response execute(Request request, Request.Options ignored) {
    return execute(request, policy);
  }

  /**
   * Makes the call: attempts until one answers 2xx, the failure is not retryable, or attempts or
   * time run out.
   *
   * @param unsigned the request without credentials
   * @param policy the limits and retry rules of this call
   * @return the 2xx response, body in memory
   * @throws CodeArtsCheckException on any failure
   */
  Response execute(Request unsigned, CallPolicy policy) {
    String configKey = configKey(unsigned);
    HttpMethod method = unsigned.httpMethod();
    long callStart = System.nanoTime();
    long callDeadline = saturatedAdd(callStart, policy.callTimeout.toNanos());
    int attempts = 0;
    int requests = 0;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CallInterruptedException("interrupted before " + describe(unsigned)
            + (attempts == 0 ? "" : " attempt " + (attempts + 1)) + "; nothing more was sent",
            null);
      }
      attempts++;
      Outcome outcome = attempt(unsigned, configKey, policy, callDeadline, attempts);
      if (outcome.response != null) {
        return outcome.response;
      }
      CodeArtsCheckException failure = outcome.failure;
      requests += outcome.requestsSent;
      if (!outcome.retryable
          || !RetryRules.isRetryable(method, outcome.neverSent, policy.retryNonIdempotent)
          || attempts >= policy.maxAttempts
          || requests + transport.maxRequestsPerAttempt(method) > policy.maxAttempts) {
        throw failure;
      }
      long delay = RetryRules.backoffMillis(attempts, policy.initialBackoff.toMillis(),
          policy.maxBackoff.toMillis());
      if (outcome.retryAfterMillis != null) {
        if (outcome.retryAfterMillis > policy.maxBackoff.toMillis()) {
          throw failure; // the server asks for a longer pause than the client waits
        }
        delay = outcome.retryAfterMillis;
      }
      if (saturatedAdd(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(delay)) >= callDeadline) {
        throw failure; // no time left for another attempt within the call timeout
      }
      if (logger.isEnabled(logLevel)) {
        logger.retry(configKey, logLevel);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CallInterruptedException interrupted = new CallInterruptedException("interrupted while "
            + "waiting to retry " + describe(unsigned) + " after attempt " + attempts, e);
        interrupted.addSuppressed(failure);
        throw interrupted;
      }
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

  private Outcome attempt(Request unsigned, String configKey, CallPolicy policy,
      long callDeadline, int attempt) {
    Outcome outcome = new Outcome();
    long start = System.nanoTime();
    long remaining = callDeadline - start;
    long attemptNanos = policy.attemptTimeout.toNanos();
    boolean callBound = remaining <= attemptNanos;
    long deadline = start + Math.min(attemptNanos, Math.max(remaining, 0L));
    Duration headerTimeout = policy.readTimeout;
    boolean headersBoundByDeadline = false;
    if (headerTimeout.toNanos() >= deadline - start) {
      headerTimeout = Duration.ofNanos(Math.max(deadline - start, TimeUnit.MILLISECONDS.toNanos(1)));
      headersBoundByDeadline = true;
    }
    Request request = sign(unsigned);
    if (logger.isEnabled(logLevel)) {
      logger.attemptRequest(configKey, logLevel, request);
    }
    AttemptLimits limits = new AttemptLimits(deadline, headerTimeout, policy.connectTimeout,
        policy.maxBodyBytes, CallPolicy.MAX_ERROR_BODY_BYTES);
    Response response;
    try {
      response = transport.execute(request, limits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CallInterruptedException("interrupted while waiting for " + describe(unsigned)
          + "; the request was aborted", e);
    } catch (CodeArtsCheckException e) {
      // the answer itself is unacceptable (too large, in an encoding never asked for)
      outcome.failure = e;
      outcome.retryable = false;
      return outcome;
    } catch (AttemptIOException failed) {
      logFailure(configKey, failed, start);
      Throwable transportCause = failed.getCause();
      if (isInterrupt(transportCause)) {
        Thread.currentThread().interrupt();
        throw new CallInterruptedException("interrupted while waiting for "
            + describe(unsigned) + "; the request was aborted", transportCause);
      }
      outcome.requestsSent = failed.requestsSent();
      outcome.neverSent = failed.requestsSent() == 0;
      boolean deadlineHit = System.nanoTime() - deadline >= 0;
      if (isTimeout(transportCause) && !isConnectTimeout(transportCause)
          && (headersBoundByDeadline || deadlineHit)) {
        outcome.failure = deadlineElapsed(unsigned, policy, callBound, attempt, transportCause);
        outcome.retryable = !callBound;
      } else {
        outcome.failure = translate(unsigned, policy, failed);
      }
      return outcome;
    }
    if (logger.isEnabled(logLevel)) {
      logger.attemptResponse(configKey, logLevel, response,
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

  /** The request with this attempt's credentials (a fresh token read, a fresh signature). */
  private Request sign(Request unsigned) {
    Map<String, String> credentials = authenticator.authenticate(unsigned);
    Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(unsigned.headers());
    credentials.forEach((name, value) -> headers.put(name, List.of(value)));
    return Request.create(unsigned.httpMethod(), unsigned.url(), headers, unsigned.body(),
        unsigned.charset(), unsigned.requestTemplate());
  }

  private CodeArtsCheckException deadlineElapsed(Request request, CallPolicy policy,
      boolean callBound, int attempt, Throwable cause) {
    return new RequestTimeoutException(callBound
        ? "call timed out: the call timeout (" + format(policy.callTimeout) + ") elapsed during "
            + "attempt " + attempt + " of " + describe(request)
        : "attempt timed out: the attempt timeout (" + format(policy.attemptTimeout)
            + ", response headers and body) elapsed: " + describe(request), cause);
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
