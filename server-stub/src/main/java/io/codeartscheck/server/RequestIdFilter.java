package io.codeartscheck.server;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Puts an {@code X-Request-Id} on every response: the request's own when it sent a sane one,
 * otherwise a new 32-hex-digit id. An id needs to be unique, not secret: 128 bits from
 * {@link ThreadLocalRandom} (no lock, no system call), not a {@code SecureRandom} UUID.
 */
@PreMatching
@Priority(100)
final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    static final String HEADER = "X-Request-Id";
    static final String PROPERTY = "io.codeartscheck.server.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(PROPERTY, idOf(request));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        response.getHeaders().putSingle(HEADER, id != null ? id : idOf(request));
    }

    private static String idOf(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        return newId();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** 32 lowercase hex digits, 128 random bits. */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[32];
        long bits = random.nextLong();
        for (int i = 0; i < 16; i++, bits >>>= 4) {
            id[i] = HEX[(int) bits & 0xf];
        }
        bits = random.nextLong();
        for (int i = 16; i < 32; i++, bits >>>= 4) {
            id[i] = HEX[(int) bits & 0xf];
        }
        return new String(id);
    }
}
