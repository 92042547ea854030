package io.codeartscheck.server;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** {@link CodeArtsCheckFeature} on Jersey (JDK HTTP server). */
class CodeArtsCheckFeatureJerseyTest extends AbstractFeatureTest {
    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    URI start(Application application) {
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                ResourceConfig.forApplication(application));
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    void stop() {
        servers.forEach(server -> server.stop(0));
    }
}
