package io.codeartscheck.client.internal;

import java.time.Duration;

/**
 * The limits and retry rules of one call, immutable: the client's defaults, and the unit a
 * per-request override would replace. Internal: not part of the client's API.
 */
final class CallPolicy {
  /** Of an error answer (4xx, 5xx, 3xx) only this much is read: enough for any error message. */
  static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  final int maxAttempts;
  final Duration initialBackoff;
  final Duration maxBackoff;
  final boolean retryNonIdempotent;
  final Duration connectTimeout;
  final Duration readTimeout;
  final Duration attemptTimeout;
  final Duration callTimeout;
  final int maxBodyBytes;

  CallPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
      boolean retryNonIdempotent, Duration connectTimeout, Duration readTimeout,
      Duration attemptTimeout, Duration callTimeout, int maxBodyBytes) {
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
    this.retryNonIdempotent = retryNonIdempotent;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.attemptTimeout = attemptTimeout;
    this.callTimeout = callTimeout;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The policy of the builder's settings. */
  static CallPolicy of(ClientSettings settings) {
    return new CallPolicy(settings.maxAttempts, settings.initialBackoff, settings.maxBackoff,
        settings.retryNonIdempotent, settings.connectTimeout, settings.readTimeout,
        settings.attemptTimeout, settings.callTimeout, settings.maxResponseBodySize);
  }
}
