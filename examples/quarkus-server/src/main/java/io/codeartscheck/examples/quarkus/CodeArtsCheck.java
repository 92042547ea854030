package io.codeartscheck.examples.quarkus;

import io.codeartscheck.server.CodeArtsCheckFeature;
import io.codeartscheck.server.TokenVerifier;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * The server kit's wiring on Quarkus REST: a {@code @Provider} subclass of the Feature, which Quarkus
 * discovers and creates (with CDI injection). The kit's other providers are discovered in the
 * server-stub jar by themselves.
 */
@Provider
public class CodeArtsCheck extends CodeArtsCheckFeature {

    /**
     * Accepts the configured tokens; Quarkus' own endpoints under {@code /q/} need none.
     *
     * @param tokens {@code codearts-check.tokens} from application.properties or {@code -D}
     */
    public CodeArtsCheck(@ConfigProperty(name = "codearts-check.tokens") List<String> tokens) {
        super(builder().tokenVerifier(TokenVerifier.oneOf(tokens)).publicPaths("/q/*"));
    }
}
