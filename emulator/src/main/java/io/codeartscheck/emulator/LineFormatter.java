package io.codeartscheck.emulator;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** One line per record: local time, the level when it is not INFO, the message, the exception's class and message. */
final class LineFormatter extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    @Override
    public String format(LogRecord r) {
        StringBuilder line = new StringBuilder(128);
        TIME.formatTo(Instant.ofEpochMilli(r.getMillis()), line);
        line.append(' ');
        if (r.getLevel() != Level.INFO) {
            line.append(r.getLevel()).append(' ');
        }
        line.append(r.getParameters() == null ? r.getMessage() : formatMessage(r));
        if (r.getThrown() != null) {
            line.append(" (").append(r.getThrown()).append(')');
        }
        return line.append(System.lineSeparator()).toString();
    }
}
