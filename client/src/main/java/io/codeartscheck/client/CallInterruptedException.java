package io.codeartscheck.client;

/**
 * The calling thread was interrupted while the call was waiting for an answer or before a retry:
 * the request (if one was in flight) was aborted, and the thread's interrupt flag is set again.
 * {@link #getHttpStatusCode()} is 0.
 */
public class CallInterruptedException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the call was doing, with the method and URL
   * @param cause the {@link InterruptedException}, or null
   */
  public CallInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
