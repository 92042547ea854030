package io.codeartscheck.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The fixture most client tests share: a WireMock server on loopback, emptied before each test,
 * and a client pointed at it that makes one attempt per call.
 */
abstract class LoopbackClientTest {
  static WireMockServer server;
  static CodeArtsCheckClient client;

  @BeforeAll
  static void startServerAndClient() {
    server = LoopbackServer.start();
    client = LoopbackServer.clientFor(server).maxAttempts(1).build();
  }

  @AfterAll
  static void stopServerAndClient() {
    client.close();
    server.stop();
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }
}
