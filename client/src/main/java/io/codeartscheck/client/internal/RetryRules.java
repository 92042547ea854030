package io.codeartscheck.client.internal;

import feign.Request.HttpMethod;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What is retried and how long to wait, as pure functions (no sleeping, no state), so the sync
 * loop and an async one share them. Internal: not part of the client's API.
 *
 * <p>Retried: transport failures, timeouts of one attempt, 429 and 5xx of GET and PUT, whose
 * repetition changes nothing. POST (stop) and DELETE are retried only when the request surely did
 * not reach the server (connection refused, unknown host, connect timeout), unless
 * {@code retryNonIdempotent}: DELETE is idempotent in HTTP's sense, but this service answers a
 * repeated delete with 400 "task does not exist", so retrying a delete whose answer was lost would
 * turn its success into an error. A {@code Retry-After} longer than the maximum delay is not waited
 * for.
 */
final class RetryRules {
  private RetryRules() {
  }

  /**
   * Whether a failed attempt may be repeated.
   *
   * @param method the request method
   * @param neverSent whether the request surely did not reach the server
   * @param retryNonIdempotent the builder's opt-in for stop and delete
   * @return whether to retry (attempts and time permitting)
   */
  static boolean isRetryable(HttpMethod method, boolean neverSent, boolean retryNonIdempotent) {
    return neverSent || isSafeToRepeat(method) || retryNonIdempotent;
  }

  /** Whether repeating a request the server may have processed gives the same outcome. */
  static boolean isSafeToRepeat(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.PUT || method == HttpMethod.HEAD
        || method == HttpMethod.OPTIONS;
  }

  /**
   * Exponential backoff with "equal jitter": half the step fixed, half random.
   *
   * @param failedAttempts attempts made so far (1 after the first)
   * @param initialMillis the first step
   * @param maxMillis the largest step
   * @return the delay in milliseconds
   */
  static long backoffMillis(int failedAttempts, long initialMillis, long maxMillis) {
    long initial = Math.max(1L, initialMillis);
    int shift = Math.min(Math.max(failedAttempts - 1, 0), 62);
    long step = initial > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : initial << shift;
    long capped = Math.min(maxMillis, step);
    long half = capped / 2;
    return half + ThreadLocalRandom.current().nextLong(capped - half + 1);
  }

  /**
   * Parses {@code Retry-After} (delay-seconds or an HTTP-date) into a wait, saturating: a number
   * too large for a {@code long} of milliseconds is {@link Long#MAX_VALUE}, never a wrap-around.
   *
   * @param retryAfter the header value, or null
   * @param clock the clock an HTTP-date is measured against
   * @return the wait in milliseconds (0 for a date in the past), or null when absent or unreadable
   */
  static Long retryAfterMillis(String retryAfter, Clock clock) {
    if (retryAfter == null || retryAfter.isBlank()) {
      return null;
    }
    String value = retryAfter.trim();
    if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      String digits = value.replaceFirst("^0+(?=.)", "");
      if (digits.length() > 18) {
        return Long.MAX_VALUE;
      }
      long seconds = Long.parseLong(digits);
      return seconds > Long.MAX_VALUE / 1000L ? Long.MAX_VALUE : seconds * 1000L;
    }
    try {
      long at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant()
          .toEpochMilli();
      return Math.max(0L, at - clock.millis());
    } catch (DateTimeParseException notADate) {
      return null;
    }
  }
}
