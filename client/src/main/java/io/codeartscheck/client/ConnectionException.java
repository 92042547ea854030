package io.codeartscheck.client;

/**
 * No response was received: the connection was refused, reset or dropped, the host is unknown, or
 * TLS failed. {@link #getHttpStatusCode()} is 0.
 */
public class ConnectionException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the method and URL
   * @param cause the transport's exception
   */
  public ConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
