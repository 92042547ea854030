package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Arguments are checked against the spec before anything is sent. */
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
    assertThatThrownBy(() -> client.showCodeHealthSvg(null, null, null))
        .hasMessage("task_id: must not be null");
    assertThatThrownBy(() -> client.showCodeHealthSvg("", null, null))
        .hasMessage("task_id: size must be between 1 and 32");
    assertThatThrownBy(() -> client.showCodeHealthSvg("t", "fr-fr", null))
        .hasMessage("locale: must match \"^(zh-cn|en-us)$\"");
    assertThatThrownBy(() -> client.showCodeHealthSvg("t", null, "j".repeat(65)))
        .hasMessage("job_id: size must be between 1 and 64");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult("", null, null))
        .hasMessage("job_id: size must be at least 1");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult("j", "t".repeat(33), null))
        .hasMessage("task_id: size must be at most 32");
    assertThatThrownBy(() -> client.refreshPortalServiceJobResult("j", null, "yes"))
        .hasMessage("async: must match \"^(true|false)$\"");
    assertThatThrownBy(() -> client.showPortalServiceTaskCron("t".repeat(129), null))
        .hasMessage("task_id: size must be between 1 and 128");
    assertThatThrownBy(() -> client.showPortalServiceTaskCron("t", ""))
        .hasMessage("operator: size must be between 1 and 128");
    assertThatThrownBy(() -> client.deleteTaskV3("t".repeat(129), null))
        .hasMessage("task_id: size must be between 1 and 128");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void severalBadArguments_areAllNamed() {
    assertThatThrownBy(() -> client.showCodeHealthSvg("", "fr", ""))
        .hasMessage("task_id: size must be between 1 and 32; locale: must match "
            + "\"^(zh-cn|en-us)$\"; job_id: size must be between 1 and 64");
  }

  @Test
  void headerWithLineBreak_isRejectedEvenWithValidationOff() {
    try (CodeArtsCheckClient unchecked =
        LoopbackServer.clientFor(server).validateArguments(false).build()) {
      assertThatThrownBy(() -> unchecked.deleteTaskV3("t", "evil\r\nX-Injected: 1"))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessageStartingWith("operator: must contain only printable ASCII");
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void validationOff_sendsTheBadArgumentToTheServer() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(LoopbackServer.BAD_REQUEST)));
    try (CodeArtsCheckClient unchecked =
        LoopbackServer.clientFor(server).validateArguments(false).build()) {
      assertThatThrownBy(() -> unchecked.stopTaskByIdV2("a".repeat(33)))
          .isInstanceOf(ClientErrorException.class)
          .extracting(e -> ((ClientErrorException) e).getErrorCode())
          .isEqualTo("CC.xxxxxxxx.400");
    }
    assertThat(LoopbackServer.onlyRequest(server).getUrl()).isEqualTo("/v2/tasks/" + "a".repeat(33) + "/stop");
  }
}
