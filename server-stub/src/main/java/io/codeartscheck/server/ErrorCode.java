package io.codeartscheck.server;

/**
 * The error codes the server toolkit answers with, each with its HTTP status and default message.
 *
 * <p>The documented examples use {@code CC.xxxxxxxx.400} for a bad request and {@code CC.00000003}
 * for an expired token; this toolkit fills the {@code xxxxxxxx} with a number per cause and keeps
 * the status as the suffix, so a client can tell the causes apart without parsing messages.
 *
 * <pre>
 * throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND, "Task aexxxx86 does not exist.");
 * </pre>
 */
public enum ErrorCode {
    /** A request parameter failed validation or could not be read (400). */
    INVALID_PARAMETER("CC.00000001.400", 400,
            "Verify request parameter failed. Check whether the request parameters are correct."),
    /** The task, execution record or report named in the request does not exist (400). */
    TASK_NOT_FOUND("CC.00000002.400", 400, "The task does not exist."),
    /** The X-Auth-Token header is missing, blank or rejected (401, the documented code). */
    AUTHENTICATION_FAILED("CC.00000003", 401, "Authentication information expired."),
    /** The task is not in a state that allows the operation, e.g. stopping a task that is not running (400). */
    TASK_STATE_CONFLICT("CC.00000004.400", 400, "The task is not running."),
    /** No operation is served at this path (404). */
    PATH_NOT_FOUND("CC.00000005.404", 404, "The requested path does not exist."),
    /** The path exists but not for this HTTP method (405). */
    METHOD_NOT_ALLOWED("CC.00000006.405", 405, "The HTTP method is not allowed for this path."),
    /** No representation matches the Accept header (406). */
    NOT_ACCEPTABLE("CC.00000007.406", 406, "No acceptable representation for the Accept header."),
    /** The request body's media type is not supported (415). */
    UNSUPPORTED_MEDIA_TYPE("CC.00000008.415", 415, "The request media type is not supported."),
    /** Any other HTTP error raised by the runtime; the code ends with the actual status. */
    HTTP_ERROR("CC.00000009", 0, "The request failed."),
    /** An unexpected failure inside the server (500); details are logged, never returned. */
    INTERNAL_ERROR("CC.00000010.500", 500, "Internal server error.");

    private final String code;
    private final int status;
    private final String defaultMessage;

    ErrorCode(String code, int status, String defaultMessage) {
        this.code = code;
        this.status = status;
        this.defaultMessage = defaultMessage;
    }

    /**
     * The {@code error_code} sent on the wire ({@link #HTTP_ERROR} gets {@code .<status>} appended).
     *
     * @return the error code, for example {@code CC.00000003}
     */
    public String code() {
        return code;
    }

    /**
     * The HTTP status sent with this code (0 for {@link #HTTP_ERROR}, whose status varies).
     *
     * @return the HTTP status
     */
    public int status() {
        return status;
    }

    /**
     * The {@code error_msg} used when no more specific message is given.
     *
     * @return the default message
     */
    public String defaultMessage() {
        return defaultMessage;
    }
}
