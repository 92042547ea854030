package io.codeartscheck.emulator;

import io.undertow.Undertow;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

import java.net.ServerSocket;
import java.net.URI;

/** The same behaviour with {@link EmulatorApplication} hosted on RESTEasy (Undertow). */
class EmulatorApplicationResteasyTest extends AbstractEmulatorTest {
    private UndertowJaxrsServer server;

    @Override
    URI start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
        server.deploy(new EmulatorApplication());
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    String expectedServerUrl() {
        return "/"; // hosted elsewhere, the application does not know its URL: relative to the spec's own
    }

    @Override
    void stop() {
        server.stop();
    }
}
