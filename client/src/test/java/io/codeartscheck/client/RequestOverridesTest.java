package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One call's timeouts, attempts and extra headers replace the client's, for that call only,
 * without a second client.
 */
@BothClients
class RequestOverridesTest extends LoopbackClientTest {
  private static int requestCount() {
    return server.findAll(anyRequestedFor(anyUrl())).size();
  }

  private void answerSlowly(int millis) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(millis).withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(LoopbackServer.example("taskcron-200.json"))));
  }

  @Test
  void readTimeoutOfOneCall_cutsThatCallOnly() {
    answerSlowly(800);
    try (ClientUnderTest client = ClientUnderTest.of(builder().maxAttempts(1)
        .readTimeout(Duration.ofSeconds(10)))) {
      assertThatThrownBy(() -> client.showPortalServiceTaskCron(r -> r.taskId("t")
          .overrides(o -> o.readTimeout(Duration.ofMillis(200)))))
          .isInstanceOf(RequestTimeoutException.class)
          .hasMessageContaining("read timed out (no response headers within readTimeout 200 ms)");

      assertThat(client.showPortalServiceTaskCron("t").getHttpStatus())
          .as("the next call has the client's 10 s again").isEqualTo("OK");
    }
  }

  @Test
  void callTimeoutOfOneCall_boundsItsRetries() {
    answerSlowly(400);
    try (ClientUnderTest client = ClientUnderTest.of(builder().maxAttempts(10)
        .readTimeout(Duration.ofMillis(150)))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> client.showPortalServiceTaskCron(r -> r.taskId("t")
          .overrides(o -> o.callTimeout(Duration.ofMillis(700)))))
          .isInstanceOf(RequestTimeoutException.class);

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }
  }

  @Test
  void maxAttemptsOfOneCall_replacesTheClients() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    try (ClientUnderTest client = ClientUnderTest.of(builder().maxAttempts(4))) {
      assertThatThrownBy(() -> client.refreshPortalServiceJobResult(r -> r.jobId("j")
          .overrides(o -> o.maxAttempts(1)))).isInstanceOf(ServerErrorException.class);
      assertThat(requestCount()).isEqualTo(1);

      server.resetRequests();
      assertThatThrownBy(() -> client.refreshPortalServiceJobResult(r -> r.jobId("j")))
          .isInstanceOf(ServerErrorException.class);
      assertThat(requestCount()).as("the client's 4 for the next call").isEqualTo(4);
    }
  }

  @Test
  void extraHeaders_goWithThatCallOnly() {
    answerSlowly(0);

    client.showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest.builder().taskId("t")
        .overrides(RequestOverrides.builder().header("X-Trace-Id", "trace-7").build()).build());
    client.showPortalServiceTaskCron("t");

    var requests = server.findAll(anyRequestedFor(anyUrl()));
    assertThat(requests.get(0).getHeader("X-Trace-Id")).isEqualTo("trace-7");
    assertThat(requests.get(1).containsHeader("X-Trace-Id")).isFalse();
  }

  @Test
  void extraHeaders_areSignedWithAkSk() {
    answerSlowly(0);
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder()
        .endpoint("http://127.0.0.1:" + server.port()).akSk("AKEXAMPLE", "SKEXAMPLE"))) {
      client.stopTaskByIdV2(r -> r.taskId("t").overrides(o -> o.header("X-Trace-Id", "t-1")));
    }
    LoggedRequest request = LoopbackServer.onlyRequest(server);
    assertThat(request.getHeader("X-Trace-Id")).isEqualTo("t-1");
    assertThat(request.getHeader("Authorization")).contains("SignedHeaders=")
        .containsPattern("SignedHeaders=[^,]*x-trace-id");
  }

  @Test
  void extraHeaderThatTheRequestSetsItself_isRefusedBeforeSending() {
    assertThatThrownBy(() -> client.deleteTaskV3(r -> r.taskId("t").operator("creator")
        .overrides(o -> o.header("Operator", "someone-else"))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("header 'Operator' is set by the request itself");
    assertThat(requestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"X-Auth-Token", "authorization", "X-Sdk-Date", "Host", "Content-Length",
      "User-Agent", "Accept"})
  void headerTheClientSetsItself_isRefusedByTheOverridesBuilder(String name) {
    assertThatThrownBy(() -> RequestOverrides.builder().header(name, "x").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is set by the client itself");
  }

  @Test
  void badOverrides_failInBuild_sayingWhatIsWrong() {
    assertThatThrownBy(() -> RequestOverrides.builder().header("X-A", "line\r\nbreak").build())
        .hasMessageContaining("printable ASCII");
    assertThatThrownBy(() -> RequestOverrides.builder().header("bad name", "v").build())
        .hasMessageContaining("not an HTTP token");
    assertThatThrownBy(() -> RequestOverrides.builder().maxAttempts(0).build())
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> RequestOverrides.builder().readTimeout(Duration.ZERO).build())
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> RequestOverrides.builder().callTimeout(Duration.ofDays(30)).build())
        .hasMessageContaining("at most");
  }
}
