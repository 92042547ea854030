package io.codeartscheck.client;

import io.codeartscheck.client.internal.ApiCall;
import java.util.Objects;
import java.util.Optional;

/**
 * The request of {@code showCodeHealthSvg}: the code health badge of a task (GET
 * /v4/task/{task_id}/code-health-svg).
 *
 * <pre>{@code
 * ShowCodeHealthSvgRequest request = ShowCodeHealthSvgRequest.builder()
 *     .taskId("aexxxx86")
 *     .locale(BadgeLocale.EN_US)                      // optional
 *     .jobId("e5470ceb4d0440f198b56974xxxxxxxx")      // optional: default, the last successful check
 *     .build();
 * }</pre>
 */
public final class ShowCodeHealthSvgRequest extends CodeArtsCheckRequest {
  private final String taskId;
  private final BadgeLocale locale;
  private final String jobId;

  private ShowCodeHealthSvgRequest(Builder builder) {
    super(builder);
    this.taskId = builder.taskId;
    this.locale = builder.locale;
    this.jobId = builder.jobId;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder with this request's values, to change some.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the task id ({@code task_id}, path).
   *
   * @return the task id, or null when not set (the call then fails its argument check)
   */
  public String taskId() {
    return taskId;
  }

  /**
   * Returns the language of the badge text ({@code locale}, query).
   *
   * @return the locale, or empty when not given (the server's default)
   */
  public Optional<BadgeLocale> locale() {
    return Optional.ofNullable(locale);
  }

  /**
   * Returns the execution record ({@code job_id}, query).
   *
   * @return the job id, or empty for the last successful version-level check of the task
   */
  public Optional<String> jobId() {
    return Optional.ofNullable(jobId);
  }

  ApiCall<String> apiCall() {
    String wireLocale = locale == null ? null : locale.wireValue();
    return ApiCall.of(api -> api.showCodeHealthSvg(taskId, wireLocale, jobId));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ShowCodeHealthSvgRequest)) {
      return false;
    }
    ShowCodeHealthSvgRequest that = (ShowCodeHealthSvgRequest) other;
    return Objects.equals(taskId, that.taskId) && locale == that.locale
        && Objects.equals(jobId, that.jobId) && sameOverrides(that);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, locale, jobId, overridesOrNull());
  }

  @Override
  public String toString() {
    return "ShowCodeHealthSvgRequest[taskId=" + taskId
        + (locale == null ? "" : ", locale=" + locale)
        + (jobId == null ? "" : ", jobId=" + jobId) + overridesText() + "]";
  }

  /** Builds a {@link ShowCodeHealthSvgRequest}. */
  public static final class Builder extends BaseBuilder<Builder> {
    private String taskId;
    private BadgeLocale locale;
    private String jobId;

    private Builder() {
    }

    private Builder(ShowCodeHealthSvgRequest request) {
      super(request);
      this.taskId = request.taskId;
      this.locale = request.locale;
      this.jobId = request.jobId;
    }

    /**
     * Sets the task id (required): 1 to 32 characters, returned by the API that creates a check
     * task.
     *
     * @param taskId the task id
     * @return this builder
     */
    public Builder taskId(String taskId) {
      this.taskId = taskId;
      return this;
    }

    /**
     * Sets the language of the badge text.
     *
     * @param locale {@link BadgeLocale#ZH_CN} or {@link BadgeLocale#EN_US}; null leaves it out
     * @return this builder
     */
    public Builder locale(BadgeLocale locale) {
      this.locale = locale;
      return this;
    }

    /**
     * Sets the execution record whose badge is drawn: 1 to 64 characters, an execution record of
     * the task.
     *
     * @param jobId the job id; null leaves it out (the last successful version-level check)
     * @return this builder
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public ShowCodeHealthSvgRequest build() {
      return new ShowCodeHealthSvgRequest(this);
    }
  }
}
