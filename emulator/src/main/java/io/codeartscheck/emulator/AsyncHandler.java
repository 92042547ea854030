package io.codeartscheck.emulator;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Hands records to another handler on a background thread that wakes every {@value #PERIOD_MILLIS}
 * ms, writes what has queued up and flushes once: a request thread only appends to a queue (no
 * lock, no wake-up, no system call). Nothing is dropped: past {@value #HIGH_WATER} queued records a
 * caller waits for the writer. {@link #close()} writes what is queued, then closes the target.
 */
final class AsyncHandler extends Handler {
    static final long PERIOD_MILLIS = 20;
    static final int HIGH_WATER = 50_000;

    private final Handler target;
    private final ConcurrentLinkedQueue<LogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Thread writer;
    private volatile boolean closed;

    AsyncHandler(Handler target) {
        this.target = target;
        this.writer = new Thread(this::run, "emulator-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        queue.offer(record);
        if (queued.incrementAndGet() > HIGH_WATER) {
            LockSupport.unpark(writer);
            while (queued.get() > HIGH_WATER && !closed) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
            }
        }
    }

    private void run() {
        while (!closed) {
            drain();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PERIOD_MILLIS));
        }
        drain();
    }

    private void drain() {
        boolean wrote = false;
        for (LogRecord r; (r = queue.poll()) != null; ) {
            queued.decrementAndGet();
            target.publish(r);
            wrote = true;
        }
        if (wrote) {
            target.flush();
        }
    }

    @Override
    public void flush() {
        LockSupport.unpark(writer);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        target.close();
    }
}
