package io.codeartscheck.emulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record: local time to the millisecond, the level when it is not INFO, the message,
 * and an exception's class and message. Formatting the date is the costly part of a request line,
 * so the text up to the second is kept and reused within that second.
 */
final class LineFormatter extends Formatter {
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final String NEWLINE = System.lineSeparator();

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    @Override
    public synchronized String format(LogRecord r) {
        long millis = r.getMillis();
        long second = Math.floorDiv(millis, 1000);
        if (second != cachedSecond) {
            cachedPrefix = SECOND.format(Instant.ofEpochSecond(second)) + ".";
            cachedSecond = second;
        }
        int ms = (int) Math.floorMod(millis, 1000);
        StringBuilder line = new StringBuilder(128).append(cachedPrefix);
        if (ms < 100) {
            line.append(ms < 10 ? "00" : "0");
        }
        line.append(ms).append(' ');
        if (r.getLevel() != Level.INFO) {
            line.append(r.getLevel()).append(' ');
        }
        line.append(r.getParameters() == null ? r.getMessage() : formatMessage(r));
        if (r.getThrown() != null) {
            line.append(" (").append(r.getThrown()).append(')');
        }
        return line.append(NEWLINE).toString();
    }
}
