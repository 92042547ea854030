package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** build() fails fast, with a message that says what to fix. */
class BuilderTest {
  @ParameterizedTest
  @ValueSource(strings = {"cn-north-4", "cn-north-1", "cn-east-2", "cn-south-1", "cn-east-3",
      "la-north-2", "sa-brazil-1", "ap-southeast-3"})
  void everyDocumentedRegion_buildsItsEndpoint(String region) {
    try (CodeArtsCheckClient client =
        CodeArtsCheckClient.builder().region(region).authToken("t").build()) {
      assertThat(client.toString())
          .contains("endpoint=https://codearts-check." + region + ".myhuaweicloud.com,");
    }
  }

  @Test
  void unknownRegion_failsListingTheValidRegions() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("eu-west-0").authToken("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown region 'eu-west-0'")
        .hasMessageContaining("cn-north-4, cn-north-1, cn-east-2, cn-south-1, cn-east-3, "
            + "la-north-2, sa-brazil-1, ap-southeast-3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"codearts-check.cn-north-4.myhuaweicloud.com", "ftp://host", "http://",
      "http://host/path?x=1", "https://exa mple.com", "http://user:pw@host"})
  void badEndpoint_failsListingTheValidRegions(String endpoint) {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().endpoint(endpoint).authToken("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad endpoint")
        .hasMessageContaining("cn-north-4, cn-north-1");
  }

  @Test
  void noRegionNorEndpoint_fails() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().authToken("t").build())
        .hasMessageStartingWith("region or endpoint required");
  }

  @Test
  void endpointWithBasePathAndTrailingSlash_isKeptWithoutTheSlash() {
    try (CodeArtsCheckClient client = CodeArtsCheckClient.builder()
        .endpoint("http://127.0.0.1:8080/gateway/").authToken("t").build()) {
      assertThat(client.toString()).contains("endpoint=http://127.0.0.1:8080/gateway,");
    }
  }

  @Test
  void credentials_areRequiredAndExclusive() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").build())
        .hasMessageStartingWith("credentials required");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .akSk("ak", "sk").build()).hasMessageContaining("not both");
  }

  @Test
  void badNumbers_fail() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .maxAttempts(0).build()).hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .readTimeout(Duration.ZERO).build()).hasMessageContaining("readTimeout");
  }

  @Test
  void proxyWithSuppliedClient_failsBecauseItWouldBeIgnored() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .httpClient(new feign.Client.Default(null, null)).proxy("proxy", 3128).build())
        .hasMessageContaining("set them on the client given to httpClient");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .httpClient(timedJdkClient()).sslContext(null).proxy("proxy", 3128).build())
        .hasMessageContaining("set them on the client given to httpClient");
  }

  private static java.net.http.HttpClient timedJdkClient() {
    return java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void http2ClientAsFeignClient_failsBecauseItWouldSendThroughACopyOfItsHttpClient() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .httpClient(new feign.http2client.Http2Client(timedJdkClient())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("httpClient(HttpClient)");
  }

  @Test
  void sharedJdkClientWithoutConnectTimeout_isAccepted() {
    try (CodeArtsCheckClient client = CodeArtsCheckClient.builder().region("cn-north-4")
        .authToken("t").httpClient(java.net.http.HttpClient.newHttpClient()).build()) {
      assertThat(client.toString()).contains("transport=shared JDK HttpClient");
    }
  }

  @Test
  void nullToken_failsSayingWhatToFix_notWithANullPointerException() {
    String unset = System.getenv("CODEARTS_TOKEN_THAT_IS_NEVER_SET");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken(unset)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authToken: the token is null")
        .hasMessageContaining("CODEARTS_TOKEN");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4")
        .authToken((java.util.function.Supplier<String>) null).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "tok\r\nX-Injected: 1", "tök"})
  void unsendableToken_isRefusedByBuild_notOnEveryCall(String token) {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken(token)
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("authToken: the token");
  }

  @Test
  void nullOrBlankAkSk_isRefusedByBuild() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4")
        .akSk(null, "sk").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("akSk");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4")
        .akSk("ak", " ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("akSk");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot/1\r\nX-Injected: 1", "bot/1\n", "böt/1"})
  void userAgentThatCannotBeAHeader_isRefusedByBuild(String userAgent) {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .userAgent(userAgent).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userAgent must be printable ASCII");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://codearts-check.cn-north-4.myhuaweicloud.com:443",
      "HTTPS://codearts-check.cn-north-4.myhuaweicloud.com:443/"})
  void endpointWithTheSchemesDefaultPort_leavesThePortOut(String endpoint) {
    try (CodeArtsCheckClient client =
        CodeArtsCheckClient.builder().endpoint(endpoint).authToken("t").build()) {
      assertThat(client.toString())
          .contains("endpoint=https://codearts-check.cn-north-4.myhuaweicloud.com,");
    }
  }

  @Test
  void endpointWithAnotherPort_keepsIt() {
    try (CodeArtsCheckClient client = CodeArtsCheckClient.builder()
        .endpoint("http://127.0.0.1:443/base").authToken("t").build()) {
      assertThat(client.toString()).contains("endpoint=http://127.0.0.1:443/base,");
    }
  }

  @Test
  void badLimits_fail() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .attemptTimeout(Duration.ZERO).build()).hasMessageContaining("attemptTimeout");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .callTimeout(Duration.ofMillis(-1)).build()).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .callTimeout(Duration.ofDays(365)).build()).hasMessageContaining("at most");
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .maxResponseBodySize(0).build()).hasMessageContaining("maxResponseBodySize");
  }

  @Test
  void connectTimeoutWithSharedJdkClient_failsBecauseTheClientHasItsOwn() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .httpClient(timedJdkClient()).connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set it on the HttpClient");
  }

  @Test
  void bothKindsOfSuppliedClient_fail() {
    assertThatThrownBy(() -> CodeArtsCheckClient.builder().region("cn-north-4").authToken("t")
        .httpClient(timedJdkClient()).httpClient(new feign.Client.Default(null, null)).build())
        .hasMessageContaining("not both");
  }

  @Test
  void toString_showsNoSecret() {
    try (CodeArtsCheckClient client = CodeArtsCheckClient.builder().region("cn-north-4")
        .akSk("AKPUBLIC", "SK-VERY-SECRET").build()) {
      assertThat(client.toString()).contains("access key AKPU…")
          .doesNotContain("AKPUBLIC").doesNotContain("SK-VERY-SECRET");
    }
  }

  @Test
  void closedClient_refusesCalls() {
    CodeArtsCheckClient client = CodeArtsCheckClient.builder().region("cn-north-4").authToken("t").build();
    client.close();
    assertThatThrownBy(() -> client.stopTaskByIdV2("t")).isInstanceOf(IllegalStateException.class);
  }
}
