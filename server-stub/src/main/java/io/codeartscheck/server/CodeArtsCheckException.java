package io.codeartscheck.server;

import java.util.Objects;

/**
 * Thrown by an implementation to answer with a documented error body and status.
 *
 * <p>The {@link CodeArtsCheckFeature} maps it to {@code {"error_code": ..., "error_msg": ...}} with
 * the status of its {@link ErrorCode}.
 *
 * <pre>
 * if (task == null) {
 *     throw new CodeArtsCheckException(ErrorCode.TASK_NOT_FOUND, "Task " + taskId + " does not exist.");
 * }
 * </pre>
 */
public class CodeArtsCheckException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ErrorCode errorCode;

    /**
     * Creates the exception with the error code's default message.
     *
     * @param errorCode the error: its code, status and default message are sent
     */
    public CodeArtsCheckException(ErrorCode errorCode) {
        this(errorCode, errorCode.defaultMessage());
    }

    /**
     * Creates the exception with a message for the client (no secrets, no internals).
     *
     * @param errorCode the error: its code and status are sent
     * @param errorMsg the {@code error_msg} sent instead of the default message
     */
    public CodeArtsCheckException(ErrorCode errorCode, String errorMsg) {
        super(Objects.requireNonNull(errorMsg, "errorMsg"));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        if (errorCode == ErrorCode.HTTP_ERROR) {
            throw new IllegalArgumentException("HTTP_ERROR is reserved for runtime errors");
        }
    }

    /**
     * The error code sent as {@code error_code}.
     *
     * @return the error code
     */
    public ErrorCode errorCode() {
        return errorCode;
    }

    /**
     * The message sent as {@code error_msg}.
     *
     * @return the message
     */
    public String errorMsg() {
        return getMessage();
    }
}
