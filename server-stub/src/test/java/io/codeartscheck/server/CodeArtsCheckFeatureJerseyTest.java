package io.codeartscheck.server;

import com.sun.net.httpserver.HttpServer;
import jakarta.ws.rs.core.Application;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.net.URI;

/** {@link CodeArtsCheckFeature} on Jersey (JDK HTTP server). */
class CodeArtsCheckFeatureJerseyTest extends AbstractFeatureTest {
    private HttpServer server;

    @Override
    URI start(Application application) {
        server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"),
                ResourceConfig.forApplication(application));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    void stop() {
        server.stop(0);
    }
}
