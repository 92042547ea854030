package io.codeartscheck.emulator;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client that hangs up before its answer is written is not the server's error: the answer's
 * stream drops what cannot be written and says so at FINE, so the runtime does not log a SEVERE
 * "Error while closing the output stream" for every impatient client.
 */
@Priority(1)
final class HangUpTolerance implements WriterInterceptor {
    private static final Logger LOG = Logger.getLogger(RequestRecorder.LOG.getName());

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        context.setOutputStream(new Tolerant(context.getOutputStream()));
        context.proceed();
    }

    /** Passes bytes on until the first failure, then drops them. */
    static final class Tolerant extends FilterOutputStream {
        private boolean broken;

        Tolerant(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) {
            if (!broken) {
                try {
                    out.write(b);
                } catch (IOException e) {
                    hungUp(e);
                }
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (!broken) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    hungUp(e);
                }
            }
        }

        @Override
        public void flush() {
            if (!broken) {
                try {
                    out.flush();
                } catch (IOException e) {
                    hungUp(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                if (!broken) {
                    out.flush();
                }
                out.close();
            } catch (IOException e) {
                hungUp(e);
            }
        }

        private void hungUp(IOException e) {
            if (!broken) {
                broken = true;
                LOG.log(Level.FINE, "the client hung up before its answer was written", e);
            }
        }
    }
}
