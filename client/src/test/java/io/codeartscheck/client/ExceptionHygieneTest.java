package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an exception carries: never the request or its credentials (no Feign exception, which
 * holds the request and its headers, is reachable as a cause), and an interrupt is reported as
 * one, with the thread's flag set again.
 */
class ExceptionHygieneTest {
  static final String TOKEN = "SECRET-TOKEN-hygiene-9Qx";
  static final String SECRET_KEY = "SECRET-KEY-hygiene-Zk2";

  private RawHttpServer server;
  private volatile String mode;

  @BeforeEach
  void start() throws Exception {
    server = new RawHttpServer(exchange -> {
      switch (mode) {
        case "401":
          exchange.respond(401, "application/json", LoopbackServer.UNAUTHORIZED);
          break;
        case "503":
          exchange.respond(503, "text/html", "<html>busy</html>");
          break;
        case "invalid":
          exchange.respond(200, "application/json", "{\"httpStatus\":");
          break;
        case "empty":
          exchange.respond(200, "application/json", "");
          break;
        case "truncated":
          exchange.write("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n{");
          exchange.close();
          break;
        case "redirect":
          exchange.respond(302, null, "", "Location: http://127.0.0.1:1/elsewhere");
          break;
        case "huge":
          exchange.write("HTTP/1.1 200 OK\r\nContent-Length: 99999999\r\n\r\n");
          exchange.close();
          break;
        default:
          exchange.close();
      }
    });
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static List<Throwable> reachable(Throwable root) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Throwable> todo = new ArrayList<>(List.of(root));
    while (!todo.isEmpty()) {
      Throwable t = todo.remove(todo.size() - 1);
      if (t != null && seen.add(t)) {
        todo.add(t.getCause());
        todo.addAll(List.of(t.getSuppressed()));
      }
    }
    return new ArrayList<>(seen);
  }

  private void assertCarriesNoCredentials(CodeArtsCheckClient client, String... secrets)
      throws Exception {
    List<Consumer<CodeArtsCheckClient>> calls = List.of(
        c -> c.showPortalServiceTaskCron("t", "op"),
        c -> c.refreshPortalServiceJobResult("job", "", "false"),
        c -> c.deleteTaskV3("t", null),
        c -> c.stopTaskByIdV2("t"));
    for (String failure : List.of("401", "503", "invalid", "empty", "truncated", "redirect",
        "huge", "drop")) {
      mode = failure;
      for (Consumer<CodeArtsCheckClient> call : calls) {
        Throwable thrown = catchThrowable(() -> call.accept(client));
        if (thrown == null) {
          continue; // e.g. stop accepts an empty body
        }
        assertThat(thrown).as(failure).isInstanceOf(CodeArtsCheckException.class);
        for (Throwable t : reachable(thrown)) {
          assertThat(t).as("%s: a cause of %s", failure, thrown)
              .isNotInstanceOf(feign.FeignException.class);
          for (String secret : secrets) {
            assertThat(String.valueOf(t)).as(failure).doesNotContain(secret);
          }
        }
      }
    }
  }

  @Test
  void tokenClient_noExceptionReachesTheRequestOrTheToken() throws Exception {
    try (CodeArtsCheckClient client = LoopbackServer.clientFor(server).authToken(TOKEN)
        .maxAttempts(2).retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10)).build()) {
      assertCarriesNoCredentials(client, TOKEN);
    }
  }

  @Test
  void akSkClient_noExceptionReachesTheRequestOrTheSignature() throws Exception {
    try (CodeArtsCheckClient client = CodeArtsCheckClient.builder().endpoint(server.url())
        .akSk("AKHYGIENE0001", SECRET_KEY).maxAttempts(2)
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10)).build()) {
      assertCarriesNoCredentials(client, SECRET_KEY, "Signature=", "AKHYGIENE0001");
    }
  }

  @Test
  void connectionRefused_carriesNoRequestEither() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (CodeArtsCheckClient client = LoopbackServer.clientFor("http://127.0.0.1:" + closedPort)
        .authToken(TOKEN).maxAttempts(1).build()) {
      ConnectionException e = catchThrowableOfType(() -> client.stopTaskByIdV2("t"),
          ConnectionException.class);
      assertThat(reachable(e)).noneMatch(t -> t instanceof feign.FeignException)
          .noneMatch(t -> String.valueOf(t).contains(TOKEN));
    }
  }

  @Test
  void interruptWhileWaitingForTheAnswer_abortsIt_restoresTheFlag_andSaysInterrupted()
      throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer silent = new RawHttpServer(exchange -> release.await(20, TimeUnit.SECONDS));
        CodeArtsCheckClient client = LoopbackServer.clientFor(silent).build()) {
      CompletableFuture<Object[]> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        Throwable thrown = catchThrowable(() -> client.showPortalServiceTaskCron("t", null));
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
    mode = "503";
    try (RawHttpServer retryLater = new RawHttpServer(exchange -> exchange.respond(503,
        "application/json", "{}", "Retry-After: 3"));
        CodeArtsCheckClient client = LoopbackServer.clientFor(retryLater)
            .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(5)).build()) {
      CompletableFuture<Object[]> outcome = new CompletableFuture<>();
      Thread caller = new Thread(() -> {
        Throwable thrown = catchThrowable(() -> client.showPortalServiceTaskCron("t", null));
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
    mode = "401";
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
