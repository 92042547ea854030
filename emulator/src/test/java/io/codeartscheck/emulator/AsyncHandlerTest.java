package io.codeartscheck.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The background log writer of {@code java -jar}: a request thread never waits for the log. */
class AsyncHandlerTest {

    @Test
    void blockedOutput_neverBlocksTheCaller_linesOverTheQueueAreDroppedCountedAndReported() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        List<LogRecord> written = Collections.synchronizedList(new ArrayList<>());
        Handler stuck = new Handler() { // stderr piped to a process that stopped reading
            @Override
            public void publish(LogRecord r) {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                written.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        AsyncHandler handler = new AsyncHandler(stuck);
        int lines = AsyncHandler.CAPACITY + 1000;

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (int i = 0; i < lines; i++) {
                handler.publish(new LogRecord(Level.INFO, "GET /health 200 0.1ms " + i));
            }
        });
        assertThat(handler.dropped()).isBetween(999L, 1000L); // the writer holds one, stuck

        unblock.countDown();
        handler.close();
        assertThat(written).hasSize((int) (lines - handler.dropped()) + 1);
        LogRecord report = written.get(written.size() - 1);
        assertThat(report.getLevel()).isEqualTo(Level.WARNING);
        assertThat(report.getMessage()).isEqualTo(handler.dropped() + " log lines dropped: the log output could not "
                + "keep up (is stderr or the log file blocked?)");
    }
}
