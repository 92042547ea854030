package io.codeartscheck.client;

/**
 * An argument broke a constraint of the spec and nothing was sent; the message names the wire
 * parameter, for example {@code task_id: size must be between 1 and 32}.
 */
public class InvalidArgumentException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the violated constraints, one per parameter, separated by "; "
   */
  public InvalidArgumentException(String message) {
    super(message, null);
  }
}
