package io.codeartscheck.emulator;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * First in, last out: names the operation a request is for, and on the way out writes the request
 * log line (method, path cut to {@value #MAX_TARGET} characters, status, milliseconds; never a
 * header) and the journal entry (the token masked). Requests to the admin API are logged, not
 * journaled.
 */
@PreMatching
@Priority(1)
final class RequestRecorder implements ContainerRequestFilter, ContainerResponseFilter {
    static final Logger LOG = Logger.getLogger("io.codeartscheck.emulator.requests");
    static final String OPERATION = "io.codeartscheck.emulator.operation";
    static final String DROPPED = "io.codeartscheck.emulator.dropped";
    static final int MAX_TARGET = 200;
    private static final String START = "io.codeartscheck.emulator.start";
    private static final List<String> MASKED = List.of(RecordedRequest.MASK);

    private final Journal journal;
    private final boolean log;

    RequestRecorder(Journal journal, boolean log) {
        this.journal = journal;
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
        if (request.getProperty(OPERATION) == null) { // Emulator's engine has named it already
            Operation operation = operation(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath());
            if (operation != null) {
                request.setProperty(OPERATION, operation);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = request.getProperty(DROPPED) != null ? 0 : response.getStatus();
        boolean stale = request.getProperty(FaultInjector.STALE) != null; // from before a reset: not on record
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        Object start = request.getProperty(START);
        long nanos = start instanceof Long s ? System.nanoTime() - s : 0;
        if (log && LOG.isLoggable(Level.INFO)) {
            long micros = nanos / 1000;
            StringBuilder line = new StringBuilder(96).append(request.getMethod()).append(' ');
            appendCut(line, path, uri.getRawQuery());
            line.append(' ');
            if (status == 0) {
                line.append(stale ? "dropped (reset while delayed)" : "dropped");
            } else {
                line.append(status);
            }
            line.append(' ').append(micros / 1000).append('.').append((micros / 100) % 10).append("ms");
            LOG.info(line.toString());
        }
        if (journal.enabled() && !stale && !path.startsWith("/__emulator/")) {
            MultivaluedMap<String, String> received = request.getHeaders();
            Map<String, List<String>> headers = new HashMap<>(received.size() * 2);
            for (Map.Entry<String, List<String>> h : received.entrySet()) {
                String lower = h.getKey().toLowerCase(Locale.ROOT);
                headers.put(lower, lower.equals("x-auth-token") ? MASKED : List.copyOf(h.getValue()));
            }
            Operation operation = (Operation) request.getProperty(OPERATION);
            journal.add(new RecordedRequest(Instant.now().minusNanos(nanos), request.getMethod(), path,
                    uri.getRawQuery(), headers, operation, operation == null ? null : pathId(path), status));
        }
        if (status == 0 && request.getProperty(FaultInjector.DROP_CONNECTION) instanceof Runnable drop) {
            drop.run(); // a fault's dropped connection, now that the request is on record
        }
    }

    /** Path and query, cut so that a line stays short whatever the client sent. */
    static void appendCut(StringBuilder line, String path, String query) {
        int room = MAX_TARGET;
        String target = query == null ? path : path + "?" + query;
        if (target.length() <= room) {
            line.append(target);
        } else {
            line.append(target, 0, room).append("...(").append(target.length()).append(" chars)");
        }
    }

    /**
     * The id an operation's raw path names, percent-decoded: its third segment in each of the five
     * paths ({@code /v1/tasks/{task_id}/taskcron}, {@code /v1/jobs/{job_id}/result/refresh}, ...).
     */
    static String pathId(String rawPath) {
        int start = rawPath.indexOf('/', rawPath.indexOf('/', 1) + 1) + 1;
        int end = rawPath.indexOf('/', start);
        return decode(rawPath.substring(start, end < 0 ? rawPath.length() : end));
    }

    /** Percent-decodes (UTF-8) a path segment; a malformed escape is kept as it is. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            int hi = i + 2 < segment.length() && c == '%' ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The operation a method and raw path are for, by the spec's paths, or null. */
    static Operation operation(String method, String path) {
        if (path == null) {
            return null;
        }
        switch (method) {
            case "GET":
                if (matches(path, "/v4/task/", "/code-health-svg")) {
                    return Operation.SHOW_CODE_HEALTH_SVG;
                }
                return matches(path, "/v1/tasks/", "/taskcron") ? Operation.SHOW_PORTAL_SERVICE_TASK_CRON : null;
            case "PUT":
                return matches(path, "/v1/jobs/", "/result/refresh") ? Operation.REFRESH_PORTAL_SERVICE_JOB_RESULT : null;
            case "POST":
                return matches(path, "/v2/tasks/", "/stop") ? Operation.STOP_TASK_BY_ID_V2 : null;
            case "DELETE":
                return matches(path, "/v3/task/", "") ? Operation.DELETE_TASK_V3 : null;
            default:
                return null;
        }
    }

    /** Whether the path is {@code prefix}, one non-empty segment, then {@code suffix}. */
    private static boolean matches(String path, String prefix, String suffix) {
        int idEnd = path.length() - suffix.length();
        return idEnd > prefix.length() && path.startsWith(prefix) && path.endsWith(suffix)
                && path.indexOf('/', prefix.length()) == (suffix.isEmpty() ? -1 : idEnd);
    }
}
