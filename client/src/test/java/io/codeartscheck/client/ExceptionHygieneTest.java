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
import org.junit.jupiter.params.Parameter;

/**
 * What an exception carries: never the request or its credentials (no Feign exception, which
 * holds the request and its headers, is reachable as a cause), for both clients.
 */
@BothClients
class ExceptionHygieneTest {
  @Parameter
  ClientKind kind;

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

  private void assertCarriesNoCredentials(ClientUnderTest client, String... secrets)
      throws Exception {
    List<Consumer<ClientUnderTest>> calls = List.of(
        c -> c.showPortalServiceTaskCron(r -> r.taskId("t").operator("op")),
        c -> c.refreshPortalServiceJobResult(r -> r.jobId("job").async(false)),
        c -> c.deleteTaskV3("t"),
        c -> c.stopTaskByIdV2("t"));
    for (String failure : List.of("401", "503", "invalid", "empty", "truncated", "redirect",
        "huge", "drop")) {
      mode = failure;
      for (Consumer<ClientUnderTest> call : calls) {
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
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .authToken(TOKEN).maxAttempts(2)
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10)))) {
      assertCarriesNoCredentials(client, TOKEN);
    }
  }

  @Test
  void akSkClient_noExceptionReachesTheRequestOrTheSignature() throws Exception {
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder().endpoint(server.url())
        .akSk("AKHYGIENE0001", SECRET_KEY).maxAttempts(2)
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(10)))) {
      assertCarriesNoCredentials(client, SECRET_KEY, "Signature=", "AKHYGIENE0001");
    }
  }

  @Test
  void connectionRefused_carriesNoRequestEither() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind,
        "http://127.0.0.1:" + closedPort).authToken(TOKEN).maxAttempts(1))) {
      ConnectionException e = catchThrowableOfType(() -> client.stopTaskByIdV2("t"),
          ConnectionException.class);
      assertThat(reachable(e)).noneMatch(t -> t instanceof feign.FeignException)
          .noneMatch(t -> String.valueOf(t).contains(TOKEN));
    }
  }
}
