package io.codeartscheck.client.internal;

import feign.Request;
import feign.Response;
import java.util.concurrent.CompletableFuture;

/**
 * One attempt of one request on the wire: sends it, never follows a redirect, and returns the
 * response with its body read whole, at most {@link AttemptLimits#maxBodyBytes(int)} bytes.
 * Internal: not part of the client's API.
 *
 * <p>Two forms of the same attempt, both ending by the attempt's deadline. {@link #execute} is
 * the sync one: it runs on the caller's thread (for the JDK client, {@code HttpClient.send}, which
 * completes without the hop through the common pool that {@code sendAsync} makes). {@link #send}
 * is the non-blocking one, for the async client: the returned future is the attempt, and
 * completing it exceptionally or cancelling it aborts the exchange (the connection is closed if
 * the body was still arriving). Its completion may run on a thread of the transport (the JDK
 * client's selector thread): the caller hands it on to an executor of its own.
 *
 * <p>Both fail with an {@link AttemptIOException} for a transport failure (saying whether response
 * headers had arrived; a passed deadline is one whose cause is an
 * {@link java.net.http.HttpTimeoutException}), or with a
 * {@link io.codeartscheck.client.CodeArtsCheckException} when the response itself is unacceptable
 * (too large, or in an encoding never asked for).
 */
interface HttpTransport extends AutoCloseable {

  /**
   * Makes one attempt on the calling thread, ending by {@link AttemptLimits#deadlineNanos()}.
   *
   * @param request the request as it goes on the wire, credentials included
   * @param limits the deadline, header timeout and body caps of this attempt
   * @return the response, body fully read
   * @throws AttemptIOException when the exchange fails or the deadline passes
   * @throws InterruptedException when the calling thread is interrupted (the exchange is aborted)
   */
  Response execute(Request request, AttemptLimits limits)
      throws AttemptIOException, InterruptedException;

  /**
   * Starts one attempt without blocking; the returned future fails with an
   * {@link AttemptIOException} whose cause is an {@link java.net.http.HttpTimeoutException} when
   * the deadline passes.
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
