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
 * Sends requests as raw HTTP, exactly as derived from a case (the path and query are not encoded
 * again), so the wire is checked byte for byte.
 */
final class RawHttpRunner {

  /**
   * A request as it goes on the wire.
   *
   * @param method the HTTP method
   * @param rawPath the path, percent-encoded as sent
   * @param rawQuery the query without {@code ?}, empty when there is none
   * @param headers the headers, in the order sent
   */
  record WireRequest(String method, String rawPath, String rawQuery, Map<String, String> headers) {
    /** The request line, for messages. */
    String requestLine() {
      return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();
  private final String baseUrl;

  /** A runner for the server at {@code baseUrl}. */
  RawHttpRunner(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** Sends one request and returns the exchange as seen by the client. */
  Exchange send(WireRequest request) throws IOException, InterruptedException {
    String query = request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery();
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.rawPath() + query))
        .timeout(Duration.ofSeconds(30))
        .method(request.method(), HttpRequest.BodyPublishers.noBody());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> {
      builder.header(name, value);
      headers.put(name, List.of(value));
    });
    HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Exchange(request.method(), URI.create(baseUrl + request.rawPath()).getRawPath(), request.rawQuery(),
        headers, null, response.statusCode(), response.headers().map(), response.body());
  }
}
