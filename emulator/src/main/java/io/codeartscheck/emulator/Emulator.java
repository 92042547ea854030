package io.codeartscheck.emulator;

import io.codeartscheck.server.TokenVerifier;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A running emulator: {@link EmulatorApplication} on Jersey and Grizzly, behind a strict HTTP front
 * (header timeout, size and connection limits, every protocol error answered in the documented JSON).
 * Made to be embedded in tests: it can be reset, seeded, asked what it received, and made to fail.
 * Starting it changes nothing JVM-wide.
 *
 * <pre>
 * try (Emulator emulator = Emulator.builder().port(0).token("t").start()) {
 *     URI base = emulator.uri();                       // http://127.0.0.1:PORT/
 *     SeededTask task = emulator.addTask(EmulatorData.task().status(TaskStatus.RUNNING));
 *     emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(503, "CC.00000010.503", "Busy."));
 *     // ... run the code under test against base ...
 *     emulator.verify(Operation.STOP_TASK_BY_ID_V2, task.taskId(), 2);
 *     emulator.reset();                                // back to the loaded data
 * }
 * </pre>
 */
public final class Emulator implements AutoCloseable {
    private final GrizzlyEngine engine;
    private final EmulatorApplication app;
    private final URI uri;

    private Emulator(GrizzlyEngine engine, EmulatorApplication app, URI uri) {
        this.engine = engine;
        this.app = app;
        this.uri = uri;
    }

    /**
     * Starts a configuration: 127.0.0.1:8080, the docs' data, any non-blank token, request log on.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The base URI actually bound.
     *
     * @return e.g. {@code http://127.0.0.1:8080/}
     */
    public URI uri() {
        return uri;
    }

    /**
     * The state served, read-only, to inspect it (e.g. {@code state().taskStatus(id)}); it changes
     * through the API, {@link #reset()}, {@link #load(EmulatorData)} and {@link #addTask(EmulatorData.Task)}.
     *
     * @return the state
     */
    public EmulatorState state() {
        return app.state();
    }

    /** Back to the loaded data, with an empty journal and no pending faults. */
    public void reset() {
        app.reset();
    }

    /**
     * Replaces the loaded data (what {@link #reset()} returns to) and resets to it.
     *
     * @param data the new data
     */
    public void load(EmulatorData data) {
        app.state().load(data);
        app.reset();
    }

    /**
     * Adds a task to the current state, until the next {@link #reset()}.
     *
     * @param task the task; ids left out are generated
     * @return the ids of the task and its jobs
     * @throws IllegalArgumentException when an id is invalid or already in use
     */
    public SeededTask addTask(EmulatorData.Task task) {
        return app.state().add(task);
    }

    /**
     * The requests received since the start or the last reset (up to the journal size), oldest first.
     *
     * @return the journal
     */
    public List<RecordedRequest> requests() {
        return app.journal().all();
    }

    /**
     * The requests received for one operation, oldest first.
     *
     * @param operation the operation
     * @return the matching requests
     */
    public List<RecordedRequest> requests(Operation operation) {
        return app.journal().of(Objects.requireNonNull(operation, "operation"));
    }

    /**
     * Asserts how often an operation was called.
     *
     * @param operation the operation
     * @param times the expected number of calls
     * @throws AssertionError when the count differs, listing the requests received
     */
    public void verify(Operation operation, int times) {
        check(operation, null, times, requests(operation));
    }

    /**
     * Asserts how often an operation was called for one task or job: the requests whose decoded
     * path id ({@link RecordedRequest#id()}) equals {@code id}.
     *
     * @param operation the operation
     * @param id the task or job id named in the path ({@code job_id} for the refresh)
     * @param times the expected number of calls
     * @throws AssertionError when the count differs, listing the requests received
     */
    public void verify(Operation operation, String id, int times) {
        Objects.requireNonNull(id, "id");
        List<RecordedRequest> matching = new ArrayList<>();
        for (RecordedRequest r : requests(operation)) {
            if (id.equals(r.id())) {
                matching.add(r);
            }
        }
        check(operation, id, times, matching);
    }

    private void check(Operation operation, String id, int times, List<RecordedRequest> matching) {
        if (matching.size() != times) {
            throw new AssertionError("expected " + times + " call(s) of " + operation.operationId()
                    + (id == null ? "" : " for " + id) + ", got " + matching.size() + "; requests received: "
                    + requests());
        }
    }

    /**
     * Queues a fault: the next {@link Fault#times()} calls of the operation behave as it says.
     * Faults queue per operation, first in first out; {@link #reset()} drops them.
     *
     * @param operation the operation
     * @param fault what its next calls do
     */
    public void fault(Operation operation, Fault fault) {
        app.faults().add(Objects.requireNonNull(operation, "operation"), Objects.requireNonNull(fault, "fault"));
    }

    /**
     * The faults not used up yet.
     *
     * @return per operation, the pending faults with the calls they still apply to
     */
    public Map<Operation, List<Fault>> pendingFaults() {
        return app.faults().pending();
    }

    /** Drops every pending fault. */
    public void clearFaults() {
        app.faults().clear();
    }

    /** Stops at once: closes every connection and frees the port. */
    @Override
    public void close() {
        engine.stop(0);
    }

    /** Stops accepting requests, lets running ones finish for up to {@code graceMillis}, frees the port. */
    void stop(long graceMillis) {
        engine.stop(graceMillis);
    }

