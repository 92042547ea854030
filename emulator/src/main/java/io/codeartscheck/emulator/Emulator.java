package io.codeartscheck.emulator;

import com.sun.net.httpserver.HttpServer;
import io.codeartscheck.server.TokenVerifier;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running emulator: {@link EmulatorApplication} on Jersey and the JDK's HTTP server.
 *
 * <pre>
 * try (Emulator emulator = Emulator.builder().port(0).start()) {
 *     URI base = emulator.uri(); // http://127.0.0.1:PORT/
 * }
 * </pre>
 */
public final class Emulator implements AutoCloseable {
    static {
        // The JDK HTTP server leaves Nagle's algorithm on; with delayed ACKs every small response
        // then waits ~40 ms (bench/README.md measured it). The JDK reads this once, so set it
        // before the first server is created, unless the user chose otherwise.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final URI uri;
    private final EmulatorState state;

    private Emulator(HttpServer server, ExecutorService workers, URI uri, EmulatorState state) {
        this.server = server;
        this.workers = workers;
        this.uri = uri;
        this.state = state;
    }

    /**
     * Starts a configuration: 127.0.0.1:8080, the docs' data, any non-blank token.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URI actually bound, e.g. {@code http://127.0.0.1:8080/}.
     *
     * @return the base URI, for example {@code http://127.0.0.1:8080/}
     */
    public URI uri() {
        return uri;
    }

    /**
     * The state served (to inspect it in tests).
     *
     * @return the state the emulator serves
     */
    public EmulatorState state() {
        return state;
    }

    /** Stops at once and frees the port. */
    @Override
    public void close() {
        stop(0);
    }

    /** Stops accepting requests, lets running ones finish for up to {@code graceSeconds}, frees the port. */
    void stop(int graceSeconds) {
        server.stop(graceSeconds);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configures an {@link Emulator}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private Path data;
        private final List<String> tokens = new ArrayList<>();
        private int threads = 32;

        private Builder() {
        }

        /**
         * The address to bind (default 127.0.0.1).
         *
         * @param host the address to bind
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to bind (default 8080; 0 picks a free one, see {@link Emulator#uri()}).
         *
         * @param port the port, or 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Loads tasks, jobs and reports from this JSON file instead of the docs' examples.
         *
         * @param file a JSON file in the format of the default data
         * @return this builder
         */
        public Builder data(Path file) {
            this.data = file;
            return this;
        }

        /**
         * Accepts only the tokens added this way (default: any non-blank token).
         *
         * @param token a token to accept
         * @return this builder
         */
        public Builder token(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("a token must not be blank");
            }
            tokens.add(token);
            return this;
        }

        /**
         * The number of request threads (default 32).
         *
         * @param threads the number of request threads
         * @return this builder
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running emulator
         * @throws IOException if the address cannot be bound or the data cannot be read
         */
        public Emulator start() throws IOException {
            EmulatorState state = data == null ? EmulatorState.defaults() : EmulatorState.load(data);
            TokenVerifier verifier = tokens.isEmpty() ? TokenVerifier.anyNonBlank() : TokenVerifier.oneOf(tokens);
            ResourceConfig config = ResourceConfig.forApplication(new EmulatorApplication(state, verifier))
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true);
            String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            HttpServer server = JdkHttpServerFactory.createHttpServer(
                    URI.create("http://" + hostPart + ":" + port + "/"), config, false);
            ExecutorService workers = Executors.newFixedThreadPool(threads, new Named());
            server.setExecutor(workers);
            server.start();
            URI bound = URI.create("http://" + hostPart + ":" + server.getAddress().getPort() + "/");
            return new Emulator(server, workers, bound, state);
        }
    }

    private static final class Named implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            return new Thread(r, "emulator-" + count.incrementAndGet());
        }
    }
}
