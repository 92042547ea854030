package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sync client's calls run on the caller's thread: an interrupt of that thread aborts the
 * request, is reported as {@link CallInterruptedException}, and sets the thread's flag again.
 * (The async client's counterpart is cancelling the future: {@code AsyncClientTest}.)
 */
class SyncInterruptTest {
  private RawHttpServer server;

  @BeforeEach
  void start() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(401, "application/json",
        LoopbackServer.UNAUTHORIZED));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void interruptWhileWaitingForTheAnswer_abortsIt_restoresTheFlag_andSaysInterrupted()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer silent = new RawHttpServer(exchange -> release.await(20, TimeUnit.SECONDS));
        CodeArtsCheckClient client = LoopbackServer.clientFor(silent).build()) {
      CompletableFuture<Object[]> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        Throwable thrown = catchThrowable(() -> client.showPortalServiceTaskCron("t"));
        outcome.complete(new Object[] {thrown, Thread.currentThread().isInterrupted()});
      });
      caller.start();
      while (silent.requests() == 0) {
        Thread.sleep(10);
      }
      long start = System.nanoTime();
      caller.interrupt();
      Object[] result = outcome.get(5, TimeUnit.SECONDS);

      assertThat(result[0]).isInstanceOf(CallInterruptedException.class);
      assertThat(((Throwable) result[0]).getMessage()).contains("interrupted",
          "GET " + silent.url() + "/v1/tasks/t/taskcron");
      assertThat(result[1]).as("interrupt flag set again").isEqualTo(true);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      assertThat(silent.requests()).as("not retried").isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void interruptDuringTheWaitBeforeARetry_restoresTheFlag_andSaysInterrupted() throws Exception {
    try (RawHttpServer retryLater = new RawHttpServer(exchange -> exchange.respond(503,
        "application/json", "{}", "Retry-After: 3"));
        CodeArtsCheckClient client = LoopbackServer.clientFor(retryLater)
            .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(5)).build()) {
      CompletableFuture<Object[]> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        Throwable thrown = catchThrowable(() -> client.showPortalServiceTaskCron("t"));
        outcome.complete(new Object[] {thrown, Thread.currentThread().isInterrupted()});
      });
      caller.start();
      while (retryLater.requests() == 0) {
        Thread.sleep(10);
      }
      Thread.sleep(200);
      caller.interrupt();
      Object[] result = outcome.get(2, TimeUnit.SECONDS);

      assertThat(result[0]).isInstanceOf(CallInterruptedException.class);
      assertThat(((Throwable) result[0]).getMessage()).contains("interrupted while waiting to "
          + "retry");
      assertThat(((Throwable) result[0]).getSuppressed()[0])
          .isInstanceOf(ServerErrorException.class);
      assertThat(result[1]).isEqualTo(true);
      assertThat(retryLater.requests()).isEqualTo(1);
    }
  }

  @Test
  void interruptedThread_sendsNothing() throws Exception {
    try (CodeArtsCheckClient client = LoopbackServer.clientFor(server).build()) {
      Thread.currentThread().interrupt();
      Throwable thrown = catchThrowable(() -> client.stopTaskByIdV2("t"));
      boolean flag = Thread.interrupted(); // clears it for the next tests

      assertThat(thrown).isInstanceOf(CallInterruptedException.class);
      assertThat(flag).isTrue();
    }
    assertThat(server.requests()).isZero();
  }
}
