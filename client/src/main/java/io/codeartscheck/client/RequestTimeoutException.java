package io.codeartscheck.client;

/**
 * A timeout of the builder elapsed: the connect timeout, the read timeout (no response headers in
 * time), the attempt timeout (one attempt, headers and body) or the call timeout (all attempts and
 * the waits between them). The message names which one. {@link #getHttpStatusCode()} is 0.
 */
public class RequestTimeoutException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which timeout elapsed, with the method and URL
   * @param cause the transport's exception, or null
   */
  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
