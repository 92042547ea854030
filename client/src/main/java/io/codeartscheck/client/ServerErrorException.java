package io.codeartscheck.client;

/**
 * The service (or a gateway in front of it) answered with a 5xx status, after any retries.
 */
public class ServerErrorException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a response that answered with a 5xx status.
   *
   * @param httpStatusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   * @param errorMsg the service's {@code error_msg} (or the start of a non-JSON body), or null
   * @param requestId the request id of the response, or null
   */
  public ServerErrorException(int httpStatusCode, String errorCode, String errorMsg, String requestId) {
    super(httpStatusCode, errorCode, errorMsg, requestId, null);
  }
}
