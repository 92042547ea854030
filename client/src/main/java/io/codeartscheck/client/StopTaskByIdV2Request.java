package io.codeartscheck.client;

import io.codeartscheck.client.internal.ApiCall;
import java.util.Objects;

/**
 * The request of {@code stopTaskByIdV2}: stop the running check of a task (POST
 * /v2/tasks/{task_id}/stop).
 *
 * <pre>{@code
 * StopTaskByIdV2Request request = StopTaskByIdV2Request.builder()
 *     .taskId("2b31ed520xxxxxxebedb6e57xxxxxxxx")
 *     .build();
 * }</pre>
 */
public final class StopTaskByIdV2Request extends CodeArtsCheckRequest {
  private final String taskId;

  private StopTaskByIdV2Request(Builder builder) {
    super(builder);
    this.taskId = builder.taskId;
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

  ApiCall<Void> apiCall() {
    return ApiCall.of(api -> {
      api.stopTaskByIdV2(taskId); // the service answers the JSON literal null
      return null;
    });
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StopTaskByIdV2Request
        && Objects.equals(taskId, ((StopTaskByIdV2Request) other).taskId)
        && sameOverrides((StopTaskByIdV2Request) other);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, overridesOrNull());
  }

  @Override
  public String toString() {
    return "StopTaskByIdV2Request[taskId=" + taskId + overridesText() + "]";
  }

  /** Builds a {@link StopTaskByIdV2Request}. */
  public static final class Builder extends BaseBuilder<Builder> {
    private String taskId;

    private Builder() {
    }

    private Builder(StopTaskByIdV2Request request) {
      super(request);
      this.taskId = request.taskId;
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

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the request.
     *
     * @return the request
     */
    public StopTaskByIdV2Request build() {
      return new StopTaskByIdV2Request(this);
    }
  }
}
