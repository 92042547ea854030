package io.codeartscheck.client;

/**
 * Every failure of a {@link CodeArtsCheckClient} call: an error answer of the service, a transport
 * failure, a timeout, or an argument rejected before sending.
 *
 * <p>The getters are those users of the Huawei Cloud SDK know from {@code ServiceResponseException}.
 * Subclasses tell the kinds apart: {@link ClientErrorException} (4xx), {@link ServerErrorException}
 * (5xx), {@link ConnectionException}, {@link RequestTimeoutException} and
 * {@link InvalidArgumentException}.
 *
 * <pre>{@code
 * try {
 *   client.deleteTaskV3(taskId, null);
 * } catch (ClientErrorException e) {
 *   log.warn("{} {} {} (request {})", e.getHttpStatusCode(), e.getErrorCode(), e.getErrorMsg(),
 *       e.getRequestId());
 * }
 * }</pre>
 */
public class CodeArtsCheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, 0 when no response was received. */
  private final int httpStatusCode;
  /** The service's {@code error_code}, or null. */
  private final String errorCode;
  /** The service's {@code error_msg}, or the start of a body that was not JSON. */
  private final String errorMsg;
  /** The request id of the response, or null. */
  private final String requestId;

  /**
   * Creates an exception for an answer of the service (or for none, with status 0).
   *
   * @param httpStatusCode the HTTP status, or 0 when no response was received
   * @param errorCode the service's {@code error_code}, or null
   * @param errorMsg the service's {@code error_msg} (or the start of a non-JSON body), or null
   * @param requestId the {@code X-Request-Id} of the response, or null
   * @param cause the underlying failure, or null
   */
  public CodeArtsCheckException(int httpStatusCode, String errorCode, String errorMsg,
      String requestId, Throwable cause) {
    super(describe(httpStatusCode, errorCode, errorMsg, requestId), cause);
    this.httpStatusCode = httpStatusCode;
    this.errorCode = errorCode;
    this.errorMsg = errorMsg;
    this.requestId = requestId;
  }

  /**
   * Creates an exception with its own message, for failures without a response.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or null
   */
  public CodeArtsCheckException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatusCode = 0;
    this.errorCode = null;
    this.errorMsg = null;
    this.requestId = null;
  }

  /**
   * Returns the HTTP status of the response.
   *
   * @return the status, or 0 when no response was received
   */
  public int getHttpStatusCode() {
    return httpStatusCode;
  }

  /**
   * Returns the service's {@code error_code}, for example {@code CC.00000003}.
   *
   * @return the code, or null when the response carried none
   */
  public String getErrorCode() {
    return errorCode;
  }

  /**
   * Returns the service's {@code error_msg}, or the start of the body when it was not JSON.
   *
   * @return the message, or null
   */
  public String getErrorMsg() {
    return errorMsg;
  }

  /**
   * Returns the request id of the response ({@code X-Request-Id}, or {@code request_id} in the body).
   *
   * @return the request id, or null when the response carried none
   */
  public String getRequestId() {
    return requestId;
  }

  private static String describe(int status, String code, String msg, String requestId) {
    StringBuilder text = new StringBuilder("HTTP ").append(status);
    if (code != null) {
      text.append(", error_code ").append(code);
    }
    if (msg != null) {
      text.append(": ").append(msg);
    }
    text.append(" (request id ").append(requestId == null ? "none" : requestId).append(')');
    return text.toString();
  }
}
