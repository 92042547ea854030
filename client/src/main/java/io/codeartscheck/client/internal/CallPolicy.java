package io.codeartscheck.client.internal;

import io.codeartscheck.client.RequestOverrides;
import java.time.Duration;

/**
 * The limits and retry rules of one call, immutable: the client's, or the client's with a
 * request's {@link RequestOverrides} applied ({@link #with}). Internal: not part of the client's
 * API; the client builder documents every value.
 */
public final class CallPolicy {
  /** Of an error answer (4xx, 5xx, 3xx) only this much is read: enough for any error message. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;
  private static final Duration MIN_DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  final int maxAttempts;
  final Duration initialBackoff;
  final Duration maxBackoff;
  final boolean retryNonIdempotent;
  final Duration connectTimeout;
  final Duration readTimeout;
  final Duration attemptTimeout;
  final Duration callTimeout;
  final int maxBodyBytes;
  /** Whether the attempt timeout was given, not derived from connect + read timeout. */
  private final boolean attemptTimeoutGiven;
  /** Whether the call timeout was given, not derived from the attempt timeout. */
  private final boolean callTimeoutGiven;

  /**
   * Creates a policy from validated values; a timeout not given is derived as the builder
   * documents: the attempt timeout is connect + read timeout, the call timeout 3 minutes or the
   * attempt timeout if longer.
   *
   * @param maxAttempts attempts per call, at least 1
   * @param initialBackoff the first delay between attempts
   * @param maxBackoff the largest delay, also the longest {@code Retry-After} waited for
   * @param retryNonIdempotent whether stop and delete are retried like the others
   * @param connectTimeout the connect timeout in effect
   * @param readTimeout the longest wait for the response headers of one attempt
   * @param attemptTimeout the longest one attempt may take, or null to derive it
   * @param callTimeout the longest a call may take, or null to derive it
   * @param maxBodyBytes the largest 2xx body read
   */
  public CallPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
      boolean retryNonIdempotent, Duration connectTimeout, Duration readTimeout,
      Duration attemptTimeout, Duration callTimeout, int maxBodyBytes) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.retryNonIdempotent = retryNonIdempotent;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.attemptTimeoutGiven = attemptTimeout != null;
    this.attemptTimeout = attemptTimeoutGiven ? attemptTimeout
        : min(connectTimeout.plus(readTimeout), LONGEST_TIMEOUT);
    this.callTimeoutGiven = callTimeout != null;
    this.callTimeout = callTimeoutGiven ? callTimeout
        : max(MIN_DEFAULT_CALL_TIMEOUT, this.attemptTimeout);
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * This policy with a request's overrides applied. A timeout the request does not give keeps
   * the client's value, or, where the client derived it, is derived again from the overridden
   * ones (a longer read timeout lengthens a derived attempt timeout).
   *
   * @param overrides the request's overrides, or null
   * @return the policy of that one call
   */
  public CallPolicy with(RequestOverrides overrides) {
    if (overrides == null || (overrides.readTimeout().isEmpty()
        && overrides.attemptTimeout().isEmpty() && overrides.callTimeout().isEmpty()
        && overrides.maxAttempts().isEmpty())) {
      return this;
    }
    Duration read = overrides.readTimeout().orElse(readTimeout);
    Duration attempt = overrides.attemptTimeout()
        .orElse(attemptTimeoutGiven ? attemptTimeout : null);
    Duration call = overrides.callTimeout().orElse(callTimeoutGiven ? callTimeout : null);
    return new CallPolicy(overrides.maxAttempts().orElse(maxAttempts), initialBackoff, maxBackoff,
        retryNonIdempotent, connectTimeout, read, attempt, call, maxBodyBytes);
  }

  /**
   * Returns the attempt timeout in effect.
   *
   * @return the longest one attempt may take
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * Returns the call timeout in effect.
   *
   * @return the longest a call may take
   */
  public Duration callTimeout() {
    return callTimeout;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
