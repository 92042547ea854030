package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timeouts, dropped connections, throttling and Retry-After over a real loopback server. */
@BothClients
class RetryAndTimeoutTest extends LoopbackClientTest {

  private static int requestCount() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  /** First answer {@code first}, then the docs' delete example. */
  private static void failOnceThenSucceed(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first) {
    failOnceThenAnswer(first, "delete-200.json");
  }

  /** First answer {@code first}, then the docs' example {@code example}. */
  private static void failOnceThenAnswer(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder first, String example) {
    server.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(first).willSetStateTo("recovered"));
    server.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(LoopbackServer.example(example))));
  }

  @Test
  void slowServer_readTimeout_throwsRequestTimeoutException() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(2_000).withStatus(200)
        .withBody("null")));
    try (ClientUnderTest client = ClientUnderTest.of(builder()
        .readTimeout(Duration.ofMillis(300)).maxAttempts(1))) {
      long start = System.nanoTime();

      RequestTimeoutException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("task"), RequestTimeoutException.class);

      assertThat(e.getMessage()).contains("read timed out", "/v1/tasks/task/taskcron");
      assertThat(e.getHttpStatusCode()).isZero();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
    }
  }

  @Test
  void droppedConnection_onRefresh_isRetriedThenSucceeds() {
    failOnceThenAnswer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), "refresh-200.json");
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThat(client.refreshPortalServiceJobResult(r -> r
          .jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false)).getHttpStatus())
          .isEqualTo("OK");
    }
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void droppedConnection_onDelete_isNotRetried() {
    // The server received the delete; a second one would answer 400 "task does not exist".
    failOnceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThatExceptionOfType(ConnectionException.class)
          .isThrownBy(() -> client.deleteTaskV3("897acf5exxx48a5013cd"))
          .withMessageContaining("DELETE").withMessageContaining("/v3/task/897acf5exxx48a5013cd");
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void emptyResponse_onDelete_isNotRetried() {
    failOnceThenSucceed(aResponse().withFault(Fault.EMPTY_RESPONSE));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThatExceptionOfType(ConnectionException.class)
          .isThrownBy(() -> client.deleteTaskV3("897acf5exxx48a5013cd"));
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void serviceUnavailable_onDelete_isNotRetried() {
    failOnceThenSucceed(aResponse().withStatus(503));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThatExceptionOfType(ServerErrorException.class)
          .isThrownBy(() -> client.deleteTaskV3("897acf5exxx48a5013cd"))
          .satisfies(e -> assertThat(e.getHttpStatusCode()).isEqualTo(503));
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnection_onDelete_isRetriedWhenTheUserOptsIn() {
    failOnceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (ClientUnderTest client = ClientUnderTest.of(builder().retryNonIdempotent(true))) {
      assertThat(client.deleteTaskV3("897acf5exxx48a5013cd").getResult()).isTrue();
    }
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void connectionRefused_onDelete_isRetriedBecauseNothingWasSent() throws IOException {
    assertRefusedCallIsTriedThreeTimes(client -> client.deleteTaskV3("task"));
  }

  @Test
  void emptyResponse_onBadge_isRetriedThenSucceeds() {
    server.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)).willSetStateTo("recovered"));
    server.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs("recovered")
        .willReturn(aResponse().withHeader("Content-Type", "image/svg+xml").withBody("<svg/>")));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThat(client.showCodeHealthSvg("aexxxx86")).isEqualTo("<svg/>");
    }
    assertThat(requestCount()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void droppedConnection_onStop_isNotRetried() {
    failOnceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      ConnectionException e = catchThrowableOfType(
          () -> client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx"), ConnectionException.class);
      assertThat(e.getMessage()).contains("POST", "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop");
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void droppedConnection_onStop_isRetriedWhenTheUserOptsIn() {
    failOnceThenSucceed(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    try (ClientUnderTest client = ClientUnderTest.of(builder().retryNonIdempotent(true))) {
      client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");
    }
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void serviceUnavailable_onStop_isNotRetried() {
    failOnceThenSucceed(aResponse().withStatus(503));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      ServerErrorException e = catchThrowableOfType(
          () -> client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx"), ServerErrorException.class);
      assertThat(e.getHttpStatusCode()).isEqualTo(503);
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void connectionRefused_onStop_isRetriedBecauseNothingWasSent() throws IOException {
    assertRefusedCallIsTriedThreeTimes(client -> client.stopTaskByIdV2("task"));
  }

  private void assertRefusedCallIsTriedThreeTimes(
      java.util.function.Consumer<ClientUnderTest> call) throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder()
        .endpoint("http://127.0.0.1:" + closedPort).authToken("t").maxAttempts(3)
        .retryBackoff(Duration.ofMillis(200), Duration.ofMillis(200)))) {
      long start = System.nanoTime();

      ConnectionException e = catchThrowableOfType(() -> call.accept(client),
          ConnectionException.class);

      assertThat(e.getCause()).isInstanceOf(java.net.ConnectException.class);
      // two backoffs of 100 to 200 ms each: the refused request was tried three times
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void serviceUnavailableWithRetryAfter_waitsThatLongThenSucceeds() {
    failOnceThenSucceed(aResponse().withStatus(503).withHeader("Retry-After", "1")
        .withHeader("Content-Type", "text/html").withBody("<html>busy</html>"));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      long start = System.nanoTime();

      assertThat(client.showCodeHealthSvg("aexxxx86")).isNotEmpty();

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterLongerThanMaxBackoff_isNotWaitedFor() {
    failOnceThenSucceed(aResponse().withStatus(503).withHeader("Retry-After", "120"));
    try (ClientUnderTest client = ClientUnderTest.of(builder()
        .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(2)))) {
      ServerErrorException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), ServerErrorException.class);
      assertThat(e.getHttpStatusCode()).isEqualTo(503);
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"9300000000000000", "9223372036854775807", "99999999999999999999999",
      "999999"})
  void retryAfterTooLongForAnyClock_givesUpAtOnce_neverRetriesAtOnce(String retryAfter) {
    failOnceThenSucceed(aResponse().withStatus(503).withHeader("Retry-After", retryAfter));
    try (ClientUnderTest client = ClientUnderTest.of(builder()
        .retryBackoff(Duration.ofMillis(10), Duration.ofSeconds(2)))) {
      long start = System.nanoTime();

      ServerErrorException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), ServerErrorException.class);

      assertThat(e).as("Retry-After %s was taken as 'retry now'", retryAfter).isNotNull();
      assertThat(e.getHttpStatusCode()).isEqualTo(503);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }
    assertThat(requestCount()).isEqualTo(1);
  }

  @Test
  void throttled429_onGet_isRetriedThenSucceeds() {
    server.stubFor(any(anyUrl()).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
            .withBody("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}"))
        .willSetStateTo("open"));
    server.stubFor(any(anyUrl()).inScenario("throttle").whenScenarioStateIs("open")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(LoopbackServer.example("taskcron-200.json"))));
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThat(client.showPortalServiceTaskCron("t").getHttpStatus()).isEqualTo("OK");
    }
    assertThat(requestCount()).isEqualTo(2);
  }

  @Test
  void persistentServerError_stopsAfterMaxAttemptsWithTheLastError() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error_code\":\"CC.00000500\",\"error_msg\":\"internal\"}")));
    try (ClientUnderTest client = ClientUnderTest.of(builder().maxAttempts(4))) {
      ServerErrorException e = catchThrowableOfType(
          () -> client.refreshPortalServiceJobResult(r -> r.jobId("j").async(false)), ServerErrorException.class);
      assertThat(e.getErrorCode()).isEqualTo("CC.00000500");
    }
    assertThat(requestCount()).isEqualTo(4);
  }

  @Test
  void clientError_isNeverRetried() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(LoopbackServer.BAD_REQUEST)));
    try (ClientUnderTest client = ClientUnderTest.of(builder().maxAttempts(5))) {
      catchThrowableOfType(() -> client.deleteTaskV3("t"), ClientErrorException.class);
    }
    assertThat(requestCount()).isEqualTo(1);
  }
}
