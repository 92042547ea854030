package io.codeartscheck.server;

import io.undertow.Undertow;
import jakarta.ws.rs.core.Application;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;

import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** {@link CodeArtsCheckFeature} on RESTEasy (Undertow). */
class CodeArtsCheckFeatureResteasyTest extends AbstractFeatureTest {
    private final List<UndertowJaxrsServer> servers = new ArrayList<>();

    @Override
    URI start(Application application) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        UndertowJaxrsServer server = new UndertowJaxrsServer().start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
        servers.add(server);
        server.deploy(application);
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    void stop() {
        servers.forEach(UndertowJaxrsServer::stop);
    }
}
