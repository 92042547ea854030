package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** build() fails fast, with a message that says what to fix: the same for both clients. */
@BothClients
class BuilderTest {
  @Parameter
  ClientKind kind;

  private CodeArtsCheckClientBuilder<?, ?> regionBuilder() {
    return kind.builder().region(Region.CN_NORTH_4);
  }

  private String built(CodeArtsCheckClientBuilder<?, ?> builder) {
    try (ClientUnderTest client = ClientUnderTest.of(builder)) {
      return client.toString();
    }
  }

  static Iterable<Region> documentedRegions() {
    return Region.documentedRegions();
  }

  @ParameterizedTest
  @MethodSource("documentedRegions")
  void everyDocumentedRegion_buildsItsEndpoint(Region region) {
    assertThat(built(kind.builder().region(region).authToken("t")))
        .contains("endpoint=https://codearts-check." + region.id() + ".myhuaweicloud.com,");
  }

  @Test
  void aRegionTheDocsDoNotListYet_buildsItsEndpointToo() {
    assertThat(built(kind.builder().region(Region.of("ap-southeast-9")).authToken("t")))
        .contains("endpoint=https://codearts-check.ap-southeast-9.myhuaweicloud.com,");
  }

  @Test
  void endpointAsUri_isTheSameAsEndpointAsString() {
    assertThat(built(kind.builder().endpoint(URI.create("http://127.0.0.1:8080/base/"))
        .authToken("t"))).contains("endpoint=http://127.0.0.1:8080/base,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"codearts-check.cn-north-4.myhuaweicloud.com", "ftp://host", "http://",
      "http://host/path?x=1", "https://exa mple.com", "http://user:pw@host"})
  void badEndpoint_failsListingTheValidRegions(String endpoint) {
    assertThatThrownBy(() -> kind.builder().endpoint(endpoint).authToken("t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad endpoint")
        .hasMessageContaining("cn-north-4, cn-north-1, cn-east-2, cn-south-1, cn-east-3, "
            + "la-north-2, sa-brazil-1, ap-southeast-3");
  }

  @Test
  void noRegionNorEndpoint_fails() {
    assertThatThrownBy(() -> kind.builder().authToken("t").build())
        .hasMessageStartingWith("region or endpoint required");
  }

  @Test
  void regionAndEndpoint_fail() {
    assertThatThrownBy(() -> regionBuilder().endpoint("http://127.0.0.1:1").authToken("t")
        .build()).hasMessageContaining("not both");
  }

  @Test
  void endpointWithBasePathAndTrailingSlash_isKeptWithoutTheSlash() {
    assertThat(built(kind.builder().endpoint("http://127.0.0.1:8080/gateway/").authToken("t")))
        .contains("endpoint=http://127.0.0.1:8080/gateway,");
  }

  @Test
  void credentials_areRequiredAndExclusive() {
    assertThatThrownBy(() -> regionBuilder().build())
        .hasMessageStartingWith("credentials required");
    assertThatThrownBy(() -> regionBuilder().authToken("t").akSk("ak", "sk").build())
        .hasMessageContaining("not both");
  }

  @Test
  void badNumbers_fail() {
    assertThatThrownBy(() -> regionBuilder().authToken("t").maxAttempts(0).build())
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> regionBuilder().authToken("t").readTimeout(Duration.ZERO).build())
        .hasMessageContaining("readTimeout");
  }

  @Test
  void proxyWithSuppliedClient_failsBecauseItWouldBeIgnored() {
    assertThatThrownBy(() -> regionBuilder().authToken("t")
        .httpClient(new feign.Client.Default(null, null)).proxy("proxy", 3128).build())
        .hasMessageContaining("set them on the client given to httpClient");
    assertThatThrownBy(() -> regionBuilder().authToken("t")
        .httpClient(timedJdkClient()).sslContext(null).proxy("proxy", 3128).build())
        .hasMessageContaining("set them on the client given to httpClient");
  }

