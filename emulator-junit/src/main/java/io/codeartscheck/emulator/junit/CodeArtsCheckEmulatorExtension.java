package io.codeartscheck.emulator.junit;

import io.codeartscheck.client.CodeArtsCheckAsyncClient;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.EmulatorData;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts an emulator for a test class on a free loopback port, resets it before each test, stops it
 * after the class, and injects the {@link Emulator}, its {@link URI} and a {@link CodeArtsCheckClient}
 * or {@link CodeArtsCheckAsyncClient} pointed at it. Used by {@link CodeArtsCheckEmulatorTest}, or
 * registered with settings:
 *
 * <pre>
 * &#64;RegisterExtension
 * static CodeArtsCheckEmulatorExtension emulator = new CodeArtsCheckEmulatorExtension()
 *         .token("my-token")
 *         .data(EmulatorData.builder().task(EmulatorData.task("t1").status(TaskStatus.RUNNING)).build());
 *
 * &#64;Test
 * void stopsTheTask() {
 *     new MyService(emulator.client()).stop("t1");
 *     emulator.emulator().verify(Operation.STOP_TASK_BY_ID_V2, "t1", 1);
 * }
 * </pre>
 *
 * In a {@code static} field one emulator serves the whole class; in an instance field each test gets
 * its own. {@code @Nested} classes share the emulator of the class around them (reset before each of
 * their tests too), unless they carry their own {@link CodeArtsCheckEmulatorTest}. Each emulator lives
 * in the JUnit store of the class or test that started it and is stopped when that class or test ends.
 */
