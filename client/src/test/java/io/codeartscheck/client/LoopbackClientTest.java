package io.codeartscheck.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;

/**
 * The fixture most client tests share: a WireMock server on loopback, emptied before each test,
 * and a client of the kind under test pointed at it, making one attempt per call. Subclasses are
 * {@link BothClients}: every test runs against the sync and the async client.
 */
abstract class LoopbackClientTest {
  static WireMockServer server;

  /** The client under test: sync or async. */
  @Parameter
  ClientKind kind;

  /** A client of that kind for the server, one attempt per call. */
  ClientUnderTest client;

  @BeforeAll
  static void startServer() {
    server = LoopbackServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void resetServerAndBuildClient() {
    server.resetAll();
    client = ClientUnderTest.of(builder().maxAttempts(1));
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  /** A builder of a client of the kind under test for the server. */
  CodeArtsCheckClientBuilder<?, ?> builder() {
    return LoopbackServer.clientFor(kind, server);
  }
}