  private static java.net.http.HttpClient timedJdkClient() {
    return java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @Test
  void http2ClientAsFeignClient_failsBecauseItWouldSendThroughACopyOfItsHttpClient() {
    assertThatThrownBy(() -> regionBuilder().authToken("t")
        .httpClient(new feign.http2client.Http2Client(timedJdkClient())).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("httpClient(HttpClient)");
  }

  @Test
  void sharedJdkClientWithoutConnectTimeout_isAccepted() {
    assertThat(built(regionBuilder().authToken("t")
        .httpClient(java.net.http.HttpClient.newHttpClient())))
        .contains("transport=shared JDK HttpClient");
  }

  @Test
  void nullToken_failsSayingWhatToFix_notWithANullPointerException() {
    String unset = System.getenv("CODEARTS_TOKEN_THAT_IS_NEVER_SET");
    assertThatThrownBy(() -> regionBuilder().authToken(unset).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("authToken: the token is null")
        .hasMessageContaining("CODEARTS_TOKEN");
    assertThatThrownBy(() -> regionBuilder()
        .authToken((java.util.function.Supplier<String>) null).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "tok\r\nX-Injected: 1", "tök"})
  void unsendableToken_isRefusedByBuild_notOnEveryCall(String token) {
    assertThatThrownBy(() -> regionBuilder().authToken(token).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("authToken: the token");
  }

  @Test
  void nullOrBlankAkSk_isRefusedByBuild() {
    assertThatThrownBy(() -> regionBuilder().akSk(null, "sk").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("akSk");
    assertThatThrownBy(() -> regionBuilder().akSk("ak", " ").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("akSk");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bot/1\r\nX-Injected: 1", "bot/1\n", "böt/1"})
  void userAgentThatCannotBeAHeader_isRefusedByBuild(String userAgent) {
    assertThatThrownBy(() -> regionBuilder().authToken("t").userAgent(userAgent).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("userAgent must be printable ASCII");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://codearts-check.cn-north-4.myhuaweicloud.com:443",
      "HTTPS://codearts-check.cn-north-4.myhuaweicloud.com:443/"})
  void endpointWithTheSchemesDefaultPort_leavesThePortOut(String endpoint) {
    assertThat(built(kind.builder().endpoint(endpoint).authToken("t")))
        .contains("endpoint=https://codearts-check.cn-north-4.myhuaweicloud.com,");
  }

  @Test
  void endpointWithAnotherPort_keepsIt() {
    assertThat(built(kind.builder().endpoint("http://127.0.0.1:443/base").authToken("t")))
        .contains("endpoint=http://127.0.0.1:443/base,");
  }

  @Test
  void badLimits_fail() {
    assertThatThrownBy(() -> regionBuilder().authToken("t").attemptTimeout(Duration.ZERO)
        .build()).hasMessageContaining("attemptTimeout");
    assertThatThrownBy(() -> regionBuilder().authToken("t").callTimeout(Duration.ofMillis(-1))
        .build()).hasMessageContaining("callTimeout");
    assertThatThrownBy(() -> regionBuilder().authToken("t").callTimeout(Duration.ofDays(365))
        .build()).hasMessageContaining("at most");
    assertThatThrownBy(() -> regionBuilder().authToken("t").maxResponseBodySize(0).build())
        .hasMessageContaining("maxResponseBodySize");
  }

  @Test
  void connectTimeoutWithSharedJdkClient_failsBecauseTheClientHasItsOwn() {
    assertThatThrownBy(() -> regionBuilder().authToken("t").httpClient(timedJdkClient())
        .connectTimeout(Duration.ofSeconds(1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set it on the HttpClient");
  }

  @Test
  void bothKindsOfSuppliedClient_fail() {
    assertThatThrownBy(() -> regionBuilder().authToken("t").httpClient(timedJdkClient())
        .httpClient(new feign.Client.Default(null, null)).build())
        .hasMessageContaining("not both");
  }

  @Test
  void toString_showsNoSecret() {
    assertThat(built(regionBuilder().akSk("AKPUBLIC", "SK-VERY-SECRET")))
        .contains("access key AKPU…").doesNotContain("AKPUBLIC").doesNotContain("SK-VERY-SECRET");
  }

  @Test
  void closedClient_refusesCalls() {
    ClientUnderTest client = ClientUnderTest.of(regionBuilder().authToken("t"));
    client.close();
    assertThatThrownBy(() -> client.stopTaskByIdV2("t")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }
}
