package io.codeartscheck.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What the next calls of an operation do instead of (or before) their normal answer: an error
 * status with an error body, a delay, or a dropped connection. Immutable; applies to the next
 * {@link #times(int) times} calls (default 1), then the operation behaves normally again.
 *
 * <pre>
 * emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(503, "CC.00000010.503", "Busy.").times(2));
 * emulator.fault(Operation.SHOW_PORTAL_SERVICE_TASK_CRON, Fault.delay(Duration.ofSeconds(3)));
 * emulator.fault(Operation.DELETE_TASK_V3, Fault.dropConnection());
 * </pre>
 */
public final class Fault {
    /** The longest delay a fault may add, so that a test cannot hang a worker for long. */
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final int status;
    private final String errorCode;
    private final String errorMsg;
    private final Duration delay;
    private final boolean drop;
    private final int times;

    private Fault(int status, String errorCode, String errorMsg, Duration delay, boolean drop, int times) {
        this.status = status;
        this.errorCode = errorCode;
        this.errorMsg = errorMsg;
        this.delay = delay;
        this.drop = drop;
        this.times = times;
    }

    /**
     * Answers with this status and the documented error body {@code {"error_code","error_msg"}}.
     *
     * @param status 400 to 599
     * @param errorCode the {@code error_code} to send
     * @param errorMsg the {@code error_msg} to send
     * @return the fault
     * @throws IllegalArgumentException when the status is not an error status or a text is blank
     */
    public static Fault status(int status, String errorCode, String errorMsg) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a fault's status must be 400 to 599, not " + status);
        }
        if (errorCode == null || errorCode.isBlank() || errorMsg == null || errorMsg.isBlank()) {
            throw new IllegalArgumentException("a fault needs a non-blank error_code and error_msg");
        }
        return new Fault(status, errorCode, errorMsg, Duration.ZERO, false, 1);
    }

    /**
     * Waits this long, then answers normally (or with the status of {@link #delayed(Duration)}).
     *
     * @param delay 0 to {@link #MAX_DELAY}
     * @return the fault
     */
    public static Fault delay(Duration delay) {
        return new Fault(0, null, null, checked(delay), false, 1);
    }

    /**
     * Closes the connection without answering, as a crashed server or a broken network would.
     *
     * @return the fault
     */
    public static Fault dropConnection() {
        return new Fault(0, null, null, Duration.ZERO, true, 1);
    }

    /**
     * The same fault, after a delay.
     *
     * @param delay 0 to {@link #MAX_DELAY}
     * @return a new fault
     */
    public Fault delayed(Duration delay) {
        return new Fault(status, errorCode, errorMsg, checked(delay), drop, times);
    }

    /**
     * The same fault for the next {@code times} calls.
     *
     * @param times at least 1
     * @return a new fault
     */
    public Fault times(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a fault applies at least once, not " + times + " times");
        }
        return new Fault(status, errorCode, errorMsg, delay, drop, times);
    }

    private static Duration checked(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
            throw new IllegalArgumentException("a fault's delay must be 0 to " + MAX_DELAY + ", not " + delay);
        }
        return delay;
    }

    /**
     * The status answered, or 0 when the call answers normally (after any delay) or is dropped.
     *
     * @return the status or 0
     */
    public int status() {
        return status;
    }

    /**
     * The {@code error_code} answered with {@link #status()}.
     *
     * @return the code, or null without a status
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * The {@code error_msg} answered with {@link #status()}.
     *
     * @return the message, or null without a status
     */
    public String errorMsg() {
        return errorMsg;
    }

    /**
     * How long the call waits first.
     *
     * @return the delay, zero for none
     */
    public Duration delay() {
        return delay;
    }

    /**
     * Whether the connection is closed without an answer.
     *
     * @return true for a dropped connection
     */
    public boolean dropsConnection() {
        return drop;
    }

    /**
     * How many of the next calls this fault applies to.
     *
     * @return at least 1
     */
    public int times() {
        return times;
    }

    @Override
    public String toString() {
        String what = drop ? "drop connection" : status != 0 ? status + " " + errorCode : "answer normally";
        return "Fault[" + what + (delay.isZero() ? "" : " after " + delay) + ", " + times + "x]";
    }
}
