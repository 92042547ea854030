package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.emulator.Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The client snippet of the root README, as printed there, against a freshly started emulator
 * (the same one {@code java -jar emulator/target/codearts-check-emulator.jar} runs).
 */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class ReadmeSnippetJerseyTest {

  @Test
  void readmeClientSnippet_worksAgainstTheEmulator() throws Exception {
    try (Emulator emulator = Emulator.builder().port(0).start();
        CodeArtsCheckClient client = CodeArtsCheckClient.builder()
            .endpoint(emulator.uri().toString())
            .authToken("any-non-blank-token")
            .build()) {
      String svg = client.showCodeHealthSvg("aexxxx86", "en-us", null);
      var report = client.refreshPortalServiceJobResult("e5470ceb4d0440f198b56974xxxxxxxx", "", "false");
      var cron = client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801", null);
      client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");
      var del = client.deleteTaskV3("897acf5exxx48a5013cd", null);

      assertThat(svg).startsWith("<svg").contains("code health");
      assertThat(report.getResult().getMajorIssueCount() + " major, " + report.getResult().getSeverityCriticalCount() + " critical")
          .isEqualTo("4 major, 0 critical");
      assertThat(cron.getResult().getDetailTime()).isEqualTo("15:00");
      assertThat(del.getResult()).isTrue();
      assertThat(emulator.state().taskStatus("2b31ed520xxxxxxebedb6e57xxxxxxxx")).isEqualTo("stopped");
    }
  }
}
