package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The badge arrives as text whatever the Content-Type says. */
@BothClients
class BadgeDecodingTest extends LoopbackClientTest {
  static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"20\">"
      + "<title>代码健康度: A</title><text x=\"5\" y=\"14\">代码健康度 A</text></svg>";

  @ParameterizedTest
  @ValueSource(strings = {"image/svg+xml", "image/svg+xml;charset=UTF-8", "text/plain",
      "text/plain; charset=utf-8", "application/json", "application/json;charset=UTF-8",
      "application/octet-stream"})
  void badge_rawSvgUnderAnyContentType_returnsTextWithChineseIntact(String contentType) {
    server.stubFor(get(urlPathEqualTo("/v4/task/aexxxx86/code-health-svg"))
        .willReturn(aResponse().withHeader("Content-Type", contentType)
            .withBody(SVG.getBytes(StandardCharsets.UTF_8))));

    assertThat(client.showCodeHealthSvg(r -> r.taskId("aexxxx86").locale(BadgeLocale.ZH_CN))).isEqualTo(SVG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "application/json; charset=UTF-8"})
  void badge_jsonQuotedString_isUnquoted(String contentType) throws Exception {
    String quoted = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(SVG);
    server.stubFor(get(urlPathEqualTo("/v4/task/aexxxx86/code-health-svg"))
        .willReturn(aResponse().withHeader("Content-Type", contentType)
            .withBody(quoted.getBytes(StandardCharsets.UTF_8))));

    assertThat(client.showCodeHealthSvg(r -> r.taskId("aexxxx86").locale(BadgeLocale.ZH_CN))).isEqualTo(SVG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "image/svg+xml"})
  void badge_withoutCharset_isReadAsUtf8(String contentType) {
    var response = aResponse().withBody(SVG.getBytes(StandardCharsets.UTF_8));
    if (!contentType.isEmpty()) {
      response = response.withHeader("Content-Type", contentType);
    }
    server.stubFor(get(urlPathEqualTo("/v4/task/aexxxx86/code-health-svg")).willReturn(response));

    assertThat(client.showCodeHealthSvg("aexxxx86")).isEqualTo(SVG);
  }
}
