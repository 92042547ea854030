package io.codeartscheck.client.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cancellable timer on the JDK's own delay scheduler (the one behind
 * {@link CompletableFuture#orTimeout}), so the client starts no thread of its own for deadlines.
 * Internal: not part of the client's API.
 */
final class Deadlines {
  private Deadlines() {
  }

  /**
   * Runs {@code action} after the delay unless the returned handle is completed first.
   *
   * @param delayNanos the delay
   * @param action what to do when it passes; it must be short (it runs on the scheduler's thread)
   * @return the handle: {@code complete(null)} disarms the timer
   */
  static CompletableFuture<Void> after(long delayNanos, Runnable action) {
    CompletableFuture<Void> handle = new CompletableFuture<>();
    handle.orTimeout(Math.max(1L, delayNanos), TimeUnit.NANOSECONDS).whenComplete((v, t) -> {
      if (t instanceof TimeoutException) {
        action.run();
      }
    });
    return handle;
  }
}
