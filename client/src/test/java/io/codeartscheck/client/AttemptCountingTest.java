package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code maxAttempts} is the most requests the server sees for one call, counted by the server.
 * The JDK HttpClient re-sends a GET once by itself when the connection drops before any byte of
 * the answer; the client counts that as two, so the only case where the server sees more than
 * {@code maxAttempts} is a GET with {@code maxAttempts(1)}: two.
 */
@BothClients
class AttemptCountingTest {
  @Parameter
  ClientKind kind;

  private RawHttpServer dropping;
  private RawHttpServer busy;

  @BeforeEach
  void start() throws Exception {
    // reads the request, then closes the connection without a byte of answer
    dropping = new RawHttpServer(RawHttpServer.Exchange::close);
    busy = new RawHttpServer(exchange -> exchange.respond(503, "application/json",
        "{\"error_code\":\"CC.00000503\",\"error_msg\":\"busy\"}"));
  }

  @AfterEach
  void stop() throws Exception {
    dropping.close();
    busy.close();
  }

  private ClientUnderTest client(RawHttpServer server, int maxAttempts) {
    return ClientUnderTest.of(LoopbackServer.clientFor(kind, server).maxAttempts(maxAttempts)
        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20)));
  }

  @ParameterizedTest(name = "maxAttempts({0}): the server sees at most {1} GETs")
  @CsvSource({"1, 2", "2, 2", "3, 3", "4, 4", "5, 5"})
  void droppedGet_isNeverSentMoreThanMaxAttemptsTimes_exceptTheOneUnavoidableSecond(
      int maxAttempts, int most) {
    try (ClientUnderTest client = client(dropping, maxAttempts)) {
      catchThrowableOfType(() -> client.showPortalServiceTaskCron("t"),
          ConnectionException.class);
    }
    assertThat(dropping.requests()).isBetween(1, most);
  }

  @ParameterizedTest(name = "maxAttempts({0}): the server sees exactly {0} PUTs")
  @CsvSource({"1", "3", "5"})
  void droppedRefresh_isSentExactlyMaxAttemptsTimes(int maxAttempts) {
    try (ClientUnderTest client = client(dropping, maxAttempts)) {
      catchThrowableOfType(() -> client.refreshPortalServiceJobResult(r -> r.jobId("job").async(false)),
          ConnectionException.class);
    }
    assertThat(dropping.requests()).isEqualTo(maxAttempts);
  }

  @ParameterizedTest(name = "maxAttempts({0}): {1} GETs answered 503")
  @CsvSource({"1, 1", "2, 1", "3, 2", "4, 3"})
  void answeredGet_leavesRoomForADoubledAttempt(int maxAttempts, int expected) {
    try (ClientUnderTest client = client(busy, maxAttempts)) {
      ServerErrorException e = catchThrowableOfType(
          () -> client.showCodeHealthSvg("aexxxx86"), ServerErrorException.class);
      assertThat(e.getHttpStatusCode()).isEqualTo(503);
    }
    assertThat(busy.requests()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "maxAttempts({0})")
  @CsvSource({"1", "3"})
  void droppedStopAndDelete_areSentOnce(int maxAttempts) {
    try (ClientUnderTest client = client(dropping, maxAttempts)) {
      catchThrowableOfType(() -> client.stopTaskByIdV2("t"), ConnectionException.class);
      catchThrowableOfType(() -> client.deleteTaskV3("t"), ConnectionException.class);
    }
    assertThat(dropping.requests()).isEqualTo(2);
  }
}
