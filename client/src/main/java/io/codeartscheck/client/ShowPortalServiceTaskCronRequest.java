package io.codeartscheck.client;

import io.codeartscheck.client.internal.ApiCall;
import io.codeartscheck.client.model.TaskCronResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * The request of {@code showPortalServiceTaskCron}: the schedule of a task (GET
 * /v1/tasks/{task_id}/taskcron).
 *
 * <pre>{@code
 * ShowPortalServiceTaskCronRequest request = ShowPortalServiceTaskCronRequest.builder()
 *     .taskId("fxxxx7ba3ae14a87a32b151bcbe20801")
 *     .operator("creator")      // optional
 *     .build();
 * }</pre>
 */
public final class ShowPortalServiceTaskCronRequest extends CodeArtsCheckRequest {
  private final String taskId;
  private final String operator;

  private ShowPortalServiceTaskCronRequest(Builder builder) {
    super(builder);
    this.taskId = builder.taskId;
    this.operator = builder.operator;
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
   * Returns the operator's user name ({@code operator}, header).
   *
   * @return the operator, or empty when not given
   */
  public Optional<String> operator() {
    return Optional.ofNullable(operator);
  }

  ApiCall<TaskCronResponse> apiCall() {
    return ApiCall.of(api -> api.showPortalServiceTaskCron(taskId, operator));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ShowPortalServiceTaskCronRequest)) {
      return false;
    }
    ShowPortalServiceTaskCronRequest that = (ShowPortalServiceTaskCronRequest) other;
    return Objects.equals(taskId, that.taskId) && Objects.equals(operator, that.operator)
        && sameOverrides(that);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, operator, overridesOrNull());
  }

  @Override
  public String toString() {
    return "ShowPortalServiceTaskCronRequest[taskId=" + taskId
        + (operator == null ? "" : ", operator=" + operator) + overridesText() + "]";
  }

  /** Builds a {@link ShowPortalServiceTaskCronRequest}. */
  public static final class Builder extends BaseBuilder<Builder> {
    private String taskId;
    private String operator;

    private Builder() {
    }

    private Builder(ShowPortalServiceTaskCronRequest request) {
      super(request);
      this.taskId = request.taskId;
      this.operator = request.operator;
    }

    /**
     * Sets the task id (required): 1 to 128 characters, returned by the API that creates a check
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
     * Sets the operator's user name, sent in the {@code operator} header: 1 to 128 printable
     * ASCII characters.
     *
     * @param operator the user name; null leaves the header out
     * @return this builder
     */
    public Builder operator(String operator) {
      this.operator = operator;
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
    public ShowPortalServiceTaskCronRequest build() {
      return new ShowPortalServiceTaskCronRequest(this);
    }
  }
}
