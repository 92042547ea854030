package io.codeartscheck.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request the emulator received, as its journal keeps it; the {@code X-Auth-Token} value is
 * masked, so a journal can be printed or logged.
 *
 * @param time when the request arrived
 * @param method the HTTP method
 * @param path the raw path, e.g. {@code /v2/tasks/abc/stop}
 * @param query the raw query without {@code ?}, or null when there was none
 * @param headers the headers, names in lower case, the token masked as {@value #MASK}
 * @param operation the API operation the request reached, or null (an unknown path, the site)
 * @param status the status answered (0 when the connection was dropped by a fault)
 */
public record RecordedRequest(Instant time, String method, String path, String query,
                              Map<String, List<String>> headers, Operation operation, int status) {
    /** What the journal shows instead of a token. */
    public static final String MASK = "****";

    /**
     * Copies the headers.
     *
     * @param time when the request arrived
     * @param method the HTTP method
     * @param path the raw path
     * @param query the raw query or null
     * @param headers the headers, names in lower case
     * @param operation the operation reached, or null
     * @param status the status answered
     */
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the value, or null when the request had no such header
     */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public String toString() {
        return method + " " + path + (query == null ? "" : "?" + query) + " -> " + status
                + (operation == null ? "" : " (" + operation.operationId() + ")");
    }
}
