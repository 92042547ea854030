package io.codeartscheck.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends a case's requests as raw HTTP, exactly as written in the case file (path and query are not
 * re-encoded), so the wire is checked byte for byte.
 */
public final class RawHttpRunner {

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private final String baseUrl;
  private final String token;

  /**
   * A runner for the server at {@code baseUrl} (no trailing slash) that sends {@code token}.
   *
   * @param baseUrl the server's base URL
   * @param token the token sent as {@code X-Auth-Token}
   */
  public RawHttpRunner(String baseUrl, String token) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
  }

  /**
   * Sends one request and returns the exchange as seen by the client.
   *
   * @param request the request
   * @return the request and the response
   * @throws IOException if the request cannot be sent or the response read
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  public Exchange send(ConformanceCase.Request request) throws IOException, InterruptedException {
    String query = request.query().isEmpty() ? "" : "?" + request.query();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (!request.noToken() && request.headers().keySet().stream().noneMatch("X-Auth-Token"::equalsIgnoreCase)) {
      headers.put("X-Auth-Token", List.of(token));
    }
    request.headers().forEach((name, value) -> headers.put(name, List.of(value.replace("${token}", token))));
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.path() + query))
        .timeout(Duration.ofSeconds(30))
        .method(request.method(), request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Exchange(request.method(), URI.create(baseUrl + request.path()).getRawPath(), request.query(),
        headers, request.body(), response.statusCode(), response.headers().map(), response.body());
  }
}
