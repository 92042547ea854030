package io.codeartscheck.conformance;

import java.util.List;

/**
 * The server the suite checks: where it is, a token it accepts, optionally a token it rejects, the
 * {@link Fixtures} that put it in the state each case needs, and optionally the verdicts of a
 * {@link SpecValidationFilter} registered inside it.
 *
 * <pre>
 * ConformanceTarget target = ConformanceTarget.builder()
 *     .baseUrl("http://127.0.0.1:8080")
 *     .token("my-token")
 *     .rejectedToken("expired-token")          // optional: else the rejected-token case is skipped, saying why
 *     .fixtures(task -&gt; store.add(task))       // optional: else every case that needs data is skipped, saying why
 *     .build();
 * </pre>
 */
public final class ConformanceTarget {

  private final String name;
  private final String baseUrl;
  private final String token;
  private final String rejectedToken;
  private final Fixtures fixtures;
  private final SpecVerdicts serverVerdicts;

  private ConformanceTarget(Builder builder) {
    this.baseUrl = builder.baseUrl.replaceAll("/+$", "");
    this.name = builder.name == null ? this.baseUrl : builder.name;
    this.token = builder.token;
    this.rejectedToken = builder.rejectedToken;
    this.fixtures = builder.fixtures;
    this.serverVerdicts = builder.serverVerdicts;
  }

  /**
   * A builder; {@link Builder#baseUrl(String)} and {@link Builder#token(String)} are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  String name() {
    return name;
  }

  String baseUrl() {
    return baseUrl;
  }

  String token() {
    return token;
  }

  /** The rejected token, or {@code null} when none was given. */
  String rejectedToken() {
    return rejectedToken;
  }

  /** The fixtures, or {@code null} when none were given. */
  Fixtures fixtures() {
    return fixtures;
  }

  /** Whether the server's own verdicts are known ({@link Builder#serverVerdicts(SpecVerdicts)}). */
  boolean validatesServerSide() {
    return serverVerdicts != null;
  }

  /** The server-side verdicts since the last call; empty when they are not known. */
  List<SpecVerdict> serverVerdicts() {
    return serverVerdicts == null ? List.of() : serverVerdicts.drain();
  }

  @Override
  public String toString() {
    return name;
  }

  /** Builds a {@link ConformanceTarget}; {@link #build()} says what is missing. */
  public static final class Builder {
    private String name;
    private String baseUrl;
    private String token;
    private String rejectedToken;
    private Fixtures fixtures;
    private SpecVerdicts serverVerdicts;

    private Builder() {
    }

    /**
     * The server's base URL, without the API's paths: {@code http://127.0.0.1:8080}.
     *
     * @param baseUrl the base URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * A token the server accepts in {@code X-Auth-Token}.
     *
     * @param token the token
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * A non-blank token the server answers 401 (for example an expired one). Without it, the
     * case that sends a rejected token is skipped, and the report says so.
     *
     * @param rejectedToken the token, or {@code null} for none
     * @return this builder
     */
    public Builder rejectedToken(String rejectedToken) {
      this.rejectedToken = rejectedToken;
      return this;
    }

    /**
     * What puts the server in the state each case needs. Without fixtures, every case that needs
     * data is skipped, and the report says so.
     *
     * @param fixtures the fixtures, or {@code null} for none
     * @return this builder
     */
    public Builder fixtures(Fixtures fixtures) {
      this.fixtures = fixtures;
      return this;
    }

    /**
     * The verdicts of a {@link SpecValidationFilter} registered in the server under test (in this
     * JVM): then every exchange must also conform as the server saw it.
     *
     * @param serverVerdicts the collector the filter writes to, or {@code null}
     * @return this builder
     */
    public Builder serverVerdicts(SpecVerdicts serverVerdicts) {
      this.serverVerdicts = serverVerdicts;
      return this;
    }

    /**
     * A name for the report line; the base URL by default.
     *
     * @param name the name, for example {@code "my server on Quarkus"}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Builds the target.
     *
     * @return the target
     * @throws IllegalStateException when the base URL or the token is missing, or the rejected
     *     token is the accepted one
     */
    public ConformanceTarget build() {
      if (baseUrl == null || !baseUrl.matches("https?://[^/?#]+(/[^?#]*)?")) {
        throw new IllegalStateException("baseUrl: give the server's base URL, such as http://127.0.0.1:8080 (was "
            + baseUrl + ")");
      }
      if (token == null || token.isBlank()) {
        throw new IllegalStateException("token: give a token the server accepts");
      }
      if (rejectedToken != null && (rejectedToken.isBlank() || rejectedToken.equals(token))) {
        throw new IllegalStateException("rejectedToken: give a non-blank token the server answers 401, not the accepted one");
      }
      return new ConformanceTarget(this);
    }
  }
}
