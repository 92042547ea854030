package io.codeartscheck.client.internal;

import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries with exponential backoff and jitter, honouring {@code Retry-After}, for a bounded number
 * of attempts.
 *
 * <p>What is retried: transport failures, 429 and 5xx answers of GET and PUT, whose repetition
 * changes nothing. POST (stop) and DELETE are retried only when the request surely did not reach
 * the server (connection refused, unknown host, connect timeout), unless {@code retryNonIdempotent}:
 * DELETE is idempotent in HTTP's sense, but this service answers a repeated delete with 400 "task
 * does not exist", so retrying a delete whose answer was lost would turn its success into an error.
 * A {@code Retry-After} longer than the maximum delay is not waited for: the failure is thrown.
 */
final class BackoffRetryer implements Retryer {
  private final RetrySettings settings;
  private final Clock clock;
  private final Sleeper sleeper;
  private int attempt = 1;

  /** The sleep, replaceable in tests. */
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /** The retry knobs of the builder. */
  static final class RetrySettings {
    final int maxAttempts;
    final Duration initialDelay;
    final Duration maxDelay;
    final boolean retryNonIdempotent;

    RetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay,
        boolean retryNonIdempotent) {
      this.maxAttempts = maxAttempts;
      this.initialDelay = initialDelay;
      this.maxDelay = maxDelay;
      this.retryNonIdempotent = retryNonIdempotent;
    }
  }

  BackoffRetryer(RetrySettings settings, Clock clock, Sleeper sleeper) {
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public void continueOrPropagate(RetryableException e) {
    if (attempt >= settings.maxAttempts || !isRetryable(e)) {
      throw e;
    }
    long delay = backoffMillis(attempt);
    Long retryAfter = e.retryAfter();
    if (retryAfter != null) {
      long wait = Math.max(0L, retryAfter - clock.millis());
      if (wait > settings.maxDelay.toMillis()) {
        throw e;
      }
      delay = wait;
    }
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw e;
    }
    attempt++;
  }

  boolean isRetryable(RetryableException e) {
    if (e.status() > 0) {
      // 429 or 5xx: the server received the request.
      return isSafeToRepeat(e.method()) || settings.retryNonIdempotent;
    }
    if (neverReachedServer(e.getCause())) {
      return true;
    }
    return e.getCause() instanceof IOException
        && (isSafeToRepeat(e.method()) || settings.retryNonIdempotent);
  }

  /** Exponential backoff with "equal jitter": half the step fixed, half random. */
  long backoffMillis(int failedAttempts) {
    long initial = Math.max(1L, settings.initialDelay.toMillis());
    long step = initial << Math.min(failedAttempts - 1, 30);
    long capped = Math.min(settings.maxDelay.toMillis(), step < 0 ? Long.MAX_VALUE : step);
    long half = capped / 2;
    return half + ThreadLocalRandom.current().nextLong(capped - half + 1);
  }

  static boolean neverReachedServer(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** Whether repeating a request the server may have processed gives the same outcome. */
  private static boolean isSafeToRepeat(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.PUT || method == HttpMethod.HEAD
        || method == HttpMethod.OPTIONS;
  }

  @Override
  public Retryer clone() {
    return new BackoffRetryer(settings, clock, sleeper);
  }
}