    /** Configures an {@link Emulator}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private EmulatorData data;
        private Path dataFile;
        private final List<String> tokens = new ArrayList<>();
        private int threads = 16;
        private boolean requestLog = true;
        private int journalSize = 1000;
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration idleTimeout = Duration.ofSeconds(30);
        private int maxHeaderSize = 16 * 1024;
        private int maxUriLength = 4096;
        private int maxHeaderFields = 100;
        private int maxConnections = 1000;
        private long maxBodySize = 1024 * 1024;
        private final List<Object> components = new ArrayList<>();

        private Builder() {
        }

        /**
         * The address to bind (default 127.0.0.1).
         *
         * @param host a host name or IP address
         * @return this builder
         */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * The port to bind (default 8080; 0 picks a free one, see {@link Emulator#uri()}).
         *
         * @param port 0 to 65535
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
         * The data to load and return to on reset (default: the docs' examples).
         *
         * @param data the data, from code, JSON or a file (see {@link EmulatorData})
         * @return this builder
         */
        public Builder data(EmulatorData data) {
            this.data = Objects.requireNonNull(data, "data");
            this.dataFile = null;
            return this;
        }

        /**
         * Loads the data from this JSON file when starting (the {@code --data} format).
         *
         * @param file the file
         * @return this builder
         */
        public Builder data(Path file) {
            this.dataFile = Objects.requireNonNull(file, "file");
            this.data = null;
            return this;
        }

        /**
         * Accepts only the tokens added this way, on the API and the admin API (default: any non-blank token).
         *
         * @param token a non-blank token
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
         * The number of threads running requests (default 16); a delay fault holds one for its delay.
         *
         * @param threads at least 1
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
         * Whether each request logs one line on {@code io.codeartscheck.emulator.requests} (default true).
         *
         * @param on false for no per-request line
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
         * How long a request (head and body) may take to arrive, from its first byte (default 10 s); then 408.
         *
         * @param timeout at least 1 ms
         * @return this builder
         */
        public Builder headerTimeout(Duration timeout) {
            this.headerTimeout = positive(timeout, "headerTimeout");
            return this;
        }

        /**
         * How long a connection may stay idle between requests before it is closed (default 30 s;
         * rounded up to whole seconds).
         *
         * @param timeout at least 1 ms
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positive(timeout, "idleTimeout");
            return this;
        }

        /**
         * The largest request head, request line and header fields together (default 16 KiB); then 431.
         *
         * @param bytes at least 256
         * @return this builder
         */
        public Builder maxHeaderSize(int bytes) {
            this.maxHeaderSize = atLeast(bytes, 256, "maxHeaderSize");
            return this;
        }

        /**
         * The longest request target, path and query (default 4096); then 414.
         *
         * @param length at least 16
         * @return this builder
         */
        public Builder maxUriLength(int length) {
            this.maxUriLength = atLeast(length, 16, "maxUriLength");
            return this;
        }

        /**
         * The most header fields in one request (default 100); then 431.
         *
         * @param fields at least 1
         * @return this builder
         */
        public Builder maxHeaderFields(int fields) {
            this.maxHeaderFields = atLeast(fields, 1, "maxHeaderFields");
            return this;
        }

        /**
         * The most connections open at once (default 1000); a connection over it gets 503 and is closed.
         *
         * @param connections at least 1
         * @return this builder
         */
        public Builder maxConnections(int connections) {
            this.maxConnections = atLeast(connections, 1, "maxConnections");
            return this;
        }

        /**
         * The largest request body, e.g. data sent to the admin API (default 1 MiB); then 413. A
         * request is read whole (head and body) before it runs, so a connection holds up to this much.
         *
         * @param bytes 0 to 1 GiB
         * @return this builder
         */
        public Builder maxBodySize(long bytes) {
            if (bytes < 0 || bytes > 1L << 30) {
                throw new IllegalArgumentException("maxBodySize must be 0 to 1 GiB, not " + bytes);
            }
            this.maxBodySize = bytes;
            return this;
        }

        /**
         * Registers a JAX-RS component beside the emulator's own (a filter, a feature, ...), e.g. to
         * observe it or to break it on purpose in a test.
         *
         * @param component the component instance
         * @return this builder
         */
        public Builder register(Object component) {
            components.add(Objects.requireNonNull(component, "component"));
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @return the running emulator
         * @throws IOException when the port cannot be bound or the data file cannot be read
         * @throws IllegalArgumentException when the data file is not valid data
         */
        public Emulator start() throws IOException {
            EmulatorData loaded = dataFile != null ? EmulatorData.fromFile(dataFile)
                    : data != null ? data : EmulatorData.defaults();
            TokenVerifier verifier = tokens.isEmpty() ? TokenVerifier.anyNonBlank() : TokenVerifier.oneOf(tokens);
            String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
            // The served spec names this emulator; the port is known once bound, so it is late-bound.
            String[] serverUrl = {"/"};
            EmulatorApplication.Builder ab = EmulatorApplication.builder()
                    .state(EmulatorState.of(loaded)).tokenVerifier(verifier).requestLog(requestLog)
                    .journalSize(journalSize).serverUrl(() -> serverUrl[0]);
            components.forEach(ab::register);
            EmulatorApplication app = ab.build();
            StrictHttpFilter.Limits limits = new StrictHttpFilter.Limits(headerTimeout.toMillis(), maxHeaderSize,
                    maxUriLength, maxHeaderFields, maxConnections, maxBodySize);
            GrizzlyEngine engine = GrizzlyEngine.start(host, port, app, limits, idleTimeout.toMillis(), threads);
            URI bound = URI.create("http://" + hostPart + ":" + engine.port() + "/");
            if (!wildcard) {
                serverUrl[0] = "http://" + hostPart + ":" + engine.port();
            }
            return new Emulator(engine, app, bound);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.toMillis() < 1) {
                throw new IllegalArgumentException(name + " must be at least 1 ms, not " + d);
            }
            return d;
        }

        private static int atLeast(int value, int min, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
            }
            return value;
        }
    }
}
