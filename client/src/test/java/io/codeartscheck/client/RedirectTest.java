package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service never redirects these operations: a 3xx is never followed, whatever transport the
 * client is given, so credentials never reach another origin and a POST never becomes a GET.
 */
@BothClients
class RedirectTest {
  @Parameter
  ClientKind kind;

  private RawHttpServer elsewhere;
  private RawHttpServer endpoint;
  private volatile int status;

  @BeforeEach
  void start() throws Exception {
    elsewhere = new RawHttpServer(exchange -> exchange.respond(200, "application/json",
        LoopbackServer.example("taskcron-200.json")));
    endpoint = new RawHttpServer(exchange -> exchange.respond(status, "text/html", "moved",
        "Location: " + elsewhere.url() + exchange.target()));
  }

  @AfterEach
  void stop() throws Exception {
    endpoint.close();
    elsewhere.close();
  }

  private void assertNotFollowed(ClientUnderTest client, Consumer<ClientUnderTest> call) {
    CodeArtsCheckException e = catchThrowableOfType(() -> call.accept(client),
        CodeArtsCheckException.class);

    assertThat(e).as("a %d must fail", status).isNotNull();
    assertThat(e.getHttpStatusCode()).isEqualTo(status);
    assertThat(e.getMessage()).contains("redirect to " + elsewhere.url(), "not followed");
    assertThat(endpoint.requests()).isEqualTo(1);
    assertThat(elsewhere.requests()).as("requests that reached the other origin").isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void redirectToAnotherOrigin_isNotFollowed_andTheErrorNamesTheLocation(int status) {
    this.status = status;
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, endpoint))) {
      assertNotFollowed(client, c -> c.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {302, 307})
  void redirect_isNotFollowedByAFeignClientEither(int status) {
    this.status = status;
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, endpoint)
        .httpClient(new feign.Client.Default(null, null)))) {
      assertNotFollowed(client, c -> c.showPortalServiceTaskCron("t"));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {302, 307})
  void redirect_isNotFollowedByASharedHttpClientThatNeverFollows(int status) {
    this.status = status;
    HttpClient shared = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder().endpoint(endpoint.url())
        .akSk("AKEXAMPLE", "SKEXAMPLE").httpClient(shared))) {
      assertNotFollowed(client, c -> c.deleteTaskV3("t"));
    }
  }

  @ParameterizedTest
  @EnumSource(value = HttpClient.Redirect.class, names = {"NORMAL", "ALWAYS"})
  void sharedHttpClientThatFollowsRedirects_isRefusedByBuild(HttpClient.Redirect policy) {
    HttpClient following = HttpClient.newBuilder().followRedirects(policy)
        .connectTimeout(Duration.ofSeconds(2)).build();

    assertThatThrownBy(() -> LoopbackServer.clientFor(endpoint).httpClient(following).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("follows redirects (" + policy + ")")
        .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
  }
}
