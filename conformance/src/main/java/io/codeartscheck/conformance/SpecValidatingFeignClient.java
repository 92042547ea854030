package io.codeartscheck.conformance;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Feign {@link Client} that judges every exchange the client makes against the spec, on the
 * client's side of the wire, then hands the response on unchanged.
 *
 * <pre>{@code
 * SpecVerdicts verdicts = new SpecVerdicts();
 * Client transport = new SpecValidatingFeignClient(new Client.Default(null, null), spec, verdicts);
 * }</pre>
 */
public final class SpecValidatingFeignClient implements Client {

  private final Client delegate;
  private final SpecValidator spec;
  private final SpecVerdicts verdicts;

  /**
   * Wraps {@code delegate}, judging with {@code spec} and recording into {@code verdicts}.
   *
   * @param delegate the client that sends the requests
   * @param spec the validator
   * @param verdicts where the verdicts go
   */
  public SpecValidatingFeignClient(Client delegate, SpecValidator spec, SpecVerdicts verdicts) {
    this.delegate = delegate;
    this.spec = spec;
    this.verdicts = verdicts;
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    Response response = delegate.execute(request, options);
    byte[] body;
    if (response.body() == null) {
      body = new byte[0];
    } else {
      try (InputStream in = response.body().asInputStream()) {
        body = in.readAllBytes();
      }
    }
    URI uri = URI.create(request.url());
    String requestBody = request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8);
    verdicts.add(spec.judge(new Exchange(request.httpMethod().name(), uri.getRawPath(), uri.getRawQuery(),
        lists(request.headers()), requestBody, response.status(), lists(response.headers()),
        new String(body, StandardCharsets.UTF_8))));
    return response.toBuilder().body(body).build();
  }

  private static Map<String, List<String>> lists(Map<String, Collection<String>> headers) {
    Map<String, List<String>> lists = new LinkedHashMap<>();
    headers.forEach((name, values) -> lists.put(name, new ArrayList<>(values)));
    return lists;
  }
}
