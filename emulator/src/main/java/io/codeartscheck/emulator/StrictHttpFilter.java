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
import org.glassfish.grizzly.nio.NIOConnection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * reads each request strictly (RFC 9112, no leniency), head and body, and hands Grizzly only whole
 * requests, head and body together, so a request that never finished never runs and no thread
 * ever waits for a client's bytes. Everything it refuses is answered with the documented
 * {@code {"error_code","error_msg"}} JSON, logged on {@value #LOGGER}, and the connection closed:
 *
 * <ul>
 *   <li>400: a malformed request line, a bare CR or LF, a line fold, a header name that is not a
 *       token or followed by space, a control byte, bad percent-encoding in the target, a missing or
 *       repeated Host (HTTP/1.1), a bad or repeated Content-Length, Content-Length with
 *       Transfer-Encoding;</li>
 *   <li>408 when a request (head and body) is not complete within the header timeout, counted
 *       from its first byte;</li>
 *   <li>411 for a chunked body (no operation takes a body; every client the project supports
 *       sends Content-Length), 413 for a body over the limit, 414 for a long request target, 417
 *       for an expectation other than {@code 100-continue}, 431 for a large head or too many
 *       header fields, 501 for an unknown method or transfer coding, 505 for another HTTP version,
 *       503 to a connection over the connection limit.</li>
 * </ul>
 *
 * <p>Runs on Grizzly's selector threads and never blocks; one sweeper thread enforces the timeout.
 * A request waiting for its body holds what has arrived of it (16 KiB at first, at most the body
 * limit). A client that sends requests without reading the answers is cut off once
 * {@value #MAX_UNREAD_ANSWERS} bytes of answers wait for it (the engine never blocks a thread on a
 * write, so that queue is this filter's to bound).
 */
final class StrictHttpFilter extends BaseFilter implements AutoCloseable {
    static final String LOGGER = "io.codeartscheck.emulator.protocol";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH",
            "TRACE");
    private static final long LINGER_MILLIS = 500;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Empty lines tolerated before a request line (RFC 9112 2.2 asks for at least one). */
    private static final int MAX_EMPTY_LINES = 4;
    /** Room for a body at first: it grows as the body arrives, up to its Content-Length. */
    private static final int FIRST_BODY_ROOM = 16 * 1024;
    /**
     * Answers queued for a client that does not read them: past this, no further request of its is
     * served and the connection is closed (writes never block a thread, so the queue must be bounded).
     */
    static final int MAX_UNREAD_ANSWERS = 1 << 20;
    /** Visible ASCII that RFC 3986 allows in a path only percent-encoded (by byte value). */
    private static final boolean[] NOT_IN_PATH = new boolean[128];

    static {
        for (char c : "\"<>[\\]^`{|}".toCharArray()) {
            NOT_IN_PATH[c] = true;
        }
    }

    /** The limits enforced. */
    record Limits(long headerTimeoutMillis, int maxHeadBytes, int maxTargetLength, int maxHeaderFields,
                  int maxConnections, long maxBodyBytes) {
    }

    private enum Phase { IDLE, REQUEST_LINE, HEADERS, BODY, CLOSED }

    /** What one connection is in the middle of. Guarded by itself. */
    private static final class State {
        final Connection<?> connection;
        Phase phase = Phase.IDLE;
        byte[] head = new byte[512];
        int headLength;
        int lineStart;
        boolean cr;
        // when the request now arriving started (its first byte); 0 between requests
        volatile long headStartNanos;
        // head and body of a request whose body is arriving, and how much of it is there
        byte[] request;
        int requestLength;
        int requestTotal;
        // empty lines (CRLF) received before this request's request line
        int emptyLines;
        // from the head being read
        String method;
        String target;
        boolean http11;
        int fields;
        int hosts;
        long contentLength;
        boolean chunked;
        boolean expectContinue;

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
            expectContinue = false;
            request = null;
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
        // A refused connection is kept too (closed), so that what it sends is dropped, never served;
        // counted after adding, so that two connections accepted at once cannot both slip in.
        live.put(connection, state);
        if (live.size() > limits.maxConnections()) {
            synchronized (state) {
                refuse(state, new Refusal(503, "Service Unavailable", "Too many connections: the emulator accepts "
                        + limits.maxConnections() + " at a time."));
            }
            return ctx.getStopAction();
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        State state = live.remove(ctx.getConnection());
        if (state != null) {
            synchronized (state) {
                state.phase = Phase.CLOSED;
                state.headStartNanos = 0;
                state.request = null;
            }
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        State state = live.get(ctx.getConnection());
        if (state == null) {
            // Not accepted through this filter, or already closed: nothing it sends is served.
            ctx.getConnection().closeSilently();
            return ctx.getStopAction();
        }
        Buffer input = ctx.getMessage();
        synchronized (state) {
            try {
                int end = input.limit();
                for (int i = input.position(); i < end; ) {
                    if (state.phase == Phase.CLOSED) {
                        return ctx.getStopAction();
                    }
                    if (state.phase == Phase.BODY) {
                        int n = Math.min(end - i, state.requestTotal - state.requestLength);
                        if (state.requestLength + n > state.request.length) {
                            state.request = Arrays.copyOf(state.request, Math.min(state.requestTotal,
                                    Math.max(state.requestLength + n, 2 * state.request.length)));
                        }
                        input.position(i);
                        input.get(state.request, state.requestLength, n);
                        state.requestLength += n;
                        i += n;
                    } else if (read(state, input.get(i++))) {
                        startBody(state);
                    } else {
                        continue;
                    }
                    if (state.request != null && state.requestLength == state.requestTotal) {
                        return pass(ctx, state, input, i);
                    }
                }
            } catch (Refusal r) {
                refuse(state, r);
            }
            return ctx.getStopAction();
        }
    }

    /**
     * After a complete head: holds it, and room for the start of the body that follows (the room
     * grows as bytes arrive: a head that only announces a large body holds no more than this).
     */
    private void startBody(State s) {
        int length = s.headLength;
        long body = Math.max(0, s.contentLength); // <= maxBodyBytes, an int
        s.requestTotal = length + (int) body;
        s.request = Arrays.copyOf(s.head, length + (int) Math.min(body, FIRST_BODY_ROOM));
        s.requestLength = length;
        if (body > 0) {
            s.phase = Phase.BODY;
            if (s.expectContinue) {
                write(s.connection, CONTINUE, false);
            }
        }
    }

    /** Hands a whole request (head and body) on, and anything after it back to this filter. */
    private NextAction pass(FilterChainContext ctx, State state, Buffer input, int next) {
        if (unread(state.connection) > MAX_UNREAD_ANSWERS) {
            dropUnreading(state);
            return ctx.getStopAction();
        }
        byte[] request = state.request;
        state.request = null;
        state.headStartNanos = 0;
        state.emptyLines = 0;
        state.phase = Phase.IDLE;
        MemoryManager<?> memory = ctx.getMemoryManager();
        ctx.setMessage(Buffers.wrap(memory, request));
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
                if (++s.emptyLines > MAX_EMPTY_LINES) {
                    throw bad("more than " + MAX_EMPTY_LINES + " empty lines before the request line");
                }
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
        boolean origin = h[sp1 + 1] == '/';
        boolean inPath = origin;
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
            if (c == '?') {
                inPath = false;
            } else if (inPath && NOT_IN_PATH[c]) {
                throw notInPath(c);
            } else if (c == '"' || c == '<' || c == '>') {
                throw bad((c == '"' ? "a double quote" : c == '<' ? "a less-than sign" : "a greater-than sign")
                        + " in the request target (RFC 3986 allows it only percent-encoded)");
            }
        }
        if (!origin) {
            int scheme = schemeLength(target);
            if (scheme > 0) {
                target = originForm(s, target, scheme, sp1 + 1);
                for (int i = 0; i < target.length() && target.charAt(i) != '?'; i++) {
                    if (NOT_IN_PATH[target.charAt(i)]) {
                        throw notInPath(target.charAt(i));
                    }
                }
            } else if (!(target.equals("*") && method.equals("OPTIONS"))) {
                throw bad("a request target that is not a path starting with /");
            }
        }
        s.target = target;
        if (!METHODS.contains(method)) {
            throw new Refusal(501, "Not Implemented", "The method " + cut(method) + " is not implemented.");
        }
    }

    /** The length of {@code scheme://} at the start of the target (RFC 3986 scheme), or 0. */
    private static int schemeLength(String target) {
        if (target.isEmpty() || !Character.isLetter(target.charAt(0)) || target.charAt(0) > 0x7f) {
            return 0;
        }
        for (int i = 1; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == ':') {
                return target.startsWith("//", i + 1) ? i + 3 : 0;
            }
            if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * An absolute-form target (RFC 9112 3.2.2, {@code http://host:port/path?query}), which a server
     * must accept: checked, and rewritten in the head to its origin form ({@code /path?query}) so that
     * the rest of the server sees a path. The authority is not used (nor is Host).
     */
    private static String originForm(State s, String target, int schemeLength, int targetStart) throws Refusal {
        String scheme = target.substring(0, schemeLength - 3);
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            throw bad("a request target with the scheme " + cut(scheme) + " (only http and https)");
        }
        int authorityEnd = schemeLength;
        while (authorityEnd < target.length() && target.charAt(authorityEnd) != '/' && target.charAt(authorityEnd) != '?') {
            authorityEnd++;
        }
        String authority = target.substring(schemeLength, authorityEnd);
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
            throw bad(authority.isEmpty() ? "an absolute request target without a host"
                    : "user info in the request target");
        }
        boolean slash = authorityEnd == target.length() || target.charAt(authorityEnd) == '?';
        String origin = (slash ? "/" : "") + target.substring(authorityEnd);
        // In place: the request line has just been read, so nothing follows it in the head yet.
        byte[] h = s.head;
        int from = targetStart + authorityEnd;
        int to = targetStart;
        if (slash) {
            h[to++] = '/';
        }
        System.arraycopy(h, from, h, to, s.headLength - from);
        int removed = from - to;
        s.headLength -= removed;
        s.lineStart -= removed;
        return origin;
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
        String name = knownName(h, start, colon);
        if (name == null) {
            return false; // checked above; nothing else to learn from it here
        }
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
                String last = value.substring(value.lastIndexOf(',') + 1).strip();
                if (!last.equalsIgnoreCase("chunked")) {
                    throw new Refusal(501, "Not Implemented", "The transfer coding " + cut(value)
                            + " is not implemented.");
                }
                s.chunked = true;
            }
            case "expect" -> {
                if (!value.equalsIgnoreCase("100-continue")) {
                    throw new Refusal(417, "Expectation Failed", "The expectation " + cut(value)
                            + " cannot be met (only 100-continue is known).");
                }
                // Answered here, once the head is checked: the body is read here, before Grizzly sees it.
                s.expectContinue = true;
                return true;
            }
            case "upgrade", "http2-settings" -> {
                return true;
            }
            default -> {
            }
        }
        return false;
    }

    private static final String[] KNOWN = {"host", "content-length", "transfer-encoding", "expect", "upgrade",
        "http2-settings"};

    /** The header name in lower case when it is one this filter looks at, else null (without a String per header). */
    private static String knownName(byte[] h, int start, int end) {
        for (String known : KNOWN) {
            if (known.length() == end - start && equalsIgnoreCase(h, start, known)) {
                return known;
            }
        }
        return null;
    }

    private static boolean equalsIgnoreCase(byte[] h, int start, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            int c = h[start + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
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
        if (s.chunked) {
            throw new Refusal(411, "Length Required", "Transfer-Encoding is not accepted: send the body with "
                    + "Content-Length.");
        }
        if (s.contentLength > limits.maxBodyBytes()) {
            throw new Refusal(413, "Content Too Large", "The request body is larger than "
                    + limits.maxBodyBytes() + " bytes.");
        }
    }

    /** Bytes of answers queued on the connection and not yet taken by its client. */
    private static int unread(Connection<?> connection) {
        return connection instanceof NIOConnection nio ? nio.getAsyncWriteQueue().spaceInBytes() : 0;
    }

    /**
     * Closes a connection whose client sends requests but does not read the answers: another
     * answer would only queue behind the ones it left (there is no one to read a JSON error).
     */
    private void dropUnreading(State state) {
        state.phase = Phase.CLOSED;
        state.headStartNanos = 0;
        state.request = null;
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info("- - dropped: the client left " + unread(state.connection) + " bytes of answers unread (over "
                    + MAX_UNREAD_ANSWERS + ") and sent more requests (from " + peer(state.connection) + ")");
        }
        state.connection.closeSilently();
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
        state.request = null;
        write(state.connection, bytes, true);
    }

    /** Writes bytes on the connection without waiting; closes it afterwards (after a linger) when asked. */
    private void write(Connection<?> connection, byte[] bytes, boolean close) {
        Buffer buffer = Buffers.wrap(connection.getMemoryManager(), bytes);
        try {
            ((org.glassfish.grizzly.asyncqueue.AsyncQueueEnabledTransport) connection.getTransport()).getAsyncQueueIO().getWriter()
                    .write(connection, buffer, new EmptyCompletionHandler<WriteResult>() {
                        @Override
                        public void completed(WriteResult result) {
                            if (close) {
                                closeLater(connection);
                            }
                        }

                        @Override
                        public void failed(Throwable throwable) {
                            connection.closeSilently();
                        }
                    });
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "could not write to a connection", e);
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

    /** Answers 408 to every connection whose request has been arriving for longer than the timeout. */
    private void sweep() {
        long now = System.nanoTime();
        long limit = TimeUnit.MILLISECONDS.toNanos(limits.headerTimeoutMillis());
        for (State s : live.values()) {
            long start = s.headStartNanos;
            if (start != 0 && now - start > limit) {
                synchronized (s) {
                    if (s.headStartNanos == start && s.phase != Phase.CLOSED) {
                        refuse(s, new Refusal(408, "Request Timeout", s.phase == Phase.BODY
                                ? "The request body did not arrive within " + limits.headerTimeoutMillis()
                                        + " ms of the request's first byte."
                                : "The request head did not arrive within " + limits.headerTimeoutMillis() + " ms."));
                    }
                }
            }
        }
    }

    private static String peer(Connection<?> c) {
        Object a = c.getPeerAddress();
        return a instanceof InetSocketAddress i ? i.getAddress().getHostAddress() + ":" + i.getPort() : String.valueOf(a);
    }

    private static Refusal notInPath(int c) {
        return bad("a " + (char) c + " in the path (RFC 3986 allows it only percent-encoded)");
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
