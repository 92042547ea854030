package io.codeartscheck.emulator;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.Locale;
import java.util.logging.Logger;

/**
 * Logs one line per request: method, path, status and milliseconds (never headers, so never the token).
 * Runs first on the way in and last on the way out.
 */
@PreMatching
@Priority(1)
final class RequestLog implements ContainerRequestFilter, ContainerResponseFilter {
    static final Logger LOG = Logger.getLogger("io.codeartscheck.emulator.requests");
    private static final String START = "io.codeartscheck.emulator.start";

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(START, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object start = request.getProperty(START);
        double ms = start instanceof Long s ? (System.nanoTime() - s) / 1e6 : 0;
        LOG.info(String.format(Locale.ROOT, "%s %s %d %.1fms", request.getMethod(),
                request.getUriInfo().getRequestUri().getRawPath(), response.getStatus(), ms));
    }
}
