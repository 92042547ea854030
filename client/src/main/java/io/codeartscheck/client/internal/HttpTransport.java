package io.codeartscheck.client.internal;

import feign.Request;
import feign.Response;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of one request on the wire: sends it, never follows a redirect, and returns the
 * response with its body read whole, at most {@link AttemptLimits#maxBodyBytes(int)} bytes.
 * Internal: not part of the client's API.
 *
 * <p>The returned future is the attempt: completing it exceptionally or cancelling it aborts the
 * exchange (the connection is closed if the body was still arriving), so a caller enforces a
 * deadline by failing the future when it passes, and a sync caller simply waits on it with a
 * timeout. A transport that blocks the calling thread (a Feign {@link feign.Client}) enforces
 * {@link AttemptLimits#deadlineNanos()} itself and returns a completed future.
 *
 * <p>The future fails with an {@link AttemptIOException} for a transport failure (saying whether
 * response headers had arrived), or with a {@link io.codeartscheck.client.CodeArtsCheckException}
 * when the response itself is unacceptable (too large, or in an encoding never asked for).
 */
interface HttpTransport extends AutoCloseable {

  /**
   * Starts one attempt.
   *
   * @param request the request as it goes on the wire, credentials included
   * @param limits the deadline, header timeout and body caps of this attempt
   * @return the response, body fully read
   */
  CompletableFuture<Response> send(Request request, AttemptLimits limits);

  /**
   * The most requests the server can see for one attempt of this method: 2 where the transport
   * itself re-sends a request whose connection dropped before any byte of the answer (the JDK
   * HttpClient does this for GET and HEAD), else 1.
   *
   * @param method the request method
   * @return 1 or 2
   */
  int maxRequestsPerAttempt(Request.HttpMethod method);

  /**
   * Names the transport for {@code toString()}.
   *
   * @return a short description
   */
  String description();

  /** Releases what the transport owns; a shared client is left open. */
  @Override
  void close();
}
