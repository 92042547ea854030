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
 * its own.
 */
public class CodeArtsCheckEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    /** The token the injected client sends when the emulator accepts any token. */
    public static final String DEFAULT_TOKEN = "test-token";

    private final List<String> tokens = new ArrayList<>();
    private EmulatorData data;
    private boolean requestLog;
    private Consumer<Emulator.Builder> configure = b -> {
    };
    private boolean configured;

    private Emulator emulator;
    private CodeArtsCheckClient client;
    /** Built on first use: most tests need only one of the two clients. */
    private CodeArtsCheckAsyncClient asyncClient;
    private boolean perClass;

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
        if (emulator == null) {
            throw new IllegalStateException("the emulator runs only while a test of its class runs");
        }
        return emulator;
    }

    /**
     * The emulator's base URI.
     *
     * @return e.g. {@code http://127.0.0.1:PORT/}
     */
    public URI uri() {
        return emulator().uri();
    }

    /**
     * A client pointed at the emulator, sending the token.
     *
     * @return the client
     */
    public CodeArtsCheckClient client() {
        emulator();
        return client;
    }

    /**
     * An async client pointed at the emulator, sending the token.
     *
     * @return the client
     */
    public synchronized CodeArtsCheckAsyncClient asyncClient() {
        emulator();
        if (asyncClient == null) {
            asyncClient = CodeArtsCheckAsyncClient.builder().endpoint(emulator.uri()).authToken(clientToken()).build();
        }
        return asyncClient;
    }

    /**
     * The token the injected client sends.
     *
     * @return the first configured token, or {@value #DEFAULT_TOKEN}
     */
    public String clientToken() {
        return tokens.isEmpty() ? DEFAULT_TOKEN : tokens.get(0);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        perClass = true;
        start(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (emulator == null) {
            start(context);
        } else {
            emulator.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Emulator.class || type == URI.class || type == CodeArtsCheckClient.class
                || type == CodeArtsCheckAsyncClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (emulator == null) {
            throw new ParameterResolutionException("the emulator is not running here (a static method of a class "
                    + "whose extension is an instance field?)");
        }
        Class<?> type = parameter.getParameter().getType();
        if (type == Emulator.class) {
            return emulator;
        }
        if (type == CodeArtsCheckAsyncClient.class) {
            return asyncClient();
        }
        return type == URI.class ? emulator.uri() : client;
    }

    private void start(ExtensionContext context) throws IOException {
        if (!configured) {
            Optional<Class<?>> testClass = context.getTestClass();
            testClass.flatMap(c -> AnnotationSupport.findAnnotation(c, CodeArtsCheckEmulatorTest.class))
                    .ifPresent(settings -> apply(settings, testClass.get()));
        }
        Emulator.Builder builder = Emulator.builder();
        tokens.forEach(builder::token);
        if (data != null) {
            builder.data(data);
        }
        configure.accept(builder.requestLog(requestLog));
        emulator = builder.port(0).start();
        client = CodeArtsCheckClient.builder().endpoint(emulator.uri()).authToken(clientToken()).build();
    }

    private void apply(CodeArtsCheckEmulatorTest settings, Class<?> testClass) {
        for (String t : settings.tokens()) {
            token(t);
        }
        requestLog(settings.requestLog());
        if (!settings.data().isEmpty()) {
            String name = settings.data().startsWith("/") ? settings.data() : "/" + settings.data();
            try (InputStream in = Optional.ofNullable(testClass.getResourceAsStream(name))
                    .orElseThrow(() -> new ExtensionConfigurationException("no classpath resource " + name))) {
                data(EmulatorData.fromJson(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private synchronized void stop() {
        try {
            if (client != null) {
                client.close();
            }
            if (asyncClient != null) {
                asyncClient.close();
            }
        } finally {
            client = null;
            asyncClient = null;
            if (emulator != null) {
                emulator.close();
                emulator = null;
            }
        }
    }
}
