package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 2xx answer that is cut short, not JSON, or empty where the spec promises an object: a cut body
 * is a lost connection (retried where repeating is safe); anything else keeps the status, the
 * request id and the operation's name, and never comes back as a silent {@code null}.
 */
@BothClients
class BrokenAnswerTest {
  @Parameter
  ClientKind kind;

  private RawHttpServer server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** 500 bytes announced, 20 sent, connection closed. */
  private static void truncate(RawHttpServer.Exchange exchange) throws Exception {
    exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: cut-1\r\n"
        + "Content-Length: 500\r\n\r\n{\"httpStatus\":\"OK\",");
    exchange.close();
  }

  @Test
  void truncatedBody_onTaskCron_isAConnectionFailure_retriedThenAnswered() throws Exception {
    server = new RawHttpServer(exchange -> {
      if (exchange.index == 0) {
        truncate(exchange);
      } else {
        exchange.respond(200, "application/json", LoopbackServer.example("taskcron-200.json"));
      }
    });
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      assertThat(client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801")
          .getResult().getTaskId()).isEqualTo("fxxxx7ba3ae14a87a32b151bcbe20801");
    }
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void truncatedBody_onStop_isAConnectionException_andNotRetried() throws Exception {
    server = new RawHttpServer(BrokenAnswerTest::truncate);
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      ConnectionException e = catchThrowableOfType(
          () -> client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx"), ConnectionException.class);

      assertThat(e).isNotNull();
      assertThat(e.getMessage()).contains("while reading the response body",
          "POST " + server.url() + "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop");
    }
    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void invalidJson_keepsStatusAndRequestId_andNamesTheOperation() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, "application/json",
        "{\"httpStatus\":", "X-Request-Id: req-7f3a"));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      CodeArtsCheckException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), CodeArtsCheckException.class);

      assertThat(e.getHttpStatusCode()).isEqualTo(200);
      assertThat(e.getRequestId()).isEqualTo("req-7f3a");
      assertThat(e.getMessage()).contains("showPortalServiceTaskCron",
          "not a valid TaskCronResponse", "req-7f3a");
    }
    assertThat(server.requests()).as("an undecodable answer is not retried").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "null", "  \n"})
  void emptyOrNullBody_forTaskCronRefreshAndDelete_isAnError_notANullResult(String body)
      throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, "application/json", body,
        "X-Request-Id: req-empty"));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      AtomicReference<Object> returned = new AtomicReference<>();
      for (Consumer<ClientUnderTest> call : java.util.List.<Consumer<ClientUnderTest>>of(
          c -> returned.set(c.showPortalServiceTaskCron("t")),
          c -> returned.set(c.refreshPortalServiceJobResult(r -> r.jobId("job").async(false))),
          c -> returned.set(c.deleteTaskV3("t")))) {
        CodeArtsCheckException e = catchThrowableOfType(() -> call.accept(client),
            CodeArtsCheckException.class);

        assertThat(e).as("returned %s", returned.get()).isNotNull();
        assertThat(e.getHttpStatusCode()).isEqualTo(200);
        assertThat(e.getRequestId()).isEqualTo("req-empty");
        assertThat(e.getMessage()).contains("the response has no");
      }
    }
  }

  @Test
  void emptyBody_forStop_isStillFine() throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, null, ""));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");
    }
    assertThat(server.requests()).isEqualTo(1);
  }
}
