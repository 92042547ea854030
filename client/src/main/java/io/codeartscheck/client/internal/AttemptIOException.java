package io.codeartscheck.client.internal;

import java.io.IOException;

/**
 * A transport failure of one attempt, saying how far the exchange got. Internal: the engine turns
 * it into a {@link io.codeartscheck.client.ConnectionException} or
 * {@link io.codeartscheck.client.RequestTimeoutException}.
 */
final class AttemptIOException extends IOException {
  private static final long serialVersionUID = 1L;

  private final boolean headersReceived;
  private final int requestsSent;

  /**
   * Wraps the transport's failure.
   *
   * @param cause the transport's exception
   * @param headersReceived whether the status line and headers had arrived
   * @param requestsSent how many requests this attempt may have put on the wire
   */
  AttemptIOException(Throwable cause, boolean headersReceived, int requestsSent) {
    super(cause.toString(), cause);
    this.headersReceived = headersReceived;
    this.requestsSent = requestsSent;
  }

  boolean headersReceived() {
    return headersReceived;
  }

  int requestsSent() {
    return requestsSent;
  }
}
