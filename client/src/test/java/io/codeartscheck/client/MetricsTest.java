package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With a registry, every call is one timer sample, tagged with its operation, outcome, status
 * and exception. (Without one, nothing of Micrometer is loaded: {@code NoMicrometerTest}.)
 */
@BothClients
class MetricsTest extends LoopbackClientTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private Timer timer(String operation, String outcome, String status, String exception) {
    return registry.find("codearts.check.client.calls").tag("operation", operation)
        .tag("outcome", outcome).tag("status", status).tag("exception", exception).timer();
  }

  @Test
  void success_andEveryKindOfFailure_areRecordedPerOperation() throws IOException {
    try (ClientUnderTest client = ClientUnderTest.of(builder().maxAttempts(1).metrics(registry))) {
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(LoopbackServer.example("taskcron-200.json"))));
      client.showPortalServiceTaskCron("t");
      client.showPortalServiceTaskCron("t");
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
          .withHeader("Content-Type", "application/json").withBody(LoopbackServer.BAD_REQUEST)));
      catchThrowable(() -> client.deleteTaskV3("t"));
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
      catchThrowable(() -> client.refreshPortalServiceJobResult(r -> r.jobId("j")));
      catchThrowable(() -> client.stopTaskByIdV2("x".repeat(33)));
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (ClientUnderTest refused = ClientUnderTest.of(kind.builder()
        .endpoint("http://127.0.0.1:" + closedPort).authToken("t").maxAttempts(1)
        .metrics(registry))) {
      catchThrowable(() -> refused.showCodeHealthSvg("t"));
    }

    Timer success = timer("showPortalServiceTaskCron", "SUCCESS", "200", "none");
    assertThat(success).isNotNull();
    assertThat(success.count()).isEqualTo(2);
    assertThat(success.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(timer("deleteTaskV3", "CLIENT_ERROR", "400", "ClientErrorException").count())
        .isEqualTo(1);
    assertThat(timer("refreshPortalServiceJobResult", "SERVER_ERROR", "503",
        "ServerErrorException").count()).isEqualTo(1);
    assertThat(timer("stopTaskByIdV2", "INVALID_ARGUMENT", "NONE", "InvalidArgumentException")
        .count()).isEqualTo(1);
    assertThat(timer("showCodeHealthSvg", "CONNECTION_ERROR", "NONE", "ConnectionException")
        .count()).isEqualTo(1);
    assertThat(registry.find("codearts.check.client.calls").timers()).hasSize(5);
  }

  @Test
  void withoutARegistry_nothingIsRecorded() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(LoopbackServer.example("taskcron-200.json"))));

    client.showPortalServiceTaskCron("t");

    assertThat(registry.getMeters()).isEmpty();
  }
}
