package io.codeartscheck.emulator;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Hands records to another handler on a background thread that wakes every {@value #PERIOD_MILLIS}
 * ms, writes what has queued up and flushes once: a request thread only appends to a queue (no
 * lock, no wake-up, no system call), and never waits, because requests run on the threads that read
 * connections. When the output cannot keep up (stderr piped to a process that stopped reading, a
 * full disk), records past {@value #CAPACITY} queued ones are dropped and counted, and the count is
 * written as a WARNING once the output moves again. {@link #close()} writes what is queued, then
 * closes the target.
 */
final class AsyncHandler extends Handler {
    static final long PERIOD_MILLIS = 20;
    static final int CAPACITY = 50_000;

    private final Handler target;
    private final ConcurrentLinkedQueue<LogRecord> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private long reported;
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
        if (queued.incrementAndGet() > CAPACITY) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.offer(record);
    }

    /** The records dropped so far because the output could not keep up. */
    long dropped() {
        return dropped.get();
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
        long lost = dropped.get();
        if (lost != reported) {
            target.publish(new LogRecord(Level.WARNING, (lost - reported) + " log lines dropped: the log output "
                    + "could not keep up (is stderr or the log file blocked?)"));
            reported = lost;
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
