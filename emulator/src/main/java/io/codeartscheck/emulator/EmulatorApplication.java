package io.codeartscheck.emulator;

import io.codeartscheck.server.CodeArtsCheckFeature;
import io.codeartscheck.server.TokenVerifier;
import jakarta.ws.rs.core.Application;

import java.util.Objects;
import java.util.Set;

/**
 * The emulator as a plain JAX-RS {@link Application}, to host on any runtime (Jersey, RESTEasy, ...).
 *
 * <pre>
 * // RESTEasy
 * new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(8080, "127.0.0.1"))
 *         .deploy(new EmulatorApplication(EmulatorState.defaults(), TokenVerifier.anyNonBlank()));
 * // Jersey
 * JdkHttpServerFactory.createHttpServer(uri, ResourceConfig.forApplication(new EmulatorApplication()));
 * </pre>
 */
public class EmulatorApplication extends Application {
    private final EmulatorState state;
    private final TokenVerifier tokenVerifier;

    /** The docs' example data, any non-blank token accepted. */
    public EmulatorApplication() {
        this(EmulatorState.defaults(), TokenVerifier.anyNonBlank());
    }

    /**
     * The given data and token check.
     *
     * @param state the tasks, jobs and reports to serve
     * @param tokenVerifier decides which tokens are accepted
     */
    public EmulatorApplication(EmulatorState state, TokenVerifier tokenVerifier) {
        this.state = Objects.requireNonNull(state, "state");
        this.tokenVerifier = Objects.requireNonNull(tokenVerifier, "tokenVerifier");
    }

    /**
     * The state this application serves (to inspect it in tests).
     *
     * @return the state the application serves
     */
    public EmulatorState state() {
        return state;
    }

    @Override
    public Set<Object> getSingletons() {
        return Set.of(
                new TaskManagementEmulator(state),
                new EmulatorSite(),
                new RequestLog(),
                CodeArtsCheckFeature.builder()
                        .tokenVerifier(tokenVerifier)
                        .publicPaths("/", "/health", "/openapi.yaml", "/docs", "/docs/*")
                        .build());
    }
}
