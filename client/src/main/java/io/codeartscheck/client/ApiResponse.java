package io.codeartscheck.client;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer of a successful call with what support tickets and diagnostics need: the HTTP
 * status, the response headers and the service's {@code X-Request-Id}, beside the decoded body.
 * Returned by the clients' {@code withRawResponse()} views; the plain methods return the body
 * alone and build none of this.
 *
 * <pre>{@code
 * ApiResponse<TaskCronResponse> response =
 *     client.withRawResponse().showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801");
 * log.info("schedule read, request id {}", response.requestId().orElse("none"));
 * TaskCronResponse cron = response.body();
 * }</pre>
 *
 * @param <T> the type of the body: a model, the badge's {@code String}, or {@code Void} for stop
 */
public final class ApiResponse<T> {
  private final int statusCode;
  private final Map<String, List<String>> headers;
  private final T body;

  private ApiResponse(int statusCode, Map<String, List<String>> headers, T body) {
    this.statusCode = statusCode;
    this.headers = headers;
    this.body = body;
  }

  /**
   * Creates a response, e.g. for a test double of a client.
   *
   * @param statusCode the HTTP status
   * @param headers the response headers, names in any case
   * @param body the decoded body, or null (stop)
   * @param <T> the body's type
   * @return the response; its headers are a copy, looked up without regard to case
   */
  public static <T> ApiResponse<T> of(int statusCode, Map<String, List<String>> headers, T body) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
      List<String> merged = new java.util.ArrayList<>(a);
      merged.addAll(b);
      return List.copyOf(merged);
    }));
    return new ApiResponse<>(statusCode, Collections.unmodifiableMap(copy), body);
  }

  /**
   * Returns the HTTP status, a 2xx.
   *
   * @return the status, e.g. 200
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns every response header; names are looked up without regard to case.
   *
   * @return the headers, unmodifiable
   */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return its first value, or empty when the response has none
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Returns the service's request id ({@code X-Request-Id}): quote it in a support ticket.
   *
   * @return the request id, or empty when the response carries none
   */
  public Optional<String> requestId() {
    return header("X-Request-Id");
  }

  /**
   * Returns the decoded body, as the plain method returns it.
   *
   * @return the body; null for stop, whose body is the JSON literal {@code null}
   */
  public T body() {
    return body;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ApiResponse && ((ApiResponse<?>) other).statusCode == statusCode
        && ((ApiResponse<?>) other).headers.equals(headers)
        && Objects.equals(((ApiResponse<?>) other).body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(statusCode, headers, body);
  }

  @Override
  public String toString() {
    return "ApiResponse[status=" + statusCode + ", requestId=" + requestId().orElse("none")
        + ", body=" + body + "]";
  }
}
