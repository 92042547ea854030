package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport: JDK HttpClient by default, a shared Feign Client, proxy, SSL, user agent. */
@BothClients
class TransportTest extends LoopbackClientTest {

  @BeforeEach
  void answerTheTaskCronExample() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(LoopbackServer.example("taskcron-200.json"))));
  }

  @Test
  void defaultRuntimeClasspath_hasNeitherOkHttpNorKotlin() {
    for (String absent : List.of("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit",
        "feign.okhttp.OkHttpClient")) {
      assertThatThrownBy(() -> Class.forName(absent)).as(absent)
          .isInstanceOf(ClassNotFoundException.class);
    }
  }

  @Test
  void defaultTransport_isTheJdkHttpClient_withUserAgent() {
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      assertThat(client.toString()).contains("transport=JDK HttpClient");
      client.showPortalServiceTaskCron("t");
    }
    assertThat(LoopbackServer.onlyRequest(server).getHeader("User-Agent"))
        .startsWith("codearts-check-client/").contains(" Java/");
  }

  @Test
  void customUserAgent_isSent() {
    try (ClientUnderTest client = ClientUnderTest.of(builder().userAgent("ci-bot/2"))) {
      client.showPortalServiceTaskCron("t");
    }
    assertThat(LoopbackServer.onlyRequest(server).getHeader("User-Agent")).isEqualTo("ci-bot/2");
  }

  @Test
  void sharedJdkHttpClient_carriesTheTrafficOfSeveralClientsAndStaysOpenAfterClose()
      throws Exception {
    CountingHttpClient shared = new CountingHttpClient(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build());
    try (ClientUnderTest first = ClientUnderTest.of(builder().httpClient(shared))) {
      assertThat(first.toString()).contains("transport=shared JDK HttpClient");
      first.showPortalServiceTaskCron("t");
    }
    try (ClientUnderTest second = ClientUnderTest.of(builder().authToken("other")
        .httpClient(shared))) {
      second.showPortalServiceTaskCron("t");
    }

    assertThat(shared.requests()).isEqualTo(2);
    HttpResponse<String> afterClose = shared.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + "/v1/tasks/t/taskcron")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(afterClose.statusCode()).isEqualTo(200);
  }

  @Test
  void sharedJdkHttpClientWithoutConnectTimeout_isTheOneUsed() {
    CountingHttpClient shared = new CountingHttpClient(HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).build());
    try (ClientUnderTest client = ClientUnderTest.of(builder().httpClient(shared))) {
      client.showPortalServiceTaskCron("t");
    }
    assertThat(shared.requests()).isEqualTo(1);
  }

  @Test
  void defaultUserAgent_namesTheProjectVersion() {
    String version = System.getProperty("codearts.client.version");
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      client.showPortalServiceTaskCron("t");
    }
    assertThat(version).as("set by surefire from the POM").isNotBlank();
    assertThat(LoopbackServer.onlyRequest(server).getHeader("User-Agent"))
        .isEqualTo("codearts-check-client/" + version + " Java/"
            + System.getProperty("java.version"));
  }

  @Test
  void sharedFeignClient_servesSeveralClientsWithTheBuilderTimeoutsAndStaysOpenAfterClose() {
    List<Integer> connectTimeouts = new java.util.concurrent.CopyOnWriteArrayList<>();
    feign.Client jdk = new feign.Client.Default(null, null);
    feign.Client shared = (request, options) -> {
      connectTimeouts.add(options.connectTimeoutMillis());
      return jdk.execute(request, options);
    };
    try (ClientUnderTest first = ClientUnderTest.of(builder().httpClient(shared)
        .connectTimeout(Duration.ofMillis(1234)))) {
      first.showPortalServiceTaskCron("t");
    }
    try (ClientUnderTest second = ClientUnderTest.of(builder().authToken("other")
        .httpClient(shared))) {
      second.showPortalServiceTaskCron("t");
    }
    assertThat(connectTimeouts).containsExactly(1234, 10_000);
    assertThat(server.getAllServeEvents()).hasSize(2);
  }

  @Test
  void tokenSupplier_isReadForEveryRequest() {
    AtomicInteger version = new AtomicInteger();
    try (ClientUnderTest client = ClientUnderTest.of(builder()
        .authToken(() -> "token-" + version.incrementAndGet()))) {
      client.showPortalServiceTaskCron("t");
      client.showPortalServiceTaskCron("t");
    }
    assertThat(server.getAllServeEvents().stream().map(e -> e.getRequest().getHeader("X-Auth-Token")))
        .containsExactlyInAnyOrder("token-1", "token-2");
  }

  @Test
  void tokenSupplierReturningNothing_failsBeforeSending() {
    try (ClientUnderTest client = ClientUnderTest.of(builder().authToken(() -> " "))) {
      assertThatThrownBy(() -> client.showPortalServiceTaskCron("t"))
          .isInstanceOf(CodeArtsCheckException.class).hasMessageContaining("no token");
    }
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void concurrentCalls_fromManyThreads_allSucceed() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (ClientUnderTest client = ClientUnderTest.of(builder())) {
      List<Future<String>> results = IntStream.range(0, 64)
          .mapToObj(i -> pool.submit(() -> client.showPortalServiceTaskCron("t" + i)
              .getResult().getTaskId()))
          .collect(Collectors.toList());
      for (Future<String> result : results) {
        assertThat(result.get()).isEqualTo("fxxxx7ba3ae14a87a32b151bcbe20801");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getAllServeEvents()).hasSize(64);
  }

  @Test
  void httpsWithCustomSslContext_trustsTheServer_whileTheDefaultRefusesIt() throws Exception {
    // A self-signed certificate for 127.0.0.1, made with the JDK's keytool.
    Path keystore = Files.createTempDirectory("tls").resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-keypass", "changeit").redirectErrorStream(true).start();
    assertThat(keytool.waitFor()).isZero();
    WireMockServer tls = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
        .dynamicHttpsPort().keystorePath(keystore.toString()).keystoreType("PKCS12")
        .keystorePassword("changeit").keyManagerPassword("changeit"));
    tls.start();
    try {
      tls.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
          .withHeader("Content-Type", "application/json")
          .withBody(LoopbackServer.example("taskcron-200.json"))));
      String endpoint = "https://127.0.0.1:" + tls.httpsPort();
      try (ClientUnderTest strict = ClientUnderTest.of(kind.builder().endpoint(endpoint)
          .authToken("t").maxAttempts(1))) {
        assertThatThrownBy(() -> strict.showPortalServiceTaskCron("t"))
            .isInstanceOf(ConnectionException.class);
      }
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      try (var in = Files.newInputStream(keystore)) {
        trusted.load(in, "changeit".toCharArray());
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      try (ClientUnderTest client = ClientUnderTest.of(kind.builder().endpoint(endpoint)
          .authToken("t").sslContext(context))) {
        assertThat(client.showPortalServiceTaskCron("t").getHttpStatus()).isEqualTo("OK");
      }
    } finally {
      tls.stop();
    }
  }

  @Test
  void httpProxyWithCredentials_answersTheChallengeAndForwards() {
    // The loopback server plays the proxy: 407 without credentials, the answer with them.
    String expected = "Basic " + Base64.getEncoder().encodeToString("proxyuser:proxypass".getBytes());
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(407)
        .withHeader("Proxy-Authenticate", "Basic realm=\"test\"")));
    server.stubFor(get(urlEqualTo("/v1/tasks/t/taskcron")).atPriority(1)
        .withHeader("Proxy-Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(expected))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(LoopbackServer.example("taskcron-200.json"))));
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder()
        .endpoint("http://codearts-check.cn-north-4.myhuaweicloud.com").authToken("t")
        .proxy("127.0.0.1", server.port(), "proxyuser", "proxypass".toCharArray()))) {
      assertThat(client.showPortalServiceTaskCron("t").getHttpStatus()).isEqualTo("OK");
    }
    List<LoggedRequest> requests = server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()));
    assertThat(requests.get(requests.size() - 1).getHeader("Host"))
        .isEqualTo("codearts-check.cn-north-4.myhuaweicloud.com");
  }
}
