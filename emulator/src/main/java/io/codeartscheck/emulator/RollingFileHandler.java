package io.codeartscheck.emulator;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes formatted records to a file and rolls it over at a size: {@code FILE} is always the
 * current log, {@code FILE.1} the one before, up to {@code FILE.<kept>}; older ones are deleted.
 * Appends to an existing {@code FILE}. Meant to sit behind {@link AsyncHandler} (one writer thread).
 */
final class RollingFileHandler extends Handler {
    private final Path file;
    private final long limit;
    private final int kept;
    private OutputStream out;
    private long written;

    RollingFileHandler(Path file, long limitBytes, int kept) throws IOException {
        this.file = file;
        this.limit = limitBytes;
        this.kept = kept;
        open();
    }

    private void open() throws IOException {
        written = Files.exists(file) ? Files.size(file) : 0;
        out = new BufferedOutputStream(new FileOutputStream(file.toFile(), true), 64 * 1024);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        try {
            byte[] line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
            if (written > 0 && written + line.length > limit) {
                roll();
            }
            out.write(line);
            written += line.length;
        } catch (IOException | RuntimeException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void roll() throws IOException {
        out.close();
        Files.deleteIfExists(sibling(kept));
        for (int i = kept - 1; i >= 1; i--) {
            if (Files.exists(sibling(i))) {
                Files.move(sibling(i), sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path sibling(int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
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
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            reportError(null, e, ErrorManager.CLOSE_FAILURE);
        }
    }
}
