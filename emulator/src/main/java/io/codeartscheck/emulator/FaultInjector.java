package io.codeartscheck.emulator;

import io.codeartscheck.server.ErrorCode;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the queued {@link Fault}s, after the token check (a fault stands for the service behind
 * the gateway failing): waits, then answers the fault's error, or closes the connection through the
 * engine's hook (request property {@value #DROP_CONNECTION}, a {@link Runnable}).
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
final class FaultInjector implements ContainerRequestFilter {
    /** The request property under which an engine offers a {@link Runnable} that closes the connection. */
    static final String DROP_CONNECTION = "io.codeartscheck.emulator.dropConnection";
    /**
     * The request property an engine sets when the request runs on a thread that must not wait
     * (one that reads connections): a delay fault is then left in its queue for a later call.
     */
    static final String NO_WAITING = "io.codeartscheck.emulator.noWaiting";
    /**
     * The request property set on a call whose delay outlived a reset: it belongs to a test that has
     * ended, so it is neither served nor journaled, and its connection is dropped.
     */
    static final String STALE = "io.codeartscheck.emulator.stale";
    private static final Logger LOG = Logger.getLogger(FaultInjector.class.getName());

    private final Faults faults;

    FaultInjector(Faults faults) {
        this.faults = faults;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Fault fault = faults.next((Operation) request.getProperty(RequestRecorder.OPERATION),
                request.getProperty(NO_WAITING) == null);
        if (fault == null) {
            return;
        }
        if (!fault.delay().isZero()) {
            long generation = faults.generation();
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (faults.generation() != generation) {
                request.setProperty(STALE, Boolean.TRUE);
                request.setProperty(RequestRecorder.DROPPED, Boolean.TRUE);
                request.abortWith(error(503, ErrorCode.HTTP_ERROR.code() + ".503",
                        "The emulator was reset while this call waited on a delay fault."));
                return;
            }
        }
        if (fault.dropsConnection()) {
            if (request.getProperty(DROP_CONNECTION) instanceof Runnable) {
                // RequestRecorder closes the connection once the request is journaled and logged;
                // this answer is never sent.
                request.setProperty(RequestRecorder.DROPPED, Boolean.TRUE);
                request.abortWith(error(503, ErrorCode.HTTP_ERROR.code() + ".503", "Dropped by a fault."));
            } else {
                LOG.log(Level.WARNING, "This host cannot drop connections (only Emulator can): answering 503");
                request.abortWith(error(503, ErrorCode.HTTP_ERROR.code() + ".503",
                        "Fault injected: the connection would have been dropped."));
            }
        } else if (fault.status() != 0) {
            request.abortWith(error(fault.status(), fault.errorCode(), fault.errorMsg()));
        }
    }

    static Response error(int status, String code, String msg) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.error(code, msg)).build();
    }
}
