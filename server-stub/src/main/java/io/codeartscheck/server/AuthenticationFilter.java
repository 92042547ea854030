package io.codeartscheck.server;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.function.Predicate;

/**
 * Answers 401 {@code CC.00000003} when {@code X-Auth-Token} is missing, blank or rejected.
 *
 * <p>Pre-matching, like the gateway in front of the real service: an unknown path without a token
 * is a 401, not a 404. CORS preflights ({@code OPTIONS}) and the public paths pass.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {
    static final String HEADER = "X-Auth-Token";
    private static final int MAX_TOKEN_LENGTH = 100_000;

    private final TokenVerifier verifier;
    private final Predicate<String> publicPath;

    AuthenticationFilter(TokenVerifier verifier, Predicate<String> publicPath) {
        this.verifier = verifier;
        this.publicPath = publicPath;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) || publicPath.test(path(request))) {
            return;
        }
        String token = request.getHeaderString(HEADER);
        if (token == null || token.isBlank()) {
            request.abortWith(ErrorResponses.of(ErrorCode.AUTHENTICATION_FAILED,
                    "Authentication information missing: send the X-Auth-Token header."));
        } else if (token.length() > MAX_TOKEN_LENGTH || !verifier.isValid(token.strip())) {
            request.abortWith(ErrorResponses.of(ErrorCode.AUTHENTICATION_FAILED,
                    ErrorCode.AUTHENTICATION_FAILED.defaultMessage()));
        }
    }

    /** The request path relative to the application, with a leading slash on every runtime. */
    static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }
}
