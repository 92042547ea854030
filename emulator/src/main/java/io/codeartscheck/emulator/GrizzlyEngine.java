package io.codeartscheck.emulator;

import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.ShutdownEvent;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.KeepAlive;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.ServerFilterConfiguration;
import org.glassfish.grizzly.http.util.MimeHeaders;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.utils.DelayedExecutor;
import org.glassfish.grizzly.utils.IdleTimeoutFilter;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hosts an {@link EmulatorApplication} on Jersey and Grizzly: a Grizzly transport whose filter chain
 * is assembled here (socket, {@link StrictHttpFilter}, Grizzly's HTTP codec answering its own errors
 * in the documented JSON, the idle timeout, Grizzly's HTTP server filter, then Jersey), without
 * Grizzly's {@code HttpServer}: no URI mapper or file cache in the request path, and nothing logged
 * at start or stop. The resources are registered with Jersey as resources (bound to their
 * instances), so Jersey has nothing to warn about either.
 */
final class GrizzlyEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StrictHttpFilter.LOGGER);

    private final TCPNIOTransport transport;
    private final TCPNIOServerConnection serverConnection;
    private final FilterChain chain;
    private final StrictHttpFilter strict;
    private final JerseyHandler handler;
    private final DelayedExecutor timer;
    private final ExecutorService timerThread;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private GrizzlyEngine(TCPNIOTransport transport, TCPNIOServerConnection serverConnection, FilterChain chain,
                          StrictHttpFilter strict, JerseyHandler handler, DelayedExecutor timer, ExecutorService timerThread) {
        this.transport = transport;
        this.serverConnection = serverConnection;
        this.chain = chain;
        this.strict = strict;
        this.handler = handler;
        this.timer = timer;
        this.timerThread = timerThread;
        this.port = ((InetSocketAddress) serverConnection.getLocalAddress()).getPort();
    }

    /** Binds and starts; the port may be 0 (see {@link #port()}). */
    static GrizzlyEngine start(String host, int port, EmulatorApplication app, StrictHttpFilter.Limits limits,
                               long idleTimeoutMillis, int threads) throws IOException {
        JerseyHandler handler = new JerseyHandler(jersey(app), app.faults());
        StrictHttpFilter strict = new StrictHttpFilter(limits);
        ExecutorService timerThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "emulator-timer");
            t.setDaemon(true);
            return t;
        });
        DelayedExecutor timer = new DelayedExecutor(timerThread);
        TCPNIOTransport transport = null;
        try {
            timer.start();
            int idleSeconds = (int) Math.max(1, (idleTimeoutMillis + 999) / 1000);
            KeepAlive keepAlive = new KeepAlive();
            keepAlive.setIdleTimeoutInSeconds(idleSeconds);
            keepAlive.setMaxRequestsCount(-1); // no limit of requests per connection
            ServerFilterConfiguration config = new ServerFilterConfiguration("CodeArts Check emulator", "");
            config.setDefaultErrorPageGenerator(new JsonErrorPages());
            config.setPassTraceRequest(true); // Jersey answers TRACE (405 in JSON), not Grizzly (an empty 405)
            HttpServerFilter server = new HttpServerFilter(config, timer);
            server.setHttpHandler(handler);
            FilterChain chain = FilterChainBuilder.stateless()
                    .add(new TransportFilter())
                    // Before the strict filter, so that bytes of a request still arriving count as activity.
                    .add(new IdleTimeoutFilter(timer, idleSeconds, TimeUnit.SECONDS))
                    .add(strict)
                    // The strict filter enforces the real limits first; the codec's own are kept above them.
                    .add(new JsonErrorsCodec(keepAlive, limits.maxHeadBytes() + 1024, limits.maxHeaderFields() + 8))
                    .add(server)
                    .build();
            TCPNIOTransportBuilder builder = TCPNIOTransportBuilder.newInstance();
            transport = builder.setIOStrategy(SameThreadIOStrategy.getInstance())
                    .setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig().setPoolName("emulator-worker")
                            .setCorePoolSize(threads).setMaxPoolSize(threads).setDaemon(true)
                            .setMemoryManager(builder.getMemoryManager()))
                    .build();
            transport.setProcessor(chain);
            // A write never waits for a client to read (Grizzly would otherwise block the writing
            // thread, a selector thread for API calls, once 4 socket buffers are queued); the strict
            // filter cuts off a client that leaves more than StrictHttpFilter.MAX_UNREAD_ANSWERS unread.
            transport.getAsyncQueueIO().getWriter().setMaxPendingBytesPerConnection(-1);
            TCPNIOServerConnection bound = transport.bind(host, port);
            String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            handler.base("http://" + hostPart + ":" + ((InetSocketAddress) bound.getLocalAddress()).getPort());
            handler.start();
            transport.start();
            return new GrizzlyEngine(transport, bound, chain, strict, handler, timer, timerThread);
        } catch (IOException | RuntimeException e) {
            if (transport != null) {
                transport.shutdownNow();
            }
            strict.close();
            timer.destroy();
            timerThread.shutdownNow();
            try {
                handler.destroy(); // Jersey's application (its injection manager) lives until destroyed
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Jersey's configuration of the application: its resources as resource models bound to their
     * instances (registered as plain instances, Jersey would warn that each "will be ignored" as a
     * provider), everything else as components.
     */
    static ResourceConfig jersey(EmulatorApplication app) {
        ResourceConfig config = new ResourceConfig()
                .setApplicationName("CodeArts Check emulator")
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // Jersey buffers each answer to send its Content-Length, in a new array of this size per
                // request (8 KiB by default): every API answer fits in 2 KiB; longer ones are chunked.
                .property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 2048)
                // A relative Location (the site's redirect to docs/) stays relative: not made absolute
                // from a base URI that the request's Host would otherwise decide.
                .property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        for (Object component : app.getSingletons()) {
            Resource model = Resource.from(component.getClass());
            if (model != null && model.getPath() != null) {
                config.registerResources(boundTo(model, component));
            } else {
                config.register(component);
            }
        }
        return config;
    }

    private static Resource boundTo(Resource model, Object instance) {
        Resource.Builder builder = Resource.builder(model.getPath()).name(model.getName());
        List<ResourceMethod> methods = new ArrayList<>(model.getResourceMethods());
        if (model.getResourceLocator() != null) {
            methods.add(model.getResourceLocator());
        }
        for (ResourceMethod method : methods) {
            builder.addMethod(method).handledBy(instance, method.getInvocable().getDefinitionMethod());
        }
        for (Resource child : model.getChildResources()) {
            builder.addChildResource(boundTo(child, instance));
        }
        return builder.build();
    }

    int port() {
        return port;
    }

    /** Stops accepting, waits up to {@code graceMillis} for running requests, then closes every connection. */
    void stop(long graceMillis) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            transport.unbind(serverConnection);
            if (graceMillis > 0) {
                awaitRunningRequests(graceMillis);
            }
        } finally {
            try {
                transport.shutdownNow();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the transport failed", e);
            } finally {
                handler.destroy();
                strict.close();
                timer.destroy();
                timerThread.shutdownNow();
            }
        }
    }

    /** Asks Grizzly's HTTP server filter to finish its running requests, and waits for it (bounded). */
    private void awaitRunningRequests(long graceMillis) {
        ShutdownEvent event = new ShutdownEvent(graceMillis, TimeUnit.MILLISECONDS);
        chain.fireEventDownstream(serverConnection, event, null);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        for (Callable<?> task : event.getShutdownTasks()) {
            Thread waiter = new Thread(() -> {
                try {
                    task.call();
                } catch (Exception e) {
                    LOG.log(Level.FINE, "waiting for running requests failed", e);
                }
            }, "emulator-stop");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiter.interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop(0);
    }

    /** Grizzly's HTTP codec, answering its own errors in the documented JSON shape instead of an empty 400. */
    private static final class JsonErrorsCodec extends org.glassfish.grizzly.http.HttpServerFilter {
        @SuppressWarnings("deprecation")
        JsonErrorsCodec(KeepAlive keepAlive, int maxHeaderSize, int maxRequestHeaders) {
            super(true, maxHeaderSize, null, keepAlive, null, maxRequestHeaders, MimeHeaders.MAX_NUM_HEADERS_DEFAULT);
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
}
