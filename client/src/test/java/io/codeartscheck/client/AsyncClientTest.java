package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeartscheck.client.model.TaskCronResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What only the async client does: calls that hold no thread while they wait, continuations off
 * the HTTP client's thread, and cancellation that reaches the wire. (Errors, retries, timeouts,
 * auth and redaction are the shared tests, run against both clients: see {@link BothClients}.)
 */
class AsyncClientTest {
  private static final int CALLS = 1000;

  private RawHttpServer server;
  private ExecutorService completions;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (completions != null) {
      completions.shutdownNow();
    }
  }

  private static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet();
  }

  @Test
  void thousandConcurrentCalls_areAllInFlightAtOnce_andCompleteOnAHandfulOfThreads()
      throws Exception {
    // The server answers nothing until all 1,000 requests have arrived: the calls can only
    // complete if all of them are in flight at once, none holding a thread while it waits.
    CountDownLatch allArrived = new CountDownLatch(CALLS);
    server = new RawHttpServer(exchange -> {
      allArrived.countDown();
      if (allArrived.await(60, TimeUnit.SECONDS)) {
        exchange.respond(200, "application/json", LoopbackServer.example("taskcron-200.json"));
      } else {
        exchange.close();
      }
    });
    Set<Thread> before = liveThreads();
    Set<String> completedOn = ConcurrentHashMap.newKeySet();
    List<CompletableFuture<String>> calls = new ArrayList<>();
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").maxAttempts(1).build()) {
      long start = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        calls.add(client.showPortalServiceTaskCron("task-" + i).thenApply(cron -> {
          completedOn.add(Thread.currentThread().getName());
          return cron.getResult().getTaskId();
        }));
      }
      Duration issuing = Duration.ofNanos(System.nanoTime() - start);

      assertThat(calls).as("no call completed before all %d reached the server", CALLS)
          .noneMatch(CompletableFuture::isDone);
      assertThat(allArrived.await(60, TimeUnit.SECONDS))
          .as("all %d requests in flight at once (%d arrived)", CALLS,
              CALLS - allArrived.getCount()).isTrue();
      Set<Thread> duringTheCalls = liveThreads();
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

      assertThat(calls).allMatch(call -> call.join().equals("fxxxx7ba3ae14a87a32b151bcbe20801"));
      List<String> clientThreads = duringTheCalls.stream().filter(t -> !before.contains(t))
          .map(Thread::getName).filter(name -> !name.startsWith("raw-http"))
          .sorted().collect(Collectors.toList());
      System.out.printf("%d concurrent async calls: issued in %d ms; threads the client started:"
          + " %s; completed on %s%n", CALLS, issuing.toMillis(), clientThreads, completedOn);
      assertThat(clientThreads).as("threads started for %d calls in flight", CALLS)
          .hasSizeLessThanOrEqualTo(4);
      assertThat(completedOn).as("threads the calls completed on")
          .hasSizeLessThanOrEqualTo(ForkJoinPool.getCommonPoolParallelism() + 2)
          .noneMatch(name -> name.startsWith("HttpClient"));
      assertThat(server.connections()).isEqualTo(CALLS);
    }
  }

  @Test
  void continuations_runOnTheCompletionExecutor_neverOnTheHttpClientsThread() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, "application/json",
        LoopbackServer.example("taskcron-200.json")));
    AtomicInteger threads = new AtomicInteger();
    completions = Executors.newFixedThreadPool(2,
        task -> new Thread(task, "test-completion-" + threads.incrementAndGet()));
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").completionExecutor(completions).build()) {
      List<CompletableFuture<String>> names = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        names.add(client.showPortalServiceTaskCron("t")
            .thenApply(cron -> Thread.currentThread().getName()));
      }
      for (CompletableFuture<String> name : names) {
        assertThat(name.get(10, TimeUnit.SECONDS)).startsWith("test-completion-");
      }
    }
  }

  @Test
  void cancellingTheFuture_whileTheAnswerArrives_closesTheConnection() throws Exception {
    AtomicLong cutAt = new AtomicLong();
    server = new RawHttpServer(exchange -> {
      exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 1000\r\n\r\n{");
      try {
        for (int i = 0; i < 100; i++) {
          Thread.sleep(100);
          exchange.write(" ");
        }
      } catch (IOException closedByTheClient) {
        cutAt.set(System.nanoTime());
        throw closedByTheClient;
      }
    });
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").build()) {
      CompletableFuture<TaskCronResponse> call = client.showPortalServiceTaskCron("t");
      while (server.requests() == 0) {
        Thread.sleep(10);
      }
      Thread.sleep(300);
      long cancelledAt = System.nanoTime();

      assertThat(call.cancel(true)).isTrue();

      assertThat(call).isCancelled();
      while (cutAt.get() == 0 && System.nanoTime() - cancelledAt < 5_000_000_000L) {
        Thread.sleep(20);
      }
      assertThat(cutAt.get()).as("the server saw the connection closed").isNotZero();
      assertThat(Duration.ofNanos(cutAt.get() - cancelledAt)).isLessThan(Duration.ofSeconds(2));
      assertThat(server.requests()).as("not retried").isEqualTo(1);
    }
  }

  @Test
  void cancellingTheFuture_duringTheWaitBeforeARetry_sendsNothingMore() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(503, "application/json",
        "{\"error_code\":\"CC.00000503\",\"error_msg\":\"busy\"}", "Retry-After: 1"));
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").maxAttempts(3)
        .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(5)).build()) {
      CompletableFuture<TaskCronResponse> call = client.showPortalServiceTaskCron("t");
      while (server.requests() == 0) {
        Thread.sleep(10);
      }
      Thread.sleep(200);

      call.cancel(true);
      Thread.sleep(1500);

      assertThat(call).isCancelled();
      assertThat(server.requests()).as("the retry after 1 s was not sent").isEqualTo(1);
    }
  }

  @Test
  void withoutCancelling_theSameCallIsRetriedAfterRetryAfter() throws Exception {
    // the control of the test above: the retry it cancels does happen
    server = new RawHttpServer(exchange -> {
      if (exchange.index == 0) {
        exchange.respond(503, "application/json",
            "{\"error_code\":\"CC.00000503\",\"error_msg\":\"busy\"}", "Retry-After: 1");
      } else {
        exchange.respond(200, "application/json", LoopbackServer.example("taskcron-200.json"));
      }
    });
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").maxAttempts(3)
        .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(5)).build()) {
      assertThat(client.showPortalServiceTaskCron("t").get(10, TimeUnit.SECONDS).getHttpStatus())
          .isEqualTo("OK");
      assertThat(server.requests()).isEqualTo(2);
    }
  }

  @Test
  void aFailedCall_failsTheFutureWithTheClientsException_notAWrapper() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(400, "application/json",
        LoopbackServer.BAD_REQUEST));
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").build()) {
      Throwable failure = client.deleteTaskV3("t").handle((ok, e) -> e).get(10, TimeUnit.SECONDS);

      assertThat(failure).isInstanceOf(ClientErrorException.class);
      assertThat(((ClientErrorException) failure).getErrorCode()).isEqualTo("CC.xxxxxxxx.400");
      Throwable invalid = client.stopTaskByIdV2("x".repeat(33)).handle((ok, e) -> e)
          .get(10, TimeUnit.SECONDS);
      assertThat(invalid).isInstanceOf(InvalidArgumentException.class);
    }
  }

  @Test
  void aConsumerThatThrows_failsTheFuture_andNothingIsSent() throws Exception {
    AtomicInteger received = new AtomicInteger();
    server = new RawHttpServer(exchange -> {
      received.incrementAndGet();
      exchange.respond(200, "application/json", "null");
    });
    IllegalStateException thrown = new IllegalStateException("no id at hand");
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").build()) {
      List<CompletableFuture<?>> calls = List.of(
          client.showCodeHealthSvg(r -> { throw thrown; }),
          client.refreshPortalServiceJobResult(r -> { throw thrown; }),
          client.showPortalServiceTaskCron(r -> { throw thrown; }),
          client.stopTaskByIdV2(r -> { throw thrown; }),
          client.deleteTaskV3(r -> { throw thrown; }),
          client.withRawResponse().showCodeHealthSvg(r -> { throw thrown; }),
          client.withRawResponse().refreshPortalServiceJobResult(r -> { throw thrown; }),
          client.withRawResponse().showPortalServiceTaskCron(r -> { throw thrown; }),
          client.withRawResponse().stopTaskByIdV2(r -> { throw thrown; }),
          client.withRawResponse().deleteTaskV3(r -> { throw thrown; }));

      for (CompletableFuture<?> call : calls) {
        assertThat(call.handle((ok, e) -> e).get(5, TimeUnit.SECONDS)).isSameAs(thrown);
      }
      assertThat(received).hasValue(0);
    }
  }

  @Test
  void cancelledCall_reportsCancellation_notAClientException() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server = new RawHttpServer(exchange -> release.await(20, TimeUnit.SECONDS));
    try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
        .endpoint(server.url()).authToken("t").build()) {
      CompletableFuture<Void> call = client.stopTaskByIdV2("t");
      call.cancel(true);

      assertThat(call.handle((ok, e) -> e).get(5, TimeUnit.SECONDS))
          .isInstanceOf(CancellationException.class);
    } finally {
      release.countDown();
    }
  }
}
