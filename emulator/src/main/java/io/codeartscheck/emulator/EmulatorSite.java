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
    /** Swagger UI's start-up script, with the openapi module's plugins (the badge example as SVG text). */
    private static final String INITIALIZER = text("META-INF/openapi/docs/swagger-ui-plugins.js") + """
            window.onload = function () {
              window.ui = SwaggerUIBundle({
                url: "../openapi.yaml",
                dom_id: "#swagger-ui",
                deepLinking: true,
                presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                plugins: [SwaggerUIBundle.plugins.DownloadUrl, CodeArtsCheckSwaggerUi.SvgExamplesAsText],
                layout: "StandaloneLayout"
              });
            };
            """;

    private final String spec;
    private final java.util.function.Supplier<String> serverUrl;
    private volatile String served;
    private final String webjar;

    /**
     * Reads the spec and locates Swagger UI on the classpath.
     *
     * @param serverUrl listed first under the spec's {@code servers}: this emulator's URL, or {@code /}
     */
    EmulatorSite(java.util.function.Supplier<String> serverUrl) {
        this.spec = text(SPEC);
        this.serverUrl = serverUrl;
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
     * @return the body
     */
    @GET
    @Path("/health")
    @Produces(MediaType.APPLICATION_JSON)
    public String health() {
        return "{\"status\":\"UP\"}";
    }

    /**
     * The spec, with this emulator listed first among its servers so "Try it out" calls it; the
     * URL is the one configured, never the request's {@code Host}.
     *
     * @return the YAML text
     */
    @GET
    @Path("/openapi.yaml")
    @Produces("application/yaml;charset=UTF-8")
    public String openapi() {
        String url = serverUrl.get();
        String page = served;
        if (page == null || !page.contains("  - url: " + url + "\n    description: This emulator.\n")) {
            page = spec.replaceFirst("(?m)^servers:\n", java.util.regex.Matcher.quoteReplacement(
                    "servers:\n  - url: " + url + "\n    description: This emulator.\n"));
            served = page;
        }
        return page;
    }

    /**
     * Sends {@code /} to Swagger UI.
     *
     * @return 303 to {@code docs/}
     */
    @GET
    public Response root() {
        return Response.seeOther(URI.create("docs/")).build();
    }

    /**
     * Swagger UI's page at {@code /docs/}; {@code /docs} redirects there so relative links resolve.
     *
     * @param uri the request's URI
     * @return the page, or 303 to {@code docs/}
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
