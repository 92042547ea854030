package io.codeartscheck.conformance;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JAX-RS provider that judges every exchange a server makes against the spec, on the server's
 * side of the wire: the request as it arrived and the response as it was written.
 *
 * <p>It changes nothing; verdicts go to a {@link SpecVerdicts} that the test reads. Portable across
 * JAX-RS runtimes (Jersey and RESTEasy): it uses only the standard filter contracts, and reads the
 * response body through the entity stream, judging once the runtime has written and closed it.
 * Its priority puts it outside every other filter: it sees the request before authentication
 * answers, and the response after every other filter changed it.
 */
@Provider
@PreMatching
@Priority(1)
public final class SpecValidationFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String REQUEST = SpecValidationFilter.class.getName() + ".request";

  private final SpecValidator spec;
  private final SpecVerdicts verdicts;

  /**
   * A filter that judges with {@code spec} and records into {@code verdicts}.
   *
   * @param spec the validator
   * @param verdicts where the verdicts go
   */
  public SpecValidationFilter(SpecValidator spec, SpecVerdicts verdicts) {
    this.spec = spec;
    this.verdicts = verdicts;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    URI uri = request.getUriInfo().getRequestUri();
    request.setProperty(REQUEST, new Exchange(request.getMethod(), uri.getRawPath(), uri.getRawQuery(),
        copy(request.getHeaders()), null, 0, null, null));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Exchange seen = (Exchange) request.getProperty(REQUEST);
    if (seen == null) {
      return;
    }
    request.removeProperty(REQUEST);
    if (!response.hasEntity()) {
      verdicts.add(spec.judge(answered(seen, response, "")));
      return;
    }
    // The body is written after the filters: copy it as it goes out, judge when it is complete.
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    AtomicBoolean judged = new AtomicBoolean();
    response.setEntityStream(new FilterOutputStream(response.getEntityStream()) {
      @Override
      public void write(int b) throws IOException {
        copy.write(b);
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        copy.write(b, off, len);
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          if (judged.compareAndSet(false, true)) {
            verdicts.add(spec.judge(answered(seen, response, copy.toString(StandardCharsets.UTF_8))));
          }
        }
      }
    });
  }

  private static Exchange answered(Exchange seen, ContainerResponseContext response, String body) {
    Map<String, List<String>> headers = copy(response.getStringHeaders());
    if (response.getMediaType() != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
      headers.put("Content-Type", List.of(response.getMediaType().toString()));
    }
    return new Exchange(seen.method(), seen.rawPath(), seen.rawQuery(), seen.requestHeaders(), seen.requestBody(),
        response.getStatus(), headers, body);
  }

  private static Map<String, List<String>> copy(MultivaluedMap<String, String> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return copy;
  }
}
