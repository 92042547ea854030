package io.codeartscheck.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import io.codeartscheck.client.CodeArtsCheckException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Collection;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The transport on a user's Feign {@link Client} (OkHttp, Apache, {@code Client.Default}, a
 * wrapper). Such a client blocks its thread, and some cannot be unblocked once a body trickles
 * (closing a half-read {@code HttpURLConnection} stream can leave the read waiting), so each
 * attempt runs on a worker thread of this transport and the caller waits for it: at the deadline
 * the caller is released, the response is closed and the worker interrupted.
 * The client is given {@code followRedirects = false} and the read timeout in its
 * {@link Request.Options}; its own retries, redirects and decompression are its own. Internal: not
 * part of the client's API.
 */
final class FeignClientTransport implements HttpTransport {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final Client client;
  private final ExecutorService workers;

  FeignClientTransport(Client client) {
    this.client = client;
    int pool = POOLS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30,
        TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
          Thread thread = new Thread(task,
              "codearts-check-client-" + pool + "-worker-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public Response execute(Request request, AttemptLimits limits)
      throws AttemptIOException, InterruptedException {
    CompletableFuture<Response> pending = send(request, limits);
    try {
      return pending.get(Math.max(0L, limits.deadlineNanos() - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.completeExceptionally(e); // closes the response, interrupts the worker
      throw new AttemptIOException(new HttpTimeoutException("the attempt deadline passed"),
          false, 1);
    } catch (InterruptedException e) {
      pending.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CodeArtsCheckException) {
        throw (CodeArtsCheckException) cause;
      }
      if (cause instanceof AttemptIOException) {
        throw (AttemptIOException) cause;
      }
      throw new AttemptIOException(cause, false, 1);
    }
  }

  @Override
  public CompletableFuture<Response> send(Request request, AttemptLimits limits) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    AtomicReference<Response> open = new AtomicReference<>();
    Future<?> task;
    try {
      task = workers.submit(() -> run(request, limits, result, open));
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new AttemptIOException(
          new IOException("the client is closed"), false, 0));
    }
    // The attempt ends by its deadline even when the client cannot be unblocked.
    CompletableFuture<Void> deadline = Deadlines.after(limits.deadlineNanos() - System.nanoTime(),
        () -> result.completeExceptionally(new AttemptIOException(
            new HttpTimeoutException("the attempt deadline passed"), false, 1)));
    result.whenComplete((response, failure) -> {
      deadline.complete(null);
      if (failure != null) {
        // Deadline, cancel or interrupt: release what the worker holds.
        Response held = open.getAndSet(null);
        if (held != null) {
          held.close();
        }
        task.cancel(true);
      }
    });
    return result;
  }

  private void run(Request request, AttemptLimits limits, CompletableFuture<Response> result,
      AtomicReference<Response> open) {
    long remainingMillis = Math.max(1L,
        TimeUnit.NANOSECONDS.toMillis(limits.deadlineNanos() - System.nanoTime()));
    Request.Options options = new Request.Options(
        clampMillis(limits.connectTimeout().toMillis()), TimeUnit.MILLISECONDS,
        clampMillis(Math.min(limits.headerTimeout().toMillis(), remainingMillis)),
        TimeUnit.MILLISECONDS, false);
    Response response;
    try {
      response = client.execute(request, options);
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(new AttemptIOException(e, false, neverSent(e) ? 0 : 1));
      return;
    }
    open.set(response);
    if (result.isDone()) {
      response.close();
      return;
    }
    int status = response.status();
    String requestId = header(response.headers(), "X-Request-Id");
    try {
      byte[] body;
      if (response.body() == null) {
        body = new byte[0];
      } else {
        Integer length = response.body().length();
        int cap = limits.maxBodyBytes(status);
        if (length != null && length > cap && !AttemptLimits.isCutSilently(status)) {
          throw BoundedBody.tooLarge(status, requestId, length, cap);
        }
        InputStream in = response.body().asInputStream();
        body = BoundedBody.read(in, status, requestId, cap);
      }
      result.complete(response.toBuilder().body(body).request(request).build());
    } catch (CodeArtsCheckException e) {
      result.completeExceptionally(e);
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(new AttemptIOException(e, true, 1));
    } finally {
      open.set(null);
      response.close();
    }
  }

  private static int clampMillis(long millis) {
    return (int) Math.max(1L, Math.min(Integer.MAX_VALUE, millis));
  }

  private static boolean neverSent(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException
          || t instanceof NoRouteToHostException
          || t instanceof java.net.http.HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String header(java.util.Map<String, Collection<String>> headers, String name) {
    return ResponseDecoder.header(headers, name);
  }

  @Override
  public int maxRequestsPerAttempt(Request.HttpMethod method) {
    return 1;
  }

  @Override
  public String description() {
    return client.getClass().getName();
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
