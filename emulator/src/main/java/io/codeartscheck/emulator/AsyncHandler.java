package io.codeartscheck.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Hands records to another handler on a background thread, flushing whenever the queue runs dry,
 * so that request threads never wait for a terminal or a disk. When the queue is full the caller
 * waits (nothing is dropped). {@link #close()} writes what is queued, then closes the target.
 */
final class AsyncHandler extends Handler {
    private static final LogRecord END = new LogRecord(java.util.logging.Level.OFF, "end");

    private final Handler target;
    private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(16_384);
    private final Thread writer;
    private volatile boolean closed;

    AsyncHandler(Handler target) {
        this.target = target;
        this.writer = new Thread(this::drain, "emulator-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        try {
            queue.put(record);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<LogRecord> batch = new ArrayList<>(256);
        try {
            while (true) {
                LogRecord first = queue.take();
                batch.add(first);
                queue.drainTo(batch, 1023);
                for (LogRecord r : batch) {
                    if (r == END) {
                        target.flush();
                        return;
                    }
                    target.publish(r);
                }
                batch.clear();
                if (queue.isEmpty()) {
                    target.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void flush() {
        // The writer flushes whenever it has caught up.
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(END);
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.close();
    }
}
