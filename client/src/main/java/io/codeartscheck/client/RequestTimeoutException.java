package io.codeartscheck.client;

/**
 * The connect timeout or the read timeout of the builder elapsed before a response arrived.
 * {@link #getHttpStatusCode()} is 0.
 */
public class RequestTimeoutException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which timeout elapsed, with the method and URL
   * @param cause the transport's exception
   */
  public RequestTimeoutException(String message, Throwable cause) {
    super(message, cause);
  }
}
