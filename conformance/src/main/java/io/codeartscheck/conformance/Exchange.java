package io.codeartscheck.conformance;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request and the response it got, as seen on the wire.
 *
 * @param method the request method, upper case
 * @param rawPath the request path as sent, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?}; empty when there is none
 * @param requestHeaders the request headers (names in any case)
 * @param requestBody the request body, or {@code null} when there is none
 * @param status the response status
 * @param responseHeaders the response headers (names in any case)
 * @param responseBody the response body as UTF-8 text, empty when there is none
 */
public record Exchange(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> requestHeaders,
    String requestBody,
    int status,
    Map<String, List<String>> responseHeaders,
    String responseBody) {

  /**
   * Checks the components that must be present.
   *
   * @param method the request method
   * @param rawPath the raw request path
   * @param rawQuery the raw query, or {@code null} for none
   * @param requestHeaders the request headers
   * @param requestBody the request body, or {@code null} for none
   * @param status the response status
   * @param responseHeaders the response headers
   * @param responseBody the response body, or {@code null} for none
   */
  public Exchange {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    rawQuery = rawQuery == null ? "" : rawQuery;
    requestHeaders = requestHeaders == null ? Map.of() : requestHeaders;
    responseHeaders = responseHeaders == null ? Map.of() : responseHeaders;
    responseBody = responseBody == null ? "" : responseBody;
  }

  /**
   * The first value of a response header, matched without regard to case, or {@code null}.
   *
   * @param name the header name
   * @return the first value, or {@code null}
   */
  public String responseHeader(String name) {
    return first(responseHeaders, name);
  }

  /**
   * The first value of a request header, matched without regard to case, or {@code null}.
   *
   * @param name the header name
   * @return the first value, or {@code null}
   */
  public String requestHeader(String name) {
    return first(requestHeaders, name);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return null;
  }

  /**
   * The request line, for messages: {@code PUT /v1/jobs/x/result/refresh?async=false}.
   *
   * @return the method, path and query
   */
  public String requestLine() {
    return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
  }
}
