package io.codeartscheck.emulator;

import jakarta.ws.rs.core.SecurityContext;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.RequestExecutorProvider;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.jersey.internal.PropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.internal.ContainerUtils;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Jersey on Grizzly, as Jersey's own {@code GrizzlyHttpContainer} does it, minus what the emulator
 * does not use and pays for on every request: the base URI is this emulator's bound URL (never the
 * request's {@code Host}), so a request costs one {@link URI} parse instead of three; and Grizzly's
 * request and response are not offered for injection (two request-scope lookups). It also chooses
 * the thread per request (the API's calls run on the thread that read them: the strict front hands
 * on only whole requests, so nothing here waits for a client; anything that may wait goes to a
 * worker) and offers {@link FaultInjector} a way to close the connection.
 */
final class JerseyHandler extends HttpHandler implements Container {
    private static final SecurityContext ANONYMOUS = new SecurityContext() {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    };

    private final ApplicationHandler jersey;
    private final Faults faults;
    private final RequestExecutorProvider workers = new RequestExecutorProvider.WorkerThreadProvider();
    private volatile String base = "http://127.0.0.1";
    private volatile URI baseUri = URI.create(base + "/");

    JerseyHandler(ResourceConfig config, Faults faults) {
        super("emulator");
        this.jersey = new ApplicationHandler(config);
        this.faults = faults;
        setDecodeUrl(false); // Jersey reads the raw URI; Grizzly's decoding answers bad UTF-8 with a bare 500
    }

    /** The base of every request URI Jersey sees: the emulator's URL, e.g. {@code http://127.0.0.1:8080}. */
    void base(String url) {
        this.base = url;
        this.baseUri = URI.create(url + "/");
    }

    @Override
    public RequestExecutorProvider getRequestExecutorProvider() {
        return this::executor;
    }

    private Executor executor(Request request) {
        String path = request.getRequestURI();
        Operation operation = RequestRecorder.operation(request.getMethod().getMethodString(), path);
        if (operation == null) {
            return "/health".equals(path) ? null : workers.getExecutor(request);
        }
        // Jersey's request properties are Grizzly's request attributes: RequestRecorder and
        // FaultInjector read them there.
        request.setAttribute(RequestRecorder.OPERATION, operation);
        if (faults.delayNext(operation)) {
            return workers.getExecutor(request);
        }
        // A delay fault queued from now on waits for the next call (it is never taken here).
        request.setAttribute(FaultInjector.NO_WAITING, Boolean.TRUE);
        return null;
    }

    @Override
    public void start() {
        super.start();
        jersey.onStartup(this);
    }

    @Override
    public void destroy() {
        super.destroy();
        jersey.onShutdown(this);
    }

    @Override
    public void service(Request request, Response response) {
        request.setAttribute(FaultInjector.DROP_CONNECTION,
                (Runnable) () -> request.getContext().getConnection().closeSilently());
        String target = request.getRequestURI();
        if (!target.startsWith("/")) {
            target = "/"; // OPTIONS *, the only other form the strict front lets through: the server as a whole
        }
        String query = request.getQueryString();
        // The strict front let through only a path of RFC 3986 characters; a query may hold some
        // that java.net.URI refuses ({, |, ...): encoded, as Jersey's own container does.
        URI requestUri = URI.create(query == null ? base + target
                : base + target + "?" + ContainerUtils.encodeUnsafeCharacters(query));
        ContainerRequest jerseyRequest = new ContainerRequest(baseUri, requestUri,
                request.getMethod().getMethodString(), ANONYMOUS, new Attributes(request), jersey.getConfiguration());
        jerseyRequest.setEntityStream(request.getInputStream());
        for (String name : request.getHeaderNames()) {
            jerseyRequest.headers(name, request.getHeaders(name));
        }
        jerseyRequest.setWriter(new Writer(response));
        jersey.handle(jerseyRequest);
    }

    @Override
    public ResourceConfig getConfiguration() {
        return jersey.getConfiguration();
    }

    @Override
    public ApplicationHandler getApplicationHandler() {
        return jersey;
    }

    @Override
    public void reload() {
        throw new UnsupportedOperationException("the emulator's application is not reloaded");
    }

    @Override
    public void reload(ResourceConfig configuration) {
        throw new UnsupportedOperationException("the emulator's application is not reloaded");
    }

    /** Jersey's request properties, kept as Grizzly's request attributes (where the engine put its own). */
    private record Attributes(Request request) implements PropertiesDelegate {
        @Override
        public Object getProperty(String name) {
            return request.getAttribute(name);
        }

        @Override
        public Collection<String> getPropertyNames() {
            return request.getAttributeNames();
        }

        @Override
        public void setProperty(String name, Object value) {
            request.setAttribute(name, value);
        }

        @Override
        public void removeProperty(String name) {
            request.removeAttribute(name);
        }
    }

    /** Writes Jersey's response to Grizzly's, as Jersey's own container does. */
    private record Writer(Response response) implements ContainerResponseWriter {
        @Override
        public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse context) {
            jakarta.ws.rs.core.Response.StatusType status = context.getStatusInfo();
            if (status.getReasonPhrase() == null) {
                response.setStatus(status.getStatusCode());
            } else {
                response.setStatus(status.getStatusCode(), status.getReasonPhrase());
            }
            response.setContentLengthLong(contentLength);
            for (Map.Entry<String, List<String>> header : context.getStringHeaders().entrySet()) {
                for (String value : header.getValue()) {
                    response.addHeader(header.getKey(), value);
                }
            }
            return response.getOutputStream();
        }

        @Override
        public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
            try {
                response.suspend(timeOut, timeUnit, new EmptyCompletionHandler<>(), new org.glassfish.grizzly.http.server.TimeoutHandler() {
                    @Override
                    public boolean onTimeout(Response timedOut) {
                        if (timeoutHandler != null) {
                            timeoutHandler.onTimeout(Writer.this);
                        }
                        return false; // the timeout handler resumes the response
                    }
                });
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        }

        @Override
        public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
            response.getSuspendContext().setTimeout(timeOut, timeUnit);
        }

        @Override
        public void commit() {
            if (response.isSuspended()) {
                response.resume();
            }
        }

        @Override
        public void failure(Throwable error) {
            if (!response.isCommitted()) {
                try {
                    response.sendError(500, "Request failed.");
                } catch (IllegalStateException e) {
                    // committed meanwhile: nothing left to answer
                } catch (IOException e) {
                    throw new ContainerException("could not answer 500", e);
                }
            }
            if (error instanceof RuntimeException r) {
                throw r;
            }
            throw new ContainerException(error);
        }

        @Override
        public boolean enableResponseBuffering() {
            return true;
        }
    }
}
