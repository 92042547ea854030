package io.codeartscheck.client.internal;

import io.codeartscheck.client.CodeArtsCheckException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, never more than a cap: a 2xx body over the cap is an error
 * that says so (nothing more is read and the connection is closed); of an error answer only the
 * first bytes an error message needs are kept. Internal: not part of the client's API.
 */
final class BoundedBody {
  private static final int INITIAL_CAPACITY = 8 * 1024;

  private BoundedBody() {
  }

  /** The error for a 2xx body larger than the cap. */
  static CodeArtsCheckException tooLarge(int status, String requestId, long declared, int cap) {
    return new CodeArtsCheckException(status, null, "the response body "
        + (declared >= 0 ? "declares " + declared + " bytes" : "has more than " + cap + " bytes")
        + ", over the limit of " + cap + " bytes (maxResponseBodySize); it was not read",
        requestId, null);
  }

  /** The error for a 2xx body in an encoding the client never asked for. */
  static CodeArtsCheckException unrequestedEncoding(int status, String requestId,
      String encoding) {
    return new CodeArtsCheckException(status, null, "the response body is encoded with '"
        + encoding + "', which the client did not ask for (it sends no Accept-Encoding); it was "
        + "not read", requestId, null);
  }

  /**
   * The content coding of a response, or null when there is none ({@code identity} counts as
   * none).
   */
  static String contentEncoding(String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim().toLowerCase(Locale.ROOT);
    return value.isEmpty() || value.equals("identity") ? null : value;
  }

  /**
   * Reads a stream up to the cap of its status, then closes it.
   *
   * @param in the body
   * @param status the response status
   * @param requestId the request id, for the error
   * @param cap the most bytes to read
   * @return the body, or its first {@code cap} bytes for an error answer
   * @throws CodeArtsCheckException when a 2xx body is over the cap
   * @throws IOException when reading fails
   */
  static byte[] read(InputStream in, int status, String requestId, int cap) throws IOException {
    if (in == null) {
      return new byte[0];
    }
    try (in) {
      byte[] buffer = new byte[Math.min(INITIAL_CAPACITY, cap + 1)];
      int size = 0;
      while (true) {
        if (size == buffer.length) {
          if (size > cap) {
            break;
          }
          buffer = Arrays.copyOf(buffer, (int) Math.min((long) cap + 1, 2L * buffer.length));
        }
        int n = in.read(buffer, size, buffer.length - size);
        if (n < 0) {
          return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
        }
        size += n;
      }
      if (AttemptLimits.isCutSilently(status)) {
        return Arrays.copyOf(buffer, cap);
      }
      throw tooLarge(status, requestId, -1, cap);
    }
  }

  /**
   * A JDK body subscriber that buffers at most {@code cap} bytes. Over the cap it cancels the
   * subscription (the JDK then closes the connection) and either fails (2xx) or completes with
   * what it kept (an error answer).
   */
  static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final int cap;
    private final boolean failOverCap;
    private final int status;
    private final String requestId;
    private volatile Flow.Subscription subscription;
    private byte[] buffer;
    private int size;

    Subscriber(int status, String requestId, int cap, long contentLength) {
      this.status = status;
      this.requestId = requestId;
      this.cap = cap;
      this.failOverCap = !AttemptLimits.isCutSilently(status);
      this.buffer = new byte[(int) Math.min(cap + 1L,
          contentLength >= 0 ? contentLength : INITIAL_CAPACITY)];
    }

    /** A subscriber that fails at once with {@code failure} and reads nothing. */
    static Subscriber failing(CodeArtsCheckException failure) {
      Subscriber subscriber = new Subscriber(failure.getHttpStatusCode(), null, 0, 0);
      subscriber.body.completeExceptionally(failure);
      return subscriber;
    }

    /** A subscriber that reads nothing and completes with an empty body. */
    static Subscriber empty(int status) {
      Subscriber subscriber = new Subscriber(status, null, 0, 0);
      subscriber.body.complete(new byte[0]);
      return subscriber;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (body.isDone()) {
        subscription.cancel();
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        int n = item.remaining();
        if ((long) size + n > cap) {
          abort();
          if (failOverCap) {
            body.completeExceptionally(tooLarge(status, requestId, -1, cap));
          } else {
            item.get(ensureCapacity(cap), size, cap - size);
            body.complete(Arrays.copyOf(buffer, cap));
          }
          return;
        }
        item.get(ensureCapacity(size + n), size, n);
        size += n;
      }
    }

    private byte[] ensureCapacity(int needed) {
      if (needed > buffer.length) {
        buffer = Arrays.copyOf(buffer, (int) Math.min(cap + 1L,
            Math.max(needed, 2L * buffer.length)));
      }
      return buffer;
    }

    @Override
    public void onError(Throwable throwable) {
      body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      body.complete(size == buffer.length ? buffer : Arrays.copyOf(buffer, size));
    }

    /** Stops reading: the JDK closes the connection of a body not read to its end. */
    void abort() {
      Flow.Subscription current = subscription;
      if (current != null) {
        current.cancel();
      }
    }

    /** Stops reading and fails the body with {@code cause}, unless it is complete already. */
    void abort(Throwable cause) {
      abort();
      body.completeExceptionally(cause);
    }
  }
}
