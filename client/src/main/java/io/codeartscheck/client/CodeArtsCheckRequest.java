package io.codeartscheck.client;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every request of the client has beside its operation's parameters: the optional
 * {@link RequestOverrides} of that one call. Requests are immutable and built with their
 * builders; a parameter not given is left out of the request (never sent as an empty value).
 */
public abstract sealed class CodeArtsCheckRequest permits ShowCodeHealthSvgRequest,
    RefreshPortalServiceJobResultRequest, ShowPortalServiceTaskCronRequest, StopTaskByIdV2Request,
    DeleteTaskV3Request {
  private final RequestOverrides overrides;

  CodeArtsCheckRequest(BaseBuilder<?> builder) {
    this.overrides = builder.overrides;
  }

  /**
   * Returns the settings of this call that replace the client's.
   *
   * @return the overrides, or empty when the call uses the client's settings
   */
  public Optional<RequestOverrides> overrides() {
    return Optional.ofNullable(overrides);
  }

  /** The overrides, or null, for the engine. */
  RequestOverrides overridesOrNull() {
    return overrides;
  }

  /** Whether the overrides are equal, for the requests' {@code equals}. */
  boolean sameOverrides(CodeArtsCheckRequest other) {
    return Objects.equals(overrides, other.overrides);
  }

  /** The overrides in a {@code toString()}, or nothing. */
  String overridesText() {
    return overrides == null ? "" : ", overrides=" + overrides;
  }

  /**
   * What every request builder has: the overrides of the call.
   *
   * @param <B> the builder's own type
   */
  public abstract static class BaseBuilder<B extends BaseBuilder<B>> {
    private RequestOverrides overrides;

    BaseBuilder() {
    }

    BaseBuilder(CodeArtsCheckRequest request) {
      this.overrides = request.overrides;
    }

    /**
     * Sets the settings of this call that replace the client's.
     *
     * @param overrides the overrides, or null for none
     * @return this builder
     */
    public B overrides(RequestOverrides overrides) {
      this.overrides = overrides;
      return self();
    }

    /**
     * Sets the settings of this call that replace the client's, through their builder.
     *
     * <pre>{@code
     * .overrides(o -> o.callTimeout(Duration.ofSeconds(30)).maxAttempts(1))
     * }</pre>
     *
     * @param overrides fills a fresh builder (or the overrides already set, to change them)
     * @return this builder
     * @throws IllegalArgumentException when a value is bad (see {@link RequestOverrides.Builder#build()})
     */
    public B overrides(Consumer<RequestOverrides.Builder> overrides) {
      RequestOverrides.Builder builder = this.overrides == null ? RequestOverrides.builder()
          : this.overrides.toBuilder();
      this.overrides = builder.apply(overrides).build();
      return self();
    }

    /** This builder, typed as its class. */
    abstract B self();
  }
}
