package io.codeartscheck.emulator;

import io.codeartscheck.server.CodeArtsCheckFeature;
import io.codeartscheck.server.TokenVerifier;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The emulator as a plain JAX-RS {@link Application}, to host on any runtime (Jersey, RESTEasy, ...):
 * the five operations, the site ({@code /health}, {@code /openapi.yaml}, {@code /docs/}), the admin
 * API under {@code /__emulator/}, the request log, the journal and faults. {@link Emulator} hosts it
 * on its own engine; only there can a fault drop a connection.
 *
 * <pre>
 * // RESTEasy
 * EmulatorApplication app = EmulatorApplication.builder().tokenVerifier(TokenVerifier.oneOf("t")).build();
 * new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(8080, "127.0.0.1")).deploy(app);
 * app.reset(); // between tests
 * </pre>
 */
public class EmulatorApplication extends Application {
    static final String[] PUBLIC_PATHS = {"/", "/health", "/openapi.yaml", "/docs", "/docs/*",
        AdminResource.PREFIX + "openapi.yaml"};

    private final EmulatorState state;
    private final Journal journal;
    private final Faults faults = new Faults();
    private final Set<Object> singletons;

    /** The docs' example data, any non-blank token accepted, request log on. */
    public EmulatorApplication() {
        this(builder());
    }

    /**
     * The given data and token check, request log on.
     *
     * @param state the data to serve
     * @param tokenVerifier which tokens to accept
     */
    public EmulatorApplication(EmulatorState state, TokenVerifier tokenVerifier) {
        this(builder().state(state).tokenVerifier(tokenVerifier));
    }

    private EmulatorApplication(Builder b) {
        this.state = b.state != null ? b.state : EmulatorState.defaults();
        this.journal = new Journal(b.journalSize);
        Feature controls = context -> {
            // Registered through a Feature: RESTEasy does not take filter objects from getSingletons().
            context.register(new RequestRecorder(journal, b.requestLog));
            context.register(new FaultInjector(faults));
            context.register(new HangUpTolerance());
            return true;
        };
        List<Object> all = new ArrayList<>(List.of(
                new TaskManagementEmulator(state),
                new EmulatorSite(b.serverUrl),
                new AdminResource(this),
                controls,
                CodeArtsCheckFeature.builder().tokenVerifier(b.tokenVerifier).publicPaths(PUBLIC_PATHS).build()));
        all.addAll(b.components);
        this.singletons = Set.copyOf(all);
    }

    /**
     * Starts a configuration: the docs' data, any non-blank token, request log on, a journal of 1000.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The state this application serves.
     *
     * @return the state
     */
    public EmulatorState state() {
        return state;
    }

    /** Back to the loaded data, with an empty journal and no pending faults. */
    public void reset() {
        faults.reset(); // first: a delayed call that wakes from now on is not served
        state.reset();
        journal.clear();
    }

    Journal journal() {
        return journal;
    }

    Faults faults() {
        return faults;
    }

    @Override
    public Set<Object> getSingletons() {
        return singletons;
    }

    /** Configures an {@link EmulatorApplication}. */
    public static final class Builder {
        private EmulatorState state;
        private TokenVerifier tokenVerifier = TokenVerifier.anyNonBlank();
        private boolean requestLog = true;
        private int journalSize = 1000;
        private java.util.function.Supplier<String> serverUrl = () -> "/";
        private final List<Object> components = new ArrayList<>();

        private Builder() {
        }

        /**
         * The state to serve (default: a new state with the docs' examples).
         *
         * @param state the state
         * @return this builder
         */
        public Builder state(EmulatorState state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * Which tokens the API and the admin API accept (default: any non-blank token).
         *
         * @param verifier the check
         * @return this builder
         */
        public Builder tokenVerifier(TokenVerifier verifier) {
            this.tokenVerifier = Objects.requireNonNull(verifier, "verifier");
            return this;
        }

        /**
         * Whether each request logs a line to logger {@code io.codeartscheck.emulator.requests} (default true).
         *
         * @param on false to log nothing per request
         * @return this builder
         */
        public Builder requestLog(boolean on) {
            this.requestLog = on;
            return this;
        }

        /**
         * How many requests the journal keeps, the oldest dropped first (default 1000; 0 keeps none).
         *
         * @param size 0 or more
         * @return this builder
         */
        public Builder journalSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("journalSize must be 0 or more, not " + size);
            }
            this.journalSize = size;
            return this;
        }

        /**
         * The URL listed first under {@code servers} in the served {@code /openapi.yaml} (default
         * {@code /}, which clients resolve against the document's own URL). Never taken from a request.
         *
         * @param url an absolute URL or a path
         * @return this builder
         */
        public Builder serverUrl(String url) {
            Objects.requireNonNull(url, "url");
            return serverUrl(() -> url);
        }

        Builder serverUrl(java.util.function.Supplier<String> url) {
            this.serverUrl = url;
            return this;
        }

        /**
         * Registers a JAX-RS component beside the emulator's own (a filter, a {@link Feature}, ...):
         * to observe it, or to break it on purpose in a test.
         *
         * @param component the component instance
         * @return this builder
         */
        public Builder register(Object component) {
            components.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        /**
         * Builds the application.
         *
         * @return the application
         */
        public EmulatorApplication build() {
            return new EmulatorApplication(this);
        }
    }
}
