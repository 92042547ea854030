package io.codeartscheck.emulator;

import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hosts an {@link EmulatorApplication} on Jersey and Grizzly, with {@link StrictHttpFilter} in
 * front of Grizzly's HTTP codec, the idle timeout on Grizzly's keep-alive, and every error Grizzly
 * itself answers (a codec error, a failure outside Jersey) in the documented JSON shape.
 */
final class GrizzlyEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StrictHttpFilter.LOGGER);

    private final HttpServer server;
    private final StrictHttpFilter strict;
    private final int port;

    private GrizzlyEngine(HttpServer server, StrictHttpFilter strict, int port) {
        this.server = server;
        this.strict = strict;
        this.port = port;
    }

    /** Binds and starts; the port may be 0 (see {@link #port()}). */
    static GrizzlyEngine start(String host, int port, EmulatorApplication app, StrictHttpFilter.Limits limits,
                               long idleTimeoutMillis, int threads) throws IOException {
        ResourceConfig config = ResourceConfig.forApplication(app)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        GrizzlyHttpContainer container = ContainerFactory.createContainer(GrizzlyHttpContainer.class, config);
        StrictHttpFilter strict = new StrictHttpFilter(limits);

        NetworkListener listener = new NetworkListener("emulator", host, port);
        listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, (idleTimeoutMillis + 999) / 1000));
        // The strict filter enforces the real limits first; Grizzly's own are kept above them.
        listener.setMaxHttpHeaderSize(limits.maxHeadBytes() + 1024);
        listener.setMaxRequestHeaders(limits.maxHeaderFields() + 8);
        listener.setDefaultErrorPageGenerator(new JsonErrorPages());
        listener.registerAddOn(new StrictFront(strict));
        listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                .setPoolName("emulator-worker").setCorePoolSize(threads).setMaxPoolSize(threads).setDaemon(true));

        HttpServer server = new HttpServer();
        server.addListener(listener);
        server.getServerConfiguration().setJmxEnabled(false);
        server.getServerConfiguration().addHttpHandler(new DropHook(container, app.faults()), "/");
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            server.shutdownNow();
            strict.close();
            throw e;
        }
        return new GrizzlyEngine(server, strict, listener.getPort());
    }

    int port() {
        return port;
    }

    /** Stops accepting, waits up to {@code graceMillis} for running requests, then closes every connection. */
    void stop(long graceMillis) {
        try {
            if (graceMillis > 0) {
                server.shutdown(graceMillis, java.util.concurrent.TimeUnit.MILLISECONDS).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.log(Level.FINE, "graceful shutdown failed", e);
        } finally {
            server.shutdownNow();
            strict.close();
        }
    }

    @Override
    public void close() {
        stop(0);
    }

    /** Puts {@link StrictHttpFilter} in front of the codec, and the JSON-answering codec in place of Grizzly's. */
    private record StrictFront(StrictHttpFilter strict) implements AddOn {
        @Override
        public void setup(NetworkListener listener, FilterChainBuilder builder) {
            builder.add(builder.indexOfType(TransportFilter.class) + 1, strict);
            int codec = builder.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class);
            org.glassfish.grizzly.http.HttpServerFilter old = (org.glassfish.grizzly.http.HttpServerFilter) builder.get(codec);
            JsonErrorsCodec replacement = new JsonErrorsCodec(listener);
            replacement.setAllowPayloadForUndefinedHttpMethods(old.isAllowPayloadForUndefinedHttpMethods());
            replacement.setMaxPayloadRemainderToSkip(old.getMaxPayloadRemainderToSkip());
            builder.set(codec, replacement);
        }
    }

    /** Grizzly's HTTP codec, answering its own errors in the documented JSON shape instead of an empty 400. */
    private static final class JsonErrorsCodec extends org.glassfish.grizzly.http.HttpServerFilter {
        @SuppressWarnings("deprecation")
        JsonErrorsCodec(NetworkListener l) {
            super(l.isChunkingEnabled(), l.getMaxHttpHeaderSize(), null, l.getKeepAlive(), null,
                    l.getMaxRequestHeaders(), l.getMaxResponseHeaders());
        }

        @Override
        protected HttpContent customizeErrorResponse(HttpResponsePacket response) {
            int status = response.getStatus();
            byte[] body = Json.error("CC.00000009." + status, "Malformed request: the HTTP codec refused it.")
                    .getBytes(StandardCharsets.UTF_8);
            LOG.info("- - " + status + " refused by the HTTP codec");
            response.setContentType("application/json");
            response.setContentLength(body.length);
            return HttpContent.builder(response)
                    .content(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, body)).last(true).build();
        }
    }

    /** The error pages Grizzly writes itself (outside Jersey), as the documented JSON. */
    private static final class JsonErrorPages implements ErrorPageGenerator {
        @Override
        public String generate(Request request, int status, String reasonPhrase, String description,
                               Throwable exception) {
            LOG.log(exception == null ? Level.INFO : Level.WARNING, request.getMethod() + " " + request.getRequestURI()
                    + " " + status + " answered by the HTTP server: " + reasonPhrase, exception);
            request.getResponse().setContentType("application/json");
            String code = status == 500 ? "CC.00000010.500" : "CC.00000009." + status;
            return Json.error(code, status == 500 ? "Internal server error." : String.valueOf(reasonPhrase));
        }
    }

    /**
     * Runs Jersey; offers {@link FaultInjector} a way to close the connection of the request it is
     * handling; and runs the API's calls (no body, nothing that may wait) on the thread that read
     * them, sparing a hand-off per request, while anything that may block goes to a worker.
     */
    private static final class DropHook extends HttpHandler {
        private final GrizzlyHttpContainer container;
        private final Faults faults;
        private final RequestExecutorProvider workers = new RequestExecutorProvider.WorkerThreadProvider();

        DropHook(GrizzlyHttpContainer container, Faults faults) {
            super("emulator");
            this.container = container;
            this.faults = faults;
            setDecodeUrl(false); // Jersey reads the raw URI; Grizzly's decoding answers bad UTF-8 with a bare 500
        }

        @Override
        public RequestExecutorProvider getRequestExecutorProvider() {
            return this::executor;
        }

        private Executor executor(Request request) {
            Operation operation = RequestRecorder.operation(request.getMethod().getMethodString(), request.getRequestURI());
            if (operation != null) {
                // Jersey's request properties are Grizzly's request attributes: RequestRecorder reads it there.
                request.setAttribute(RequestRecorder.OPERATION, operation);
            }
            boolean quick = request.getContentLength() <= 0 && !request.getRequest().isChunked() && !faults.any()
                    && (operation != null || "/health".equals(request.getRequestURI()));
            return quick ? null : workers.getExecutor(request);
        }

        @Override
        public void start() {
            container.start();
        }

        @Override
        public void destroy() {
            container.destroy();
        }

        @Override
        public void service(Request request, Response response) throws Exception {
            request.setAttribute(FaultInjector.DROP_CONNECTION,
                    (Runnable) () -> request.getContext().getConnection().closeSilently());
            container.service(request, response);
        }
    }
}
