package io.codeartscheck.emulator;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes formatted records as UTF-8 to a stream through a 64 KiB buffer, flushed on {@link #flush()}:
 * behind {@link AsyncHandler}, one write per batch of lines instead of one per line.
 */
final class StreamLogHandler extends Handler {
    private final OutputStream out;

    StreamLogHandler(OutputStream out) {
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            out.write(getFormatter().format(record).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            reportError(null, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public void close() {
        flush();
    }
}
