package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server can verify the signature from what it received, as API Gateway does. */
@BothClients
class AkSkSigningOverHttpTest {
  @Parameter
  ClientKind kind;

  private static WireMockServer server;

  @BeforeAll
  static void start() {
    server = LoopbackServer.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{}")));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void forgetEarlierRequests() {
    server.resetRequests();
  }

  @Test
  void signedRequest_verifiesOnTheServerSide_andCarriesNoToken() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T08:09:10Z"), ZoneOffset.UTC);
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder()
        .endpoint("http://127.0.0.1:" + server.port()).akSk("AKEXAMPLE", "SKEXAMPLE")
        .clock(clock))) {
      client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));
    }
    LoggedRequest request = LoopbackServer.onlyRequest(server);
    String authorization = request.getHeader("Authorization");

    assertThat(request.getHeader("X-Sdk-Date")).isEqualTo("20261126T080910Z");
    assertThat(request.containsHeader("X-Auth-Token")).isFalse();
    assertThat(authorization).startsWith("SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=");
    String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
    assertThat(signedHeaders.split(";")).contains("host", "x-sdk-date");

    // Verify as the gateway would: rebuild the canonical request from the received request.
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      canonicalHeaders.append(name).append(':')
          .append(request.getHeader(name).trim()).append('\n');
    }
    String path = request.getUrl().substring(0, request.getUrl().indexOf('?'));
    String canonical = "PUT\n" + path + "/\n" + "async=false&task_id=\n" + canonicalHeaders
        + "\n" + signedHeaders + "\n"
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
    String stringToSign = "SDK-HMAC-SHA256\n20261126T080910Z\n" + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("SKEXAMPLE".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)))
        .toLowerCase(Locale.ROOT);

    assertThat(authorization).endsWith("Signature=" + expected);
  }

  /**
   * Verifies a request as the gateway does, from the bytes received: the canonical request is
   * rebuilt from the request line, the Host header as sent, and the headers the signature names.
   */
  private static boolean verifies(RawHttpServer.Exchange exchange, String secretKey)
      throws Exception {
    String authorization = exchange.headers.get("Authorization");
    if (authorization == null) {
      return false;
    }
    String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      String value = exchange.headers.get(name);
      if (value == null) {
        return false;
      }
      canonicalHeaders.append(name).append(':').append(value.trim()).append('\n');
    }
    java.net.URI target = java.net.URI.create(exchange.target());
    String query = target.getRawQuery() == null ? "" : java.util.Arrays
        .stream(target.getRawQuery().split("&")).sorted().collect(Collectors.joining("&"));
    String canonical = exchange.method() + "\n" + target.getRawPath() + "/\n" + query + "\n"
        + canonicalHeaders + "\n" + signedHeaders + "\n"
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(exchange.body));
    String stringToSign = "SDK-HMAC-SHA256\n" + exchange.headers.get("X-Sdk-Date") + "\n"
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
            .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return authorization.endsWith("Signature="
        + HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://codearts-check.cn-north-4.myhuaweicloud.com:80",
      "http://codearts-check.cn-north-4.myhuaweicloud.com:8080",
      "http://codearts-check.cn-north-4.myhuaweicloud.com"})
  void akSk_withOrWithoutAnExplicitPort_signsTheHostThatGoesOnTheWire(String endpoint)
      throws Exception {
    // The raw server plays an HTTP proxy in front of the gateway and verifies what it received.
    try (RawHttpServer gateway = new RawHttpServer(exchange -> {
      if (verifies(exchange, "SKEXAMPLE")) {
        exchange.respond(200, "application/json", "{\"httpStatus\":\"OK\"}");
      } else {
        exchange.respond(401, "application/json", "{\"error_code\":\"APIGW.0301\","
            + "\"error_msg\":\"Incorrect IAM authentication information: verify aksk signature "
            + "fail\"}");
      }
    });
        ClientUnderTest client = ClientUnderTest.of(kind.builder().endpoint(endpoint)
            .akSk("AKEXAMPLE", "SKEXAMPLE").proxy("127.0.0.1", gateway.port()).maxAttempts(1)
            )) {
      client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));

      String host = gateway.exchanges().get(0).headers.get("Host");
      assertThat(host).isEqualTo(endpoint.endsWith(":8080")
          ? "codearts-check.cn-north-4.myhuaweicloud.com:8080"
          : "codearts-check.cn-north-4.myhuaweicloud.com");
    }
  }
}
