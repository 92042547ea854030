package io.codeartscheck.client;

import io.codeartscheck.client.internal.ApiCall;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * The request of {@code refreshPortalServiceJobResult}: refresh a check report and return it (PUT
 * /v1/jobs/{job_id}/result/refresh).
 *
 * <pre>{@code
 * RefreshPortalServiceJobResultRequest request = RefreshPortalServiceJobResultRequest.builder()
 *     .jobId("e5470ceb4d0440f198b56974xxxxxxxx")
 *     .async(false)             // refresh now and return the report; default: in the background
 *     .build();
 * // PUT /v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false
 * }</pre>
 *
 * <p>Without a task id the request carries {@code task_id=} (empty), as the docs' example does;
 * the service reads that as "not given" and refreshes the report of the execution record. Without
 * {@code async} the parameter is left out and the service refreshes in the background
 * ({@code async=true}, its default), returning no report.
 */
public final class RefreshPortalServiceJobResultRequest extends CodeArtsCheckRequest {
  private final String jobId;
  private final String taskId;
  private final Boolean async;

  private RefreshPortalServiceJobResultRequest(Builder builder) {
    super(builder);
    this.jobId = builder.jobId;
    this.taskId = builder.taskId;
    this.async = builder.async;
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
   * Returns the execution record ({@code job_id}, path).
   *
   * @return the job id, or null when not set (the call then fails its argument check)
   */
  public String jobId() {
    return jobId;
  }

  /**
   * Returns the task whose latest report is refreshed instead ({@code task_id}, query).
   *
   * @return the task id, or empty when not given (the report of the execution record)
   */
  public Optional<String> taskId() {
    return Optional.ofNullable(taskId);
  }

  /**
   * Returns whether the refresh runs in the background ({@code async}, query).
   *
   * @return {@code false} to refresh now and return the report, {@code true} to refresh in the
   *     background; empty when not given (the service's default, {@code true})
   */
  public Optional<Boolean> async() {
    return Optional.ofNullable(async);
  }

  ApiCall<RefreshJobResultResponse> apiCall() {
    // "not given" goes on the wire as task_id= (empty), the form of the docs' example request
    String wireTaskId = taskId == null ? "" : taskId;
    String wireAsync = async == null ? null : async.toString();
    return ApiCall.of(api -> api.refreshPortalServiceJobResult(jobId, wireTaskId, wireAsync));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof RefreshPortalServiceJobResultRequest)) {
      return false;
    }
    RefreshPortalServiceJobResultRequest that = (RefreshPortalServiceJobResultRequest) other;
    return Objects.equals(jobId, that.jobId) && Objects.equals(taskId, that.taskId)
        && Objects.equals(async, that.async) && sameOverrides(that);
  }

  @Override
  public int hashCode() {
    return Objects.hash(jobId, taskId, async, overridesOrNull());
  }

  @Override
  public String toString() {
    return "RefreshPortalServiceJobResultRequest[jobId=" + jobId
        + (taskId == null ? "" : ", taskId=" + taskId)
        + (async == null ? "" : ", async=" + async) + overridesText() + "]";
  }

  /** Builds a {@link RefreshPortalServiceJobResultRequest}. */
  public static final class Builder extends BaseBuilder<Builder> {
    private String jobId;
    private String taskId;
    private Boolean async;

    private Builder() {
    }

    private Builder(RefreshPortalServiceJobResultRequest request) {
      super(request);
      this.jobId = request.jobId;
      this.taskId = request.taskId;
      this.async = request.async;
    }

    /**
     * Sets the execution record (required): the unique id of a version or quality gate scan.
     *
     * @param jobId the job id
     * @return this builder
     */
    public Builder jobId(String jobId) {
      this.jobId = jobId;
      return this;
    }

    /**
     * Sets a task whose latest successful version-level report is refreshed instead of the
     * execution record's: at most 32 characters.
     *
     * @param taskId the task id; null for none (then {@code task_id=} is sent, as in the docs)
     * @return this builder
     */
    public Builder taskId(String taskId) {
      this.taskId = taskId;
      return this;
    }

    /**
     * Sets whether the refresh runs in the background: {@code false} refreshes now and returns
     * the report in {@code result}; {@code true} (the service's default) returns no report. Sent
     * as {@code async=true} or {@code async=false}.
     *
     * @param async whether to refresh in the background
     * @return this builder
     */
    public Builder async(boolean async) {
      this.async = async;
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
    public RefreshPortalServiceJobResultRequest build() {
      return new RefreshPortalServiceJobResultRequest(this);
    }
  }
}
