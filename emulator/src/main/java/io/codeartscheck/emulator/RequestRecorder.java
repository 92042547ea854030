package io.codeartscheck.emulator;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

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
    private static final String ARRIVED = "io.codeartscheck.emulator.arrived";
    private static final Pattern SEGMENT = Pattern.compile("[^/]+");
    private static final Pattern BADGE = Pattern.compile("/v4/task/" + SEGMENT + "/code-health-svg");
    private static final Pattern REFRESH = Pattern.compile("/v1/jobs/" + SEGMENT + "/result/refresh");
    private static final Pattern TASKCRON = Pattern.compile("/v1/tasks/" + SEGMENT + "/taskcron");
    private static final Pattern STOP = Pattern.compile("/v2/tasks/" + SEGMENT + "/stop");
    private static final Pattern DELETE = Pattern.compile("/v3/task/" + SEGMENT);

    private final Journal journal;
    private final boolean log;

    RequestRecorder(Journal journal, boolean log) {
        this.journal = journal;
        this.log = log;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
        if (journal.enabled()) {
            request.setProperty(ARRIVED, Instant.now());
        }
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
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (log && LOG.isLoggable(Level.INFO)) {
            Object start = request.getProperty(START);
            long micros = start instanceof Long s ? (System.nanoTime() - s) / 1000 : 0;
            StringBuilder line = new StringBuilder(96).append(request.getMethod()).append(' ');
            appendCut(line, path, uri.getRawQuery());
            line.append(' ').append(status == 0 ? "dropped" : Integer.toString(status)).append(' ')
                    .append(micros / 1000).append('.').append((micros / 100) % 10).append("ms");
            LOG.info(line.toString());
        }
        if (journal.enabled() && !path.startsWith("/__emulator/")) {
            Map<String, List<String>> headers = new HashMap<>();
            request.getHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                headers.put(lower, lower.equals("x-auth-token")
                        ? values.stream().map(v -> RecordedRequest.MASK).toList() : List.copyOf(values));
            });
            Object arrived = request.getProperty(ARRIVED);
            journal.add(new RecordedRequest(arrived instanceof Instant i ? i : Instant.now(), request.getMethod(),
                    path, uri.getRawQuery(), headers, (Operation) request.getProperty(OPERATION), status));
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

    /** The operation a method and raw path are for, by the spec's paths, or null. */
    static Operation operation(String method, String path) {
        if (path == null) {
            return null;
        }
        switch (method) {
            case "GET":
                if (BADGE.matcher(path).matches()) {
                    return Operation.SHOW_CODE_HEALTH_SVG;
                }
                return TASKCRON.matcher(path).matches() ? Operation.SHOW_PORTAL_SERVICE_TASK_CRON : null;
            case "PUT":
                return REFRESH.matcher(path).matches() ? Operation.REFRESH_PORTAL_SERVICE_JOB_RESULT : null;
            case "POST":
                return STOP.matcher(path).matches() ? Operation.STOP_TASK_BY_ID_V2 : null;
            case "DELETE":
                return DELETE.matcher(path).matches() ? Operation.DELETE_TASK_V3 : null;
            default:
                return null;
        }
    }
}
