package io.codeartscheck.client.internal;

import java.time.Duration;

/**
 * The limits of one attempt: its deadline (headers and body), the longest wait for the response
 * headers, and the largest body read. Internal: not part of the client's API.
 */
final class AttemptLimits {
  private final long deadlineNanos;
  private final Duration headerTimeout;
  private final Duration connectTimeout;
  private final int maxBodyBytes;
  private final int maxErrorBodyBytes;

  /**
   * Creates the limits.
   *
   * @param deadlineNanos the {@link System#nanoTime()} by which the whole attempt must be over
   * @param headerTimeout the longest wait for the response headers (never past the deadline)
   * @param connectTimeout the connect timeout a Feign client is given in its options
   * @param maxBodyBytes the largest 2xx body read
   * @param maxErrorBodyBytes the largest part of any other body read
   */
  AttemptLimits(long deadlineNanos, Duration headerTimeout, Duration connectTimeout,
      int maxBodyBytes, int maxErrorBodyBytes) {
    this.deadlineNanos = deadlineNanos;
    this.headerTimeout = headerTimeout;
    this.connectTimeout = connectTimeout;
    this.maxBodyBytes = maxBodyBytes;
    this.maxErrorBodyBytes = maxErrorBodyBytes;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  Duration headerTimeout() {
    return headerTimeout;
  }

  Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The most body bytes read for a response of this status: a 2xx body is read whole up to the
   * cap (more is an error); of any other body only what an error message needs.
   */
  int maxBodyBytes(int status) {
    return status >= 200 && status < 300 ? maxBodyBytes : maxErrorBodyBytes;
  }

  /** Whether a body over the cap is an error (2xx) or simply cut (an error answer). */
  static boolean isCutSilently(int status) {
    return status < 200 || status >= 300;
  }
}
