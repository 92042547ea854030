package io.codeartscheck.client.internal;

import io.codeartscheck.client.CallInterruptedException;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.ConnectionException;
import io.codeartscheck.client.InvalidArgumentException;
import io.codeartscheck.client.RequestTimeoutException;
import java.util.concurrent.CancellationException;

/**
 * Where the engine reports each finished call. Without a meter registry it is {@link #NONE},
 * and no class of Micrometer (nor {@link MicrometerCallMetrics}) is ever loaded. Internal: not
 * part of the client's API.
 */
interface CallMetrics {
  /** Records nothing. */
  CallMetrics NONE = (operation, nanos, status, failure) -> { };

  /**
   * Records one call.
   *
   * @param operation the Java name of the operation
   * @param nanos how long the call took, every attempt and wait included
   * @param status the HTTP status of the last answer, 0 when there was none
   * @param failure what the call failed with, or null
   */
  void record(String operation, long nanos, int status, Throwable failure);

  /**
   * The metrics for the builder's registry.
   *
   * @param meterRegistry a Micrometer {@code MeterRegistry}, or null
   * @return {@link #NONE} without one
   */
  static CallMetrics of(Object meterRegistry) {
    return meterRegistry == null ? NONE : new MicrometerCallMetrics(meterRegistry);
  }

  /**
   * The {@code outcome} tag of a call: {@code SUCCESS}, {@code REDIRECTION},
   * {@code CLIENT_ERROR}, {@code SERVER_ERROR} (by status, as Micrometer's HTTP outcomes), or,
   * without an answer, {@code TIMEOUT}, {@code CONNECTION_ERROR}, {@code INVALID_ARGUMENT},
   * {@code INTERRUPTED}, {@code CANCELLED} or {@code UNKNOWN}.
   *
   * @param status the status, 0 when there was no answer
   * @param failure the failure, or null
   * @return the outcome
   */
  static String outcome(int status, Throwable failure) {
    if (status >= 200 && status < 300 && failure == null) {
      return "SUCCESS";
    }
    if (status >= 300 && status < 400) {
      return "REDIRECTION";
    }
    if (status >= 400 && status < 500) {
      return "CLIENT_ERROR";
    }
    if (status >= 500) {
      return "SERVER_ERROR";
    }
    if (failure instanceof RequestTimeoutException) {
      return "TIMEOUT";
    }
    if (failure instanceof ConnectionException) {
      return "CONNECTION_ERROR";
    }
    if (failure instanceof InvalidArgumentException) {
      return "INVALID_ARGUMENT";
    }
    if (failure instanceof CallInterruptedException) {
      return "INTERRUPTED";
    }
    if (failure instanceof CancellationException) {
      return "CANCELLED";
    }
    return "UNKNOWN";
  }

  /**
   * The {@code exception} tag: the simple name of the failure's class, or {@code none}.
   *
   * @param failure the failure, or null
   * @return the tag value
   */
  static String exception(Throwable failure) {
    if (failure == null) {
      return "none";
    }
    return failure instanceof CodeArtsCheckException || failure instanceof CancellationException
        ? failure.getClass().getSimpleName() : "other";
  }
}
