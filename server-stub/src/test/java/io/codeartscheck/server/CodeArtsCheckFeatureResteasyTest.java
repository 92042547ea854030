package io.codeartscheck.server;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

import java.net.ServerSocket;
import java.net.URI;

/** {@link CodeArtsCheckFeature} on RESTEasy (Undertow). */
class CodeArtsCheckFeatureResteasyTest extends AbstractFeatureTest {
    private UndertowJaxrsServer server;

    @Override
    URI start(Application application) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
        server.deploy(application);
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    void stop() {
        server.stop();
    }
}
