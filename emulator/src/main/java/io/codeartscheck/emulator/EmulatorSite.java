package io.codeartscheck.emulator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the emulator serves beside the API, without a token: {@code /health}, the spec at
 * {@code /openapi.yaml} and Swagger UI at {@code /docs/} (from the webjar, offline).
 */
@Path("")
public class EmulatorSite {
    static final String SPEC = "META-INF/openapi/codearts-check.yaml";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String INITIALIZER = """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "../openapi.yaml",
                dom_id: "#swagger-ui",
                deepLinking: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl],
                layout: "StandaloneLayout"
              });
            };
            """;

    private final String spec;
    private final String webjar;

    /** Reads the spec and locates Swagger UI on the classpath. */
    public EmulatorSite() {
        this.spec = text(SPEC);
        Properties p = new Properties();
        try (InputStream in = Objects.requireNonNull(
                EmulatorSite.class.getResourceAsStream("emulator.properties"), "emulator.properties")) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.webjar = "META-INF/resources/webjars/swagger-ui/" + p.getProperty("swagger-ui.version") + "/";
    }

    /**
     * Answers 200 {@code {"status":"UP"}}.
     *
     * @return {@code {"status":"UP"}}
     */
    @GET
    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return "{\"status\":\"UP\"}";
    }

    /**
     * The spec, with this emulator listed first among its servers so "Try it out" calls it.
     *
     * @param uri the request URI, whose base becomes the first server
     * @return the spec as YAML
     */
    @GET
    @Path("/openapi.yaml")
    @Produces("application/yaml;charset=UTF-8")
    public String openapi(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/+$", "");
        return spec.replaceFirst("(?m)^servers:\\n",
                "servers:\n  - url: " + base + "\n    description: This emulator.\n");
    }

    /**
     * Sends {@code /} and {@code /docs} to Swagger UI.
     *
     * @return a redirect to {@code docs/}
     */
    @GET
    public Response root() {
        return Response.seeOther(URI.create("docs/")).build();
    }

    /**
     * Swagger UI's page at {@code /docs/}; {@code /docs} redirects there so relative links resolve.
     *
     * @param uri the request URI
     * @return Swagger UI's page, or a redirect to {@code docs/}
     */
    @GET
    @Path("/docs")
    public Response docs(@Context UriInfo uri) {
        if (!uri.getRequestUri().getRawPath().endsWith("/")) {
            return Response.seeOther(URI.create("docs/")).build();
        }
        return Response.ok(bytes(webjar + "index.html"), "text/html;charset=UTF-8").build();
    }

    /**
     * Swagger UI's scripts, styles and icons; the initializer points at {@code ../openapi.yaml}.
     *
     * @param file the file name
     * @return the file
     */
    @GET
    @Path("/docs/{file}")
    public Response docsFile(@PathParam("file") String file) {
        if (!FILE.matcher(file).matches()) {
            throw new NotFoundException();
        }
        if (file.equals("swagger-initializer.js")) {
            return Response.ok(INITIALIZER, "text/javascript;charset=UTF-8").build();
        }
        return Response.ok(bytes(webjar + file), mediaType(file)).build();
    }

    private static String mediaType(String file) {
        if (file.endsWith(".js")) {
            return "text/javascript;charset=UTF-8";
        } else if (file.endsWith(".css")) {
            return "text/css;charset=UTF-8";
        } else if (file.endsWith(".html")) {
            return "text/html;charset=UTF-8";
        } else if (file.endsWith(".png")) {
            return "image/png";
        }
        return MediaType.APPLICATION_OCTET_STREAM;
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = EmulatorSite.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NotFoundException();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }
}
