package io.codeartscheck.conformance;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
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

/**
 * A JAX-RS provider that judges every exchange a server makes against the spec, on the server's
 * side of the wire: the request as it arrived and the response as it was written.
 *
 * <p>It changes nothing; verdicts go to a {@link SpecVerdicts} that the test reads. Portable across
 * JAX-RS runtimes (Jersey and RESTEasy): it uses only standard filter and interceptor contracts.
 * Register it with a priority that puts it outside every other filter, so it sees the request
 * before authentication answers and the response after every other filter wrote it.
 */
@PreMatching
public final class SpecValidationFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

  private static final String REQUEST = SpecValidationFilter.class.getName() + ".request";
  private static final String RESPONSE = SpecValidationFilter.class.getName() + ".response";

  private final SpecValidator spec;
  private final SpecVerdicts verdicts;

  /** A filter that judges with {@code spec} and records into {@code verdicts}. */
  public SpecValidationFilter(SpecValidator spec, SpecVerdicts verdicts) {
    this.spec = spec;
    this.verdicts = verdicts;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    URI uri = request.getUriInfo().getRequestUri();
    String rawQuery = uri.getRawQuery();
    request.setProperty(REQUEST, new Exchange(request.getMethod(), uri.getRawPath(), rawQuery,
        copy(request.getHeaders()), null, 0, null, null));
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Exchange seen = (Exchange) request.getProperty(REQUEST);
    if (seen == null) {
      return;
    }
    Exchange answered = new Exchange(seen.method(), seen.rawPath(), seen.rawQuery(), seen.requestHeaders(),
        seen.requestBody(), response.getStatus(), null, null);
    request.removeProperty(REQUEST);
    if (response.hasEntity()) {
      // The body is written later: the writer interceptor, which shares these properties, judges it.
      request.setProperty(RESPONSE, answered);
    } else {
      verdicts.add(spec.judge(withResponse(answered, stringHeaders(response.getStringHeaders()), "")));
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    Exchange answered = (Exchange) context.getProperty(RESPONSE);
    if (answered == null) {
      context.proceed();
      return;
    }
    context.removeProperty(RESPONSE);
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    OutputStream original = context.getOutputStream();
    context.setOutputStream(new FilterOutputStream(original) {
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
    });
    try {
      context.proceed();
    } finally {
      context.setOutputStream(original);
      Map<String, List<String>> headers = objectHeaders(context.getHeaders());
      if (context.getMediaType() != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
        headers.put("Content-Type", List.of(context.getMediaType().toString()));
      }
      verdicts.add(spec.judge(withResponse(answered, headers, copy.toString(StandardCharsets.UTF_8))));
    }
  }

  private static Exchange withResponse(Exchange e, Map<String, List<String>> headers, String body) {
    return new Exchange(e.method(), e.rawPath(), e.rawQuery(), e.requestHeaders(), e.requestBody(), e.status(),
        headers, body);
  }

  private static Map<String, List<String>> copy(MultivaluedMap<String, String> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return copy;
  }

  private static Map<String, List<String>> stringHeaders(MultivaluedMap<String, String> headers) {
    return copy(headers);
  }

  private static Map<String, List<String>> objectHeaders(MultivaluedMap<String, Object> headers) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((name, values) -> {
      List<String> strings = new ArrayList<>();
      values.forEach(v -> strings.add(String.valueOf(v)));
      copy.put(name, strings);
    });
    return copy;
  }
}
