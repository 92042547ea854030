package io.codeartscheck.conformance;

import io.undertow.Undertow;
import java.net.ServerSocket;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The conformance suite against the emulator hosted on RESTEasy (Undertow) over loopback. */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class ResteasyConformanceTest extends AbstractConformanceSuite {

  private UndertowJaxrsServer server;

  @Override
  ConformanceTarget start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmulatorTarget target = new EmulatorTarget(SPEC);
    server = new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
    server.deploy(target.application());
    target.baseUrl("http://127.0.0.1:" + port);
    return target;
  }

  @Override
  void stop() {
    server.stop();
  }

  @Override
  String targetName() {
    return "the emulator on RESTEasy";
  }
}
