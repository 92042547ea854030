package io.codeartscheck.conformance;

import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The conformance suite against the emulator hosted on Jersey (JDK HTTP server) over loopback. */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class JerseyConformanceTest extends AbstractConformanceSuite {

  private HttpServer server;

  @Override
  ConformanceTarget start() {
    EmulatorTarget target = new EmulatorTarget(SPEC);
    server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
        ResourceConfig.forApplication(target.application()));
    target.baseUrl("http://127.0.0.1:" + server.getAddress().getPort());
    return target;
  }

  @Override
  void stop() {
    server.stop(0);
  }

  @Override
  String targetName() {
    return "the emulator on Jersey";
  }
}
