package io.codeartscheck.emulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what a logger (and the loggers under it) publishes, from {@link #of} until {@link #close()}. */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    /** Starts collecting on the named logger ({@code ""}: the root, every logger of the JVM). */
    static LogCapture of(String loggerName) {
        LogCapture capture = new LogCapture(Logger.getLogger(loggerName));
        capture.logger.addHandler(capture);
        return capture;
    }

    /** What was published so far. */
    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** The messages published so far, in order. */
    List<String> messages() {
        return records().stream().map(LogRecord::getMessage).toList();
    }

    /** {@code logger: message} of each record above the level. */
    List<String> above(Level level) {
        return records().stream().filter(r -> r.getLevel().intValue() > level.intValue())
                .map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    @Override
    public void flush() {
    }

    /** Stops collecting; what was collected stays readable. */
    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
