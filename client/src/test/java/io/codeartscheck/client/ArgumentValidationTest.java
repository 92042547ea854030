package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arguments are checked against the spec before anything is sent. */
@BothClients
class ArgumentValidationTest extends LoopbackClientTest {
  @BeforeEach
  void answerNull() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("null")));
  }

  @Test
  void taskIdOf33Characters_failsLocallyNamingTaskId() {
    assertThatThrownBy(() -> client.stopTaskByIdV2("a".repeat(33)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("task_id: size must be between 1 and 32");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void taskIdOf32Characters_isSent() {
    client.stopTaskByIdV2("a".repeat(32));
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void taskIdOf17Emoji_isWithinMaxLength32_becauseLengthsCountCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00".repeat(17); // 17 characters, 34 UTF-16 units

    client.stopTaskByIdV2(emoji);

    assertThat(LoopbackServer.onlyRequest(server).getUrl())
        .isEqualTo("/v2/tasks/" + "%F0%9F%98%80".repeat(17) + "/stop");
  }

  @Test
  void taskIdOf33Emoji_isOverMaxLength32() {
    assertThatThrownBy(() -> client.stopTaskByIdV2("\uD83D\uDE00".repeat(33)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("task_id: size must be between 1 and 32");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void eachConstraintOfTheSpec_isChecked() {
    assertThatThrownBy(() -> client.showCodeHealthSvg(r -> r.locale(BadgeLocale.EN_US)))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("task_id: must not be null");
    assertThatThrownBy(() -> client.showCodeHealthSvg(""))
        .hasMessage("task_id: size must be between 1 and 32");
    assertThatThrownBy(() -> client.showCodeHealthSvg(r -> r.taskId("t").jobId("j".repeat(65))))
        .hasMessage("job_id: size must be between 1 and 64");
    assertThatThrownBy(() -> client.showCodeHealthSvg(r -> r.taskId("t").jobId("")))
        .hasMessage("job_id: size must be between 1 and 64");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult(r -> r.jobId("")))
        .hasMessage("job_id: size must be at least 1");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult(r -> r.async(false)))
        .hasMessage("job_id: must not be null");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult(r -> r.jobId("j")
        .taskId("t".repeat(33)))).hasMessage("task_id: size must be at most 32");
    assertThatThrownBy(() -> client.showPortalServiceTaskCron("t".repeat(129)))
        .hasMessage("task_id: size must be between 1 and 128");
    assertThatThrownBy(() -> client.showPortalServiceTaskCron(r -> r.taskId("t").operator("")))
        .hasMessage("operator: size must be between 1 and 128");
    assertThatThrownBy(() -> client.deleteTaskV3("t".repeat(129)))
        .hasMessage("task_id: size must be between 1 and 128");
    assertThatThrownBy(() -> client.stopTaskByIdV2(StopTaskByIdV2Request.builder().build()))
        .hasMessage("task_id: must not be null");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void severalBadArguments_areAllNamed() {
    assertThatThrownBy(() -> client.showCodeHealthSvg(r -> r.taskId("").jobId("")))
        .hasMessage("task_id: size must be between 1 and 32; job_id: size must be between 1 "
            + "and 64");
  }

  @Test
  void headerWithLineBreak_isRejectedEvenWithValidationOff() {
    try (ClientUnderTest unchecked = ClientUnderTest.of(builder().validateArguments(false))) {
      assertThatThrownBy(() -> unchecked.deleteTaskV3(r -> r.taskId("t").operator("evil\r\nX-Injected: 1")))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageStartingWith("operator: must contain only printable ASCII");
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void validationOff_sendsTheBadArgumentToTheServer() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(LoopbackServer.BAD_REQUEST)));
    try (ClientUnderTest unchecked = ClientUnderTest.of(builder().validateArguments(false))) {
      assertThatThrownBy(() -> unchecked.stopTaskByIdV2("a".repeat(33)))
          .isInstanceOf(ClientErrorException.class)
          .extracting(e -> ((ClientErrorException) e).getErrorCode())
          .isEqualTo("CC.xxxxxxxx.400");
    }
    assertThat(LoopbackServer.onlyRequest(server).getUrl()).isEqualTo("/v2/tasks/" + "a".repeat(33) + "/stop");
  }
}
