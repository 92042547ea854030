package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A WireMock server on a random loopback port, plus the docs' example bodies. */
final class LoopbackServer {
  static final String TOKEN = "MIIT-test-token-7f3a";

  static final String BAD_REQUEST = "{\n"
      + "  \"error_code\" : \"CC.xxxxxxxx.400\",\n"
      + "  \"error_msg\" : \"Verify request parameter failed. Check whether the request parameters"
      + " are correct.\"\n"
      + "}";
  static final String UNAUTHORIZED = "{\n"
      + "  \"error_code\" : \"CC.00000003\",\n"
      + "  \"error_msg\" : \"Authentication information expired.\"\n"
      + "}";

  private LoopbackServer() {
  }

  static WireMockServer start() {
    WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    return server;
  }

  /** A builder of a sync client for the server: the test token, short backoff. */
  static CodeArtsCheckClient.Builder clientFor(RawHttpServer server) {
    return CodeArtsCheckClient.builder().endpoint(server.url()).authToken(TOKEN)
        .retryBackoff(java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(3));
  }

  /** A builder of a client of this kind for the server: the test token, short backoff. */
  static CodeArtsCheckClientBuilder<?, ?> clientFor(ClientKind kind, WireMockServer server) {
    return clientFor(kind, "http://127.0.0.1:" + server.port());
  }

  /** A builder of a client of this kind for the server: the test token, short backoff. */
  static CodeArtsCheckClientBuilder<?, ?> clientFor(ClientKind kind, RawHttpServer server) {
    return clientFor(kind, server.url());
  }

  /** A builder of a client of this kind for the endpoint: the test token, short backoff. */
  static CodeArtsCheckClientBuilder<?, ?> clientFor(ClientKind kind, String endpoint) {
    return kind.builder()
        .endpoint(endpoint)
        .authToken(TOKEN)
        .retryBackoff(java.time.Duration.ofMillis(10), java.time.Duration.ofSeconds(3));
  }

  static LoggedRequest onlyRequest(WireMockServer server) {
    List<LoggedRequest> requests = server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests.size());
    }
    return requests.get(0);
  }

  /** The body of a docs example, as the openapi jar publishes it (META-INF/openapi/examples/). */
  static String example(String name) {
    try (java.io.InputStream in = LoopbackServer.class.getResourceAsStream("/META-INF/openapi/examples/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no example " + name + " in codearts-check-openapi");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
