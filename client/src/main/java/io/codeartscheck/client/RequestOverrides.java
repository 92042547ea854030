package io.codeartscheck.client;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Settings for one call that replace the client's: timeouts, attempts and extra headers, without
 * building a second client. Given to a request's builder ({@code overrides(...)}); what is not
 * given keeps the client's value.
 *
 * <pre>{@code
 * client.refreshPortalServiceJobResult(r -> r
 *     .jobId("e5470ceb4d0440f198b56974xxxxxxxx")
 *     .async(false)
 *     .overrides(o -> o.callTimeout(Duration.ofMinutes(5)).maxAttempts(1)
 *         .header("X-Trace-Id", traceId)));
 * }</pre>
 *
 * <p>A derived timeout follows the overridden ones: when the client's attempt timeout is its
 * default (connect + read timeout), a longer read timeout here lengthens it for this call, and
 * likewise the default call timeout (3 minutes, or the attempt timeout if longer).
 */
public final class RequestOverrides {
  /** Headers the client sets itself, per attempt or per client; not accepted as extra headers. */
  private static final Set<String> RESERVED = Set.of("x-auth-token", "authorization",
      "x-sdk-date", "proxy-authorization", "host", "content-length", "transfer-encoding",
      "connection", "expect", "upgrade", "te", "user-agent", "accept", "accept-encoding");

  private final Duration readTimeout;
  private final Duration attemptTimeout;
  private final Duration callTimeout;
  private final Integer maxAttempts;
  private final Map<String, String> headers;

  private RequestOverrides(Builder builder) {
    this.readTimeout = builder.readTimeout;
    this.attemptTimeout = builder.attemptTimeout;
    this.callTimeout = builder.callTimeout;
    this.maxAttempts = builder.maxAttempts;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
  }

  /**
   * Starts a builder with nothing overridden.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with these values, to change some.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.readTimeout = readTimeout;
    builder.attemptTimeout = attemptTimeout;
    builder.callTimeout = callTimeout;
    builder.maxAttempts = maxAttempts;
    builder.headers.putAll(headers);
    return builder;
  }

  /**
   * Returns the read timeout of this call.
   *
   * @return the longest wait for the response headers of one attempt, or empty for the client's
   */
  public Optional<Duration> readTimeout() {
    return Optional.ofNullable(readTimeout);
  }

  /**
   * Returns the attempt timeout of this call.
   *
   * @return the longest one attempt may take, or empty for the client's
   */
  public Optional<Duration> attemptTimeout() {
    return Optional.ofNullable(attemptTimeout);
  }

  /**
   * Returns the call timeout of this call.
   *
   * @return the longest the call may take, or empty for the client's
   */
  public Optional<Duration> callTimeout() {
    return Optional.ofNullable(callTimeout);
  }

  /**
   * Returns the attempts of this call.
   *
   * @return the most requests the server may see, or empty for the client's
   */
  public OptionalInt maxAttempts() {
    return maxAttempts == null ? OptionalInt.empty() : OptionalInt.of(maxAttempts);
  }

  /**
   * Returns the extra headers of this call, sent with every attempt (and signed with AK/SK).
   *
   * @return header name to value, in the order given; unmodifiable
   */
  public Map<String, String> headers() {
    return headers;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RequestOverrides)) {
      return false;
    }
    RequestOverrides that = (RequestOverrides) other;
    return Objects.equals(readTimeout, that.readTimeout)
        && Objects.equals(attemptTimeout, that.attemptTimeout)
        && Objects.equals(callTimeout, that.callTimeout)
        && Objects.equals(maxAttempts, that.maxAttempts) && headers.equals(that.headers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(readTimeout, attemptTimeout, callTimeout, maxAttempts, headers);
  }

  /** Names the extra headers without their values, which may be secrets. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RequestOverrides[");
    String separator = "";
    if (readTimeout != null) {
      text.append("readTimeout=").append(readTimeout);
      separator = ", ";
    }
    if (attemptTimeout != null) {
      text.append(separator).append("attemptTimeout=").append(attemptTimeout);
      separator = ", ";
    }
    if (callTimeout != null) {
      text.append(separator).append("callTimeout=").append(callTimeout);
      separator = ", ";
    }
    if (maxAttempts != null) {
      text.append(separator).append("maxAttempts=").append(maxAttempts);
      separator = ", ";
    }
    if (!headers.isEmpty()) {
      text.append(separator).append("headers=").append(headers.keySet());
    }
    return text.append(']').toString();
  }

  /** Builds {@link RequestOverrides}; {@link #build()} checks every value. */
  public static final class Builder {
    private Duration readTimeout;
    private Duration attemptTimeout;
    private Duration callTimeout;
    private Integer maxAttempts;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Builder() {
    }

    /**
     * Sets how long each attempt of this call waits for the response headers.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    /**
     * Sets the longest one attempt of this call may take, headers and body.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = timeout;
      return this;
    }

    /**
     * Sets the longest this call may take, every attempt and wait included.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = timeout;
      return this;
    }

    /**
     * Sets the most requests the server may see for this call (1: no retry).
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Adds a header to every attempt of this call (a second value for the same name replaces
     * the first). Credentials, framing and the headers the client sets itself ({@code Accept},
     * {@code User-Agent}) cannot be given here.
     *
     * @param name a header name (an HTTP token)
     * @param value printable ASCII
     * @return this builder
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.keySet().removeIf(name::equalsIgnoreCase);
      headers.put(name, value);
      return this;
    }

    /**
     * Builds the overrides, checking every value.
     *
     * @return the overrides
     * @throws IllegalArgumentException on a non-positive or too long duration, fewer than one
     *     attempt, or a header that cannot or may not be sent
     */
    public RequestOverrides build() {
      if (readTimeout != null) {
        Checks.positive(readTimeout, "readTimeout");
      }
      if (attemptTimeout != null) {
        Checks.positive(attemptTimeout, "attemptTimeout");
      }
      if (callTimeout != null) {
        Checks.positive(callTimeout, "callTimeout");
      }
      if (maxAttempts != null && maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
      }
      for (Map.Entry<String, String> header : headers.entrySet()) {
        String name = header.getKey();
        if (!Checks.isHeaderName(name)) {
          throw new IllegalArgumentException("header name '" + name + "' is not an HTTP token");
        }
        if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("header '" + name + "' is set by the client "
              + "itself; it cannot be an extra header");
        }
        if (!Checks.isHeaderValue(header.getValue())) {
          throw new IllegalArgumentException("header '" + name + "': the value must be "
              + "printable ASCII (no CR, LF or other control or non-ASCII characters)");
        }
      }
      return new RequestOverrides(this);
    }

    /** Applies a consumer to this builder, for the {@code overrides(o -> ...)} forms. */
    Builder apply(Consumer<Builder> consumer) {
      consumer.accept(this);
      return this;
    }
  }
}