public class CodeArtsCheckEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** The token the injected client sends when the emulator accepts any token. */
    public static final String DEFAULT_TOKEN = "test-token";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CodeArtsCheckEmulatorExtension.class);

    private final List<String> tokens = new ArrayList<>();
    private EmulatorData data;
    private boolean requestLog;
    private Consumer<Emulator.Builder> configure = b -> {
    };
    private boolean configured;

    // What emulator(), uri() and client() return: the one serving the test (or class) running now.
    private volatile Running current;

    /** Defaults: the docs' data, any non-blank token, no request log. */
    public CodeArtsCheckEmulatorExtension() {
    }

    /**
     * Accepts this token (repeat for more); the injected client sends the first.
     *
     * @param token a non-blank token
     * @return this extension
     */
    public CodeArtsCheckEmulatorExtension token(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a token must not be blank");
        }
        tokens.add(token);
        configured = true;
        return this;
    }

    /**
     * Loads this data, and returns to it before each test.
     *
     * @param data the data
     * @return this extension
     */
    public CodeArtsCheckEmulatorExtension data(EmulatorData data) {
        this.data = Objects.requireNonNull(data, "data");
        configured = true;
        return this;
    }

    /**
     * Whether the emulator logs a line per request (default false).
     *
     * @param on true to log each request
     * @return this extension
     */
    public CodeArtsCheckEmulatorExtension requestLog(boolean on) {
        this.requestLog = on;
        configured = true;
        return this;
    }

    /**
     * Any other setting of the emulator (limits, journal size, extra components); the port is always
     * a free one.
     *
     * @param configure called with the builder before the emulator starts
     * @return this extension
     */
    public CodeArtsCheckEmulatorExtension configure(Consumer<Emulator.Builder> configure) {
        this.configure = Objects.requireNonNull(configure, "configure");
        configured = true;
        return this;
    }

    /**
     * The running emulator.
     *
     * @return the emulator
     * @throws IllegalStateException outside a test
     */
    public Emulator emulator() {
        return running().emulator;
    }

    /**
     * The emulator's base URI.
     *
     * @return e.g. {@code http://127.0.0.1:PORT/}
     * @throws IllegalStateException outside a test
     */
    public URI uri() {
        return running().emulator.uri();
    }

    /**
     * A client pointed at the emulator, sending the token.
     *
     * @return the client
     * @throws IllegalStateException outside a test
     */
    public CodeArtsCheckClient client() {
        return running().client;
    }

    /**
     * An async client pointed at the emulator, sending the token (built on first use: most tests
     * need only one of the two clients).
     *
     * @return the client
     * @throws IllegalStateException outside a test
     */
    public CodeArtsCheckAsyncClient asyncClient() {
        return running().asyncClient();
    }

    /**
     * The token the injected client sends.
     *
     * @return the first configured token, or {@value #DEFAULT_TOKEN}
     */
    public String clientToken() {
        Running r = current;
        return r != null ? r.token : tokens.isEmpty() ? DEFAULT_TOKEN : tokens.get(0);
    }

    private Running running() {
        Running r = current;
        if (r == null || r.closed) {
            throw new IllegalStateException("the emulator runs only while a test of its class runs");
        }
        return r;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Running around = find(context);
        if (around == null || hasOwnSettings(context)) {
            around = start(context);
        }
        current = around;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // This class's emulator (if it started one) is closed with its store; a nested class hands
        // back to the one of the class around it.
        current = find(context.getParent().orElse(null));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Running r = find(context);
        if (r == null) {
            r = start(context); // registered in an instance field: one emulator for this test
        } else {
            r.emulator.reset();
        }
        current = r;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        current = find(context.getParent().orElse(null));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class || type == URI.class || type == CodeArtsCheckClient.class
                || type == CodeArtsCheckAsyncClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Running r = find(context);
        if (r == null) {
            throw new ParameterResolutionException("the emulator is not running here (a static method of a class "
                    + "whose extension is an instance field?)");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Emulator.class) {
            return r.emulator;
        }
        if (type == CodeArtsCheckAsyncClient.class) {
            return r.asyncClient();
        }
        return type == URI.class ? r.emulator.uri() : r.client;
    }

    /** The emulator this extension runs for the context, from its store or that of a context around it. */
    private Running find(ExtensionContext context) {
        return context == null ? null : context.getStore(NAMESPACE).get(this, Running.class);
    }

    /** Whether a nested class asks for an emulator of its own (its own annotation, on the declarative form). */
    private boolean hasOwnSettings(ExtensionContext context) {
        return !configured && context.getTestClass()
                .map(c -> AnnotationSupport.isAnnotated(c, CodeArtsCheckEmulatorTest.class))
                .orElse(false);
    }

    private Running start(ExtensionContext context) throws IOException {
        List<String> accepted = new ArrayList<>(tokens);
        EmulatorData loaded = data;
        boolean log = requestLog;
        if (!configured) {
            Optional<Class<?>> annotated = context.getTestClass().flatMap(CodeArtsCheckEmulatorExtension::annotated);
            if (annotated.isPresent()) {
                CodeArtsCheckEmulatorTest settings =
                        AnnotationSupport.findAnnotation(annotated.get(), CodeArtsCheckEmulatorTest.class).orElseThrow();
                accepted.addAll(List.of(settings.tokens()));
                log = settings.requestLog();
                loaded = settings.data().isEmpty() ? null : load(annotated.get(), settings.data());
            }
        }
        Emulator.Builder builder = Emulator.builder();
        accepted.forEach(builder::token);
        if (loaded != null) {
            builder.data(loaded);
        }
        configure.accept(builder.requestLog(log));
        Emulator emulator = builder.port(0).start();
        String token = accepted.isEmpty() ? DEFAULT_TOKEN : accepted.get(0);
        Running r;
        try {
            r = new Running(emulator, CodeArtsCheckClient.builder().endpoint(emulator.uri())
                    .authToken(token).build(), token);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
        context.getStore(NAMESPACE).put(this, r); // closed when this context ends
        return r;
    }

    /** The class, or the innermost class around it, that carries the annotation. */
    private static Optional<Class<?>> annotated(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, CodeArtsCheckEmulatorTest.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static EmulatorData load(Class<?> testClass, String resource) {
        String name = resource.startsWith("/") ? resource : "/" + resource;
        try (InputStream in = Optional.ofNullable(testClass.getResourceAsStream(name))
                .orElseThrow(() -> new ExtensionConfigurationException("no classpath resource " + name))) {
            return EmulatorData.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One running emulator with its client, kept in the store of the context that started it and
     * closed by JUnit when that context ends. Both close contracts are implemented so that JUnit
     * before 5.13 (which knows only {@code CloseableResource}) closes it too; it closes once.
     */
    @SuppressWarnings("deprecation")
    private static final class Running implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        final Emulator emulator;
        final CodeArtsCheckClient client;
        final String token;
        private CodeArtsCheckAsyncClient asyncClient;
        volatile boolean closed;

        Running(Emulator emulator, CodeArtsCheckClient client, String token) {
            this.emulator = emulator;
            this.client = client;
            this.token = token;
        }

        synchronized CodeArtsCheckAsyncClient asyncClient() {
            if (closed) {
                throw new IllegalStateException("the emulator has stopped");
            }
            if (asyncClient == null) {
                asyncClient = CodeArtsCheckAsyncClient.builder().endpoint(emulator.uri()).authToken(token).build();
            }
            return asyncClient;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                client.close();
                if (asyncClient != null) {
                    asyncClient.close();
                }
            } finally {
                emulator.close();
            }
        }
    }
}
