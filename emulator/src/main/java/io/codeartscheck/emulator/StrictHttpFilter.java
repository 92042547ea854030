package io.codeartscheck.emulator;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The emulator's front door, in Grizzly's filter chain between the socket and the HTTP codec: it
 * reads each request head strictly (RFC 9112, no leniency) and hands Grizzly only heads that are
 * complete and well formed, so a request whose head never finished never runs. Everything it
 * refuses is answered with the documented {@code {"error_code","error_msg"}} JSON, logged on
 * {@value #LOGGER}, and the connection closed:
 *
 * <ul>
 *   <li>400: a malformed request line, a bare CR or LF, a line fold, a header name that is not a
 *       token or followed by space, a control byte, bad percent-encoding in the target, a missing or
 *       repeated Host (HTTP/1.1), a bad or repeated Content-Length, Content-Length with
 *       Transfer-Encoding;</li>
 *   <li>408 when a head is not complete within the header timeout (counted from its first byte);</li>
 *   <li>413 for a body over the limit, 414 for a long request target, 431 for a large head or too
 *       many header fields, 501 for an unknown method or transfer coding, 505 for another HTTP
 *       version, 503 to a connection over the connection limit.</li>
 * </ul>
 *
 * <p>Runs on Grizzly's selector threads and never blocks; one sweeper thread enforces the timeout.
 */
final class StrictHttpFilter extends BaseFilter implements AutoCloseable {
    static final String LOGGER = "io.codeartscheck.emulator.protocol";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
            "TRACE");
    private static final long LINGER_MILLIS = 500;
    private static final byte[] CONNECTION_CLOSE = "Connection: close\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The limits enforced. */
    record Limits(long headerTimeoutMillis, int maxHeadBytes, int maxTargetLength, int maxHeaderFields,
                  int maxConnections, long maxBodyBytes) {
    }

    private enum Phase { IDLE, REQUEST_LINE, HEADERS, BODY, PASS, CLOSED }

    /** What one connection is in the middle of. Guarded by itself. */
    private static final class State {
        final Connection<?> connection;
        Phase phase = Phase.IDLE;
        byte[] head = new byte[512];
        int headLength;
        int lineStart;
        boolean cr;
        volatile long headStartNanos;
        long bodyLeft;
        // from the head being read
        String method;
        String target;
        boolean http11;
        int fields;
        int hosts;
        long contentLength;
        boolean chunked;

        State(Connection<?> connection) {
            this.connection = connection;
        }

        void startHead() {
            headLength = 0;
            lineStart = 0;
            method = null;
            target = null;
            http11 = false;
            fields = 0;
            hosts = 0;
            contentLength = -1;
            chunked = false;
            headStartNanos = System.nanoTime();
            phase = Phase.REQUEST_LINE;
        }
    }

    /** A refusal: status, reason phrase and message. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String reason;

        Refusal(int status, String reason, String message) {
            super(message, null, false, false);
            this.status = status;
            this.reason = reason;
        }
    }

    private final Limits limits;
    private final Map<Connection<?>, State> live = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    StrictHttpFilter(Limits limits) {
        this.limits = limits;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emulator-header-timeout");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, Math.min(250, limits.headerTimeoutMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** The number of open connections. */
    int connections() {
        return live.size();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        State state = new State(connection);
        if (live.size() >= limits.maxConnections()) {
            refuse(state, new Refusal(503, "Service Unavailable", "Too many connections: the emulator accepts "
                    + limits.maxConnections() + " at a time."));
            return ctx.getStopAction();
        }
        live.put(connection, state);
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        live.remove(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        State state = live.computeIfAbsent(connection, State::new);
        Buffer input = ctx.getMessage();
        synchronized (state) {
            if (state.phase == Phase.CLOSED) {
                return ctx.getStopAction();
            }
            if (state.phase == Phase.PASS) {
                return ctx.getInvokeAction();
            }
            if (state.phase == Phase.BODY) {
                return passBody(ctx, state, input);
            }
            try {
                int end = input.limit();
                for (int i = input.position(); i < end; i++) {
                    if (read(state, input.get(i))) {
                        return passHead(ctx, state, input, i + 1);
                    }
                }
            } catch (Refusal r) {
                refuse(state, r);
                return ctx.getStopAction();
            }
            return ctx.getStopAction();
        }
    }

    private NextAction passBody(FilterChainContext ctx, State state, Buffer input) {
        int available = input.remaining();
        if (available <= state.bodyLeft) {
            state.bodyLeft -= available;
            if (state.bodyLeft == 0) {
                state.phase = Phase.IDLE;
            }
            return ctx.getInvokeAction();
        }
        int cut = input.position() + (int) state.bodyLeft;
        Buffer rest = input.split(cut);
        state.bodyLeft = 0;
        state.phase = Phase.IDLE;
        return ctx.getInvokeAction(rest);
    }

    /** Hands the complete head on, and anything after it back to this filter. */
    private NextAction passHead(FilterChainContext ctx, State state, Buffer input, int next) {
        state.headStartNanos = 0;
        byte[] head = state.head;
        int length = state.headLength;
        if (state.chunked) {
            // The body's chunks are not read here: the connection closes after this exchange, so
            // that no later head can reach Grizzly unchecked.
            byte[] withClose = Arrays.copyOf(head, length + CONNECTION_CLOSE.length);
            System.arraycopy(CONNECTION_CLOSE, 0, withClose, length - 2, CONNECTION_CLOSE.length);
            withClose[withClose.length - 2] = '\r';
            withClose[withClose.length - 1] = '\n';
            head = withClose;
            length = withClose.length;
            state.phase = Phase.PASS;
        } else if (state.contentLength > 0) {
            state.bodyLeft = state.contentLength;
            state.phase = Phase.BODY;
        } else {
            state.phase = Phase.IDLE;
        }
        MemoryManager<?> memory = ctx.getMemoryManager();
        ctx.setMessage(Buffers.wrap(memory, Arrays.copyOf(head, length)));
        if (next < input.limit()) {
            return ctx.getInvokeAction(input.split(next));
        }
        return ctx.getInvokeAction();
    }

    /** Consumes one byte of a head; true when the head is complete. */
    private boolean read(State s, byte b) throws Refusal {
        if (s.phase == Phase.IDLE) {
            // RFC 9112 2.2: empty lines before a request line are ignored (CRLF only).
            if (s.cr) {
                if (b != '\n') {
                    throw bad("a bare CR before the request line");
                }
                s.cr = false;
                return false;
            }
            if (b == '\r') {
                s.cr = true;
                return false;
            }
            if (b == '\n') {
                throw bad("a bare LF before the request line");
            }
            s.startHead();
        }
        if (s.cr) {
            if (b != '\n') {
                throw bad("a bare CR inside " + where(s) + " (CR must be followed by LF)");
            }
            s.cr = false;
            append(s, (byte) '\r');
            append(s, (byte) '\n');
            int lineEnd = s.headLength - 2;
            int start = s.lineStart;
            s.lineStart = s.headLength;
            if (s.phase == Phase.REQUEST_LINE) {
                requestLine(s, start, lineEnd);
                s.phase = Phase.HEADERS;
                return false;
            }
            if (lineEnd == start) {
                endOfHead(s);
                return true;
            }
            if (headerLine(s, start, lineEnd)) {
                // Not passed on: Grizzly would start an upgrade (h2c) that the emulator does not
                // offer; RFC 9110 7.8 lets a server ignore Upgrade.
                s.headLength = start;
                s.lineStart = start;
            }
            return false;
        }
        if (b == '\r') {
            s.cr = true;
            return false;
        }
        if (b == '\n') {
            throw bad("a bare LF inside " + where(s) + " (lines end with CRLF)");
        }
        if (s.phase == Phase.REQUEST_LINE && s.headLength - s.lineStart > limits.maxTargetLength() + 32) {
            throw new Refusal(414, "URI Too Long", "The request target is longer than "
                    + limits.maxTargetLength() + " characters.");
        }
        append(s, b);
        return false;
    }

    private void append(State s, byte b) throws Refusal {
        if (s.headLength >= limits.maxHeadBytes()) {
            throw new Refusal(431, "Request Header Fields Too Large", "The request head is larger than "
                    + limits.maxHeadBytes() + " bytes.");
        }
        if (s.headLength == s.head.length) {
            s.head = Arrays.copyOf(s.head, Math.min(limits.maxHeadBytes() + 2, s.head.length * 2));
        }
        s.head[s.headLength++] = b;
    }

    private static String where(State s) {
        return s.phase == Phase.REQUEST_LINE ? "the request line" : "a header line";
    }

    private void requestLine(State s, int start, int end) throws Refusal {
        byte[] h = s.head;
        int sp1 = indexOf(h, start, end, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(h, sp1 + 1, end, (byte) ' ');
        if (sp1 <= start || sp2 <= sp1 + 1 || indexOf(h, sp2 + 1, end, (byte) ' ') >= 0 || sp2 + 1 == end) {
            throw bad("a malformed request line (expected: METHOD SP target SP HTTP-version)");
        }
        for (int i = start; i < sp1; i++) {
            if (!isTokenChar(h[i])) {
                throw bad("a method that is not a token");
            }
        }
        String method = ascii(h, start, sp1);
        String target = ascii(h, sp1 + 1, sp2);
        String version = ascii(h, sp2 + 1, end);
        if (!isVersion(version)) {
            throw bad("a malformed HTTP version");
        }
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new Refusal(505, "HTTP Version Not Supported", "Only HTTP/1.1 and HTTP/1.0 are served, not "
                    + version + ".");
        }
        s.method = method;
        s.target = target;
        s.http11 = version.equals("HTTP/1.1");
        if (target.length() > limits.maxTargetLength()) {
            throw new Refusal(414, "URI Too Long", "The request target is longer than "
                    + limits.maxTargetLength() + " characters.");
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            byte c = h[i];
            if (c <= 0x20 || c >= 0x7f) {
                throw bad("a control, space or non-ASCII byte in the request target (percent-encode it)");
            }
            if (c == '%' && (i + 2 >= sp2 || !isHex(h[i + 1]) || !isHex(h[i + 2]))) {
                throw bad("a % in the request target that does not start a %XX escape");
            }
            if (c == '#') {
                throw bad("a fragment (#) in the request target");
            }
        }
        if (!(target.startsWith("/") || (target.equals("*") && method.equals("OPTIONS")))) {
            throw bad("a request target that is not a path starting with /");
        }
        if (!METHODS.contains(method)) {
            throw new Refusal(501, "Not Implemented", "The method " + cut(method) + " is not implemented.");
        }
    }

    /** Checks a header line; true when the line is to be left out of the head passed on. */
    private boolean headerLine(State s, int start, int end) throws Refusal {
        byte[] h = s.head;
        if (h[start] == ' ' || h[start] == '\t') {
            throw bad("a folded header line (obs-fold is not accepted)");
        }
        if (++s.fields > limits.maxHeaderFields()) {
            throw new Refusal(431, "Request Header Fields Too Large", "The request has more than "
                    + limits.maxHeaderFields() + " header fields.");
        }
        int colon = start;
        while (colon < end && h[colon] != ':') {
            if (!isTokenChar(h[colon])) {
                throw bad(h[colon] == ' ' || h[colon] == '\t'
                        ? "white space in or after a header name" : "a header name that is not a token");
            }
            colon++;
        }
        if (colon == end) {
            throw bad("a header line without a colon");
        }
        if (colon == start) {
            throw bad("a header line with an empty name");
        }
        for (int i = colon + 1; i < end; i++) {
            byte c = h[i];
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw bad("a control byte in the value of header " + cut(ascii(h, start, colon)));
            }
        }
        String name = ascii(h, start, colon).toLowerCase(Locale.ROOT);
        String value = new String(h, colon + 1, end - colon - 1, StandardCharsets.ISO_8859_1).strip();
        switch (name) {
            case "host" -> s.hosts++;
            case "content-length" -> {
                if (!isDigits(value)) {
                    throw bad("a Content-Length that is not a number: " + cut(value));
                }
                long length = Long.parseLong(value);
                if (s.contentLength >= 0 && s.contentLength != length) {
                    throw bad("two different Content-Length values");
                }
                s.contentLength = length;
            }
            case "transfer-encoding" -> {
                if (!value.equalsIgnoreCase("chunked") || s.chunked) {
                    throw new Refusal(501, "Not Implemented", "Only Transfer-Encoding: chunked is accepted, once.");
                }
                s.chunked = true;
            }
            case "upgrade", "http2-settings" -> {
                return true;
            }
            default -> {
            }
        }
        return false;
    }

    private void endOfHead(State s) throws Refusal {
        if (s.http11 && s.hosts != 1) {
            throw bad(s.hosts == 0 ? "no Host header (HTTP/1.1 requires one)" : "more than one Host header");
        }
        if (s.hosts > 1) {
            throw bad("more than one Host header");
        }
        if (s.chunked && s.contentLength >= 0) {
            throw bad("both Content-Length and Transfer-Encoding");
        }
        if (s.contentLength > limits.maxBodyBytes()) {
            throw new Refusal(413, "Content Too Large", "The request body is larger than "
                    + limits.maxBodyBytes() + " bytes.");
        }
    }

    /** Answers the refusal in the documented shape, logs it and closes the connection. */
    private void refuse(State state, Refusal r) {
        state.phase = Phase.CLOSED;
        state.headStartNanos = 0;
        String code = "CC.00000009." + r.status;
        byte[] body = Json.error(code, r.getMessage()).getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + r.status + " " + r.reason + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Request-Id: " + EmulatorData.Ids.next() + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] bytes = Arrays.copyOf(head.getBytes(StandardCharsets.US_ASCII), head.length() + body.length);
        System.arraycopy(body, 0, bytes, head.length(), body.length);
        if (LOG.isLoggable(Level.INFO)) {
            StringBuilder line = new StringBuilder(120);
            line.append(state.method == null ? "-" : cut(state.method)).append(' ');
            if (state.target == null) {
                line.append('-');
            } else {
                RequestRecorder.appendCut(line, state.target, null);
            }
            line.append(' ').append(r.status).append(" refused: ").append(r.getMessage())
                    .append(" (from ").append(peer(state.connection)).append(')');
            LOG.info(line.toString());
        }
        Connection<?> connection = state.connection;
        Buffer buffer = Buffers.wrap(connection.getMemoryManager(), bytes);
        try {
            ((org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport) connection.getTransport()).getAsyncQueueIO().getWriter()
                    .write(connection, buffer, new EmptyCompletionHandler<WriteResult>() {
                        @Override
                        public void completed(WriteResult result) {
                            closeLater(connection);
                        }

                        @Override
                        public void failed(Throwable throwable) {
                            connection.closeSilently();
                        }
                    });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not answer a refused request", e);
            connection.closeSilently();
        }
    }

    /**
     * Closes a refused connection after a moment in which its input is read and dropped: closing
     * while the client is still sending (a 1 MB header) would reset the connection and could
     * destroy the answer before the client reads it.
     */
    private void closeLater(Connection<?> connection) {
        try {
            sweeper.schedule(connection::closeSilently, LINGER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            connection.closeSilently();
        }
    }

    /** Answers 408 to every connection whose head has been arriving for longer than the timeout. */
    private void sweep() {
        long now = System.nanoTime();
        long limit = TimeUnit.MILLISECONDS.toNanos(limits.headerTimeoutMillis());
        for (State s : live.values()) {
            long start = s.headStartNanos;
            if (start != 0 && now - start > limit) {
                synchronized (s) {
                    if (s.headStartNanos == start && s.phase != Phase.CLOSED) {
                        refuse(s, new Refusal(408, "Request Timeout", "The request head did not arrive within "
                                + limits.headerTimeoutMillis() + " ms."));
                    }
                }
            }
        }
    }

    private static String peer(Connection<?> c) {
        Object a = c.getPeerAddress();
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() + ":" + i.getPort() : String.valueOf(a);
    }

    private static Refusal bad(String what) {
        return new Refusal(400, "Bad Request", "Malformed request: " + what + ".");
    }

    private static String cut(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    private static int indexOf(byte[] h, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (h[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] h, int from, int to) {
        return new String(h, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** {@code HTTP/d.d}, RFC 9112's HTTP-version. */
    private static boolean isVersion(String v) {
        return v.length() == 8 && v.startsWith("HTTP/") && Character.isDigit(v.charAt(5)) && v.charAt(6) == '.'
                && Character.isDigit(v.charAt(7)) && v.charAt(5) < 0x80 && v.charAt(7) < 0x80;
    }

    /** 1 to 18 ASCII digits: a Content-Length that fits a long. */
    private static boolean isDigits(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** RFC 9110 tchar. */
    private static boolean isTokenChar(byte c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return c > 0 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
