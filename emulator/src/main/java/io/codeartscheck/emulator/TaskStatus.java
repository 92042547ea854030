package io.codeartscheck.emulator;

import java.util.Locale;

/** The states an emulated task can be in; only a {@link #RUNNING} task can be stopped. */
public enum TaskStatus {
    /** A check is running: stop moves it to {@link #STOPPED}. */
    RUNNING,
    /** Stopped by a stop call (or seeded so). */
    STOPPED,
    /** The last check finished (the default for seeded tasks). */
    COMPLETED,
    /** The last check failed. */
    FAILED;

    /**
     * Reads a status as written in data files ({@code running}, {@code completed}, ...), any case.
     *
     * @param s the status name
     * @return the status
     * @throws IllegalArgumentException when {@code s} names no status
     */
    public static TaskStatus parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status must be running, stopped, completed or failed, not " + s);
        }
    }

    /**
     * The name as written in data files and messages.
     *
     * @return the lower-case name, e.g. {@code running}
     */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
