package io.codeartscheck.client;

/**
 * The service answered with a 4xx status: the request was wrong, unauthorized or about a task that does not exist.
 */
public class ClientErrorException extends CodeArtsCheckException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a response that answered with a 4xx status.
   *
   * @param httpStatusCode the HTTP status
   * @param errorCode the service's {@code error_code}, or null
   * @param errorMsg the service's {@code error_msg} (or the start of a non-JSON body), or null
   * @param requestId the request id of the response, or null
   */
  public ClientErrorException(int httpStatusCode, String errorCode, String errorMsg, String requestId) {
    super(httpStatusCode, errorCode, errorMsg, requestId, null);
  }
}
