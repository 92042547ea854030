package io.codeartscheck.conformance;

import io.undertow.Undertow;
import java.net.ServerSocket;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The TCK against the emulator hosted on RESTEasy (Undertow) over loopback. */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class ResteasyConformanceTest extends AbstractConformanceSuite {

  private UndertowJaxrsServer server;

  @Override
  protected ConformanceTarget target() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmulatorTarget emulatorTarget = new EmulatorTarget(SpecValidator.fromClasspath());
    server = new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    server.deploy(emulatorTarget.application());
    return emulatorTarget.target("the emulator on RESTEasy", "http://127.0.0.1:" + port);
  }

  @AfterAll
  void stopServer() {
    if (server != null) {
      server.stop();
    }
  }
}
