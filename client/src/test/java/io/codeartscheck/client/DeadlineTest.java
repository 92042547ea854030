package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attempt timeout covers response headers and body; the call timeout covers every attempt and
 * every wait between them. A server that trickles its answer or never finishes it cannot hold the
 * caller longer. (The deadlines here are 1-2 s; the trickle would take 12 s.)
 */
@BothClients
class DeadlineTest {
  @Parameter
  ClientKind kind;

  /** 61 bytes, announced at once, then sent one every 200 ms. */
  private static final String TRICKLED = "{\"httpStatus\":\"OK\",\"status\":\"success\",\"result\":"
      + "{\"x\":\"0123\"}}";

  private RawHttpServer server;
  /** When the trickling server found its connection closed by the client. */
  private static final java.util.concurrent.atomic.AtomicLong CUT_AT =
      new java.util.concurrent.atomic.AtomicLong();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static void trickle(RawHttpServer.Exchange exchange) throws Exception {
    exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + TRICKLED.length() + "\r\n\r\n");
    try {
      for (char c : TRICKLED.toCharArray()) {
        exchange.write(String.valueOf(c));
        Thread.sleep(200);
      }
    } catch (java.io.IOException closedByTheClient) {
      CUT_AT.set(System.nanoTime());
      throw closedByTheClient;
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  @Test
  void tricklingBody_isCutAtTheAttemptTimeout_notTheReadTimeout() throws Exception {
    server = new RawHttpServer(DeadlineTest::trickle);
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .readTimeout(Duration.ofSeconds(30)).attemptTimeout(Duration.ofMillis(1500))
        .maxAttempts(1))) {
      long start = System.nanoTime();

      RequestTimeoutException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), RequestTimeoutException.class);

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("attempt timed out", "attempt timeout (1.5 s",
          "GET " + server.url() + "/v1/tasks/t/taskcron");
      assertThat(since(start)).isBetween(Duration.ofMillis(1400), Duration.ofMillis(4000));
      long returned = System.nanoTime();
      while (CUT_AT.get() - start <= 0 && since(returned).compareTo(Duration.ofSeconds(3)) < 0) {
        Thread.sleep(20);
      }
      assertThat(CUT_AT.get() - start).as("the client closed the connection").isPositive();
      assertThat(Duration.ofNanos(CUT_AT.get() - returned)).as("closed soon after the deadline")
          .isLessThan(Duration.ofMillis(1500));
    }
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void tricklingBody_onRefresh_isRetriedUntilTheCallTimeout() throws Exception {
    server = new RawHttpServer(DeadlineTest::trickle);
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .attemptTimeout(Duration.ofMillis(700)).callTimeout(Duration.ofMillis(2000))
        .maxAttempts(10).retryBackoff(Duration.ofMillis(10), Duration.ofMillis(20)))) {
      long start = System.nanoTime();

      RequestTimeoutException e = catchThrowableOfType(
          () -> client.refreshPortalServiceJobResult(r -> r.jobId("job").async(false)),
          RequestTimeoutException.class);

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("call timed out", "call timeout (2 s)");
      assertThat(since(start)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(4500));
    }
    assertThat(server.requests()).isBetween(2, 4);
  }

  @Test
  void serverThatNeverAnswers_isCutAtTheCallTimeout_whateverTheReadTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server = new RawHttpServer(exchange -> release.await(20, TimeUnit.SECONDS));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .readTimeout(Duration.ofMinutes(5)).callTimeout(Duration.ofMillis(1200)))) {
      long start = System.nanoTime();

      RequestTimeoutException e = catchThrowableOfType(
          () -> client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx"),
          RequestTimeoutException.class);

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("call timed out", "POST");
      assertThat(since(start)).isBetween(Duration.ofMillis(1100), Duration.ofMillis(4000));
    } finally {
      release.countDown();
    }
  }

  @Test
  void retryAfterThatWouldPassTheCallTimeout_isNotWaitedFor() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(503, "application/json",
        "{\"error_code\":\"CC.00000503\",\"error_msg\":\"busy\"}", "Retry-After: 2"));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(5))
        .callTimeout(Duration.ofSeconds(1)))) {
      long start = System.nanoTime();

      ServerErrorException e = catchThrowableOfType(
          () -> client.refreshPortalServiceJobResult(r -> r.jobId("job")), ServerErrorException.class);

      assertThat(e.getHttpStatusCode()).isEqualTo(503);
      assertThat(since(start)).isLessThan(Duration.ofMillis(900));
    }
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void close_whileABodyTrickles_returnsPromptly() throws Exception {
    server = new RawHttpServer(DeadlineTest::trickle);
    ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .attemptTimeout(Duration.ofSeconds(3)).maxAttempts(1));
    CompletableFuture<Throwable> call = CompletableFuture.supplyAsync(() -> {
      try {
        client.showPortalServiceTaskCron("t");
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    while (server.requests() == 0) {
      Thread.sleep(10);
    }
    Thread.sleep(300);
    long start = System.nanoTime();

    client.close();

    assertThat(since(start)).isLessThan(Duration.ofMillis(1000));
    // Java 21+: the exchange is aborted at once; Java 17: it ends at the attempt timeout.
    assertThat(call.get(10, TimeUnit.SECONDS)).isInstanceOf(CodeArtsCheckException.class);
  }
}
