package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ids reach the server as one path segment, percent-encoded UTF-8, whatever they contain. */
@BothClients
class WireEncodingTest extends LoopbackClientTest {
  @BeforeEach
  void answerAnEmptyObject() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{}")));
  }

  private static String sentUrl() {
    return LoopbackServer.onlyRequest(server).getUrl();
  }

  @Test
  void slashInTaskId_isEncodedNotAPathSeparator() {
    client.stopTaskByIdV2("a/b");
    assertThat(sentUrl()).isEqualTo("/v2/tasks/a%2Fb/stop");
  }

  @Test
  void nonAsciiTaskId_isPercentEncodedUtf8() {
    client.stopTaskByIdV2("任务一");
    assertThat(sentUrl()).isEqualTo("/v2/tasks/%E4%BB%BB%E5%8A%A1%E4%B8%80/stop");
  }

  @Test
  void dotSegmentsAsTaskId_withValidationOff_areEncodedSoThePathCannotWalkUp() {
    try (ClientUnderTest unchecked = ClientUnderTest.of(builder().maxAttempts(1).validateArguments(false))) {
      unchecked.stopTaskByIdV2("..");
      assertThat(sentUrl()).isEqualTo("/v2/tasks/%2E%2E/stop");
      server.resetRequests();
      unchecked.deleteTaskV3(".");
      assertThat(sentUrl()).isEqualTo("/v3/task/%2E");
    }
  }

  @Test
  void reservedCharactersInIds_areEncoded() {
    client.stopTaskByIdV2("a b+c%2F?#;");
    assertThat(sentUrl()).isEqualTo("/v2/tasks/a%20b%2Bc%252F%3F%23%3B/stop");
  }

  @Test
  void reservedCharactersInQueryValues_areEncodedAndNotSplit() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{}")));
    client.refreshPortalServiceJobResult(r -> r.jobId("j").taskId("a,b&c=d"));
    assertThat(sentUrl()).isEqualTo("/v1/jobs/j/result/refresh?task_id=a%2Cb%26c%3Dd");
  }

  @Test
  void refreshWithoutTaskId_sendsTheEmptyTaskIdOfTheDocsExample_andNoAsync() {
    client.refreshPortalServiceJobResult(r -> r.jobId("j"));
    assertThat(sentUrl()).isEqualTo("/v1/jobs/j/result/refresh?task_id=");
  }

  @Test
  void refreshAsyncTrueAndFalse_areSentAsTheWordsTrueAndFalse() {
    client.refreshPortalServiceJobResult(r -> r.jobId("j").async(true));
    assertThat(sentUrl()).isEqualTo("/v1/jobs/j/result/refresh?task_id=&async=true");
    server.resetRequests();
    client.refreshPortalServiceJobResult(r -> r.jobId("j").async(false));
    assertThat(sentUrl()).isEqualTo("/v1/jobs/j/result/refresh?task_id=&async=false");
  }

  @Test
  void badgeLocales_areSentAsTheirWireValues() {
    client.showCodeHealthSvg(r -> r.taskId("t").locale(BadgeLocale.ZH_CN));
    assertThat(sentUrl()).isEqualTo("/v4/task/t/code-health-svg?locale=zh-cn");
    server.resetRequests();
    client.showCodeHealthSvg(r -> r.taskId("t").locale(BadgeLocale.EN_US));
    assertThat(sentUrl()).isEqualTo("/v4/task/t/code-health-svg?locale=en-us");
  }

  @Test
  void optionalParametersNotGiven_areLeftOut_neverSentEmpty() {
    client.showCodeHealthSvg("t");
    assertThat(sentUrl()).isEqualTo("/v4/task/t/code-health-svg");
    server.resetRequests();
    client.deleteTaskV3("t");
    assertThat(LoopbackServer.onlyRequest(server).containsHeader("operator")).isFalse();
  }
}
