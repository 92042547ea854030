package io.codeartscheck.server;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Decides whether an {@code X-Auth-Token} value is accepted.
 *
 * <p>Called only with a non-blank token; a missing or blank header is rejected before.
 *
 * <pre>
 * TokenVerifier verifier = token -&gt; iam.isValid(token);
 * CodeArtsCheckFeature feature = CodeArtsCheckFeature.builder().tokenVerifier(verifier).build();
 * </pre>
 */
@FunctionalInterface
public interface TokenVerifier {

    /**
     * Returns whether the token is accepted; {@code false} answers 401 {@code CC.00000003}.
     *
     * @param token the {@code X-Auth-Token} value, never blank
     * @return whether the token is accepted
     */
    boolean isValid(String token);

    /**
     * Accepts every non-blank token (the default).
     *
     * @return a verifier that accepts every token
     */
    static TokenVerifier anyNonBlank() {
        return token -> true;
    }

    /**
     * Accepts exactly the given tokens.
     *
     * @param tokens the accepted tokens, at least one
     * @return a verifier that accepts only these tokens
     */
    static TokenVerifier oneOf(Collection<String> tokens) {
        Set<String> accepted = Set.copyOf(tokens);
        if (accepted.isEmpty()) {
            throw new IllegalArgumentException("at least one token is required");
        }
        return accepted::contains;
    }

    /**
     * Accepts exactly the given tokens.
     *
     * @param tokens the accepted tokens, at least one
     * @return a verifier that accepts only these tokens
     */
    static TokenVerifier oneOf(String... tokens) {
        return oneOf(List.of(tokens));
    }
}
