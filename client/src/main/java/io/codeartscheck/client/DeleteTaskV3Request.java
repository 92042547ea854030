package io.codeartscheck.client;

import io.codeartscheck.client.internal.ApiCall;
import io.codeartscheck.client.model.DeleteTaskResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * The request of {@code deleteTaskV3}: delete a task with its configuration, issues and execution
 * records (DELETE /v3/task/{task_id}).
 *
 * <pre>{@code
 * DeleteTaskV3Request request = DeleteTaskV3Request.builder()
 *     .taskId("897acf5exxx48a5013cd")
 *     .operator("creator")      // optional
 *     .build();
 * }</pre>
 */
public final class DeleteTaskV3Request extends CodeArtsCheckRequest {
  private final String taskId;
  private final String operator;

  private DeleteTaskV3Request(Builder builder) {
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
   * Returns the operator who deletes the task ({@code operator}, header).
   *
   * @return the operator, or empty when not given
   */
  public Optional<String> operator() {
    return Optional.ofNullable(operator);
  }

  ApiCall<DeleteTaskResponse> apiCall() {
    return ApiCall.of(api -> api.deleteTaskV3(taskId, operator));
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DeleteTaskV3Request)) {
      return false;
    }
    DeleteTaskV3Request that = (DeleteTaskV3Request) other;
    return Objects.equals(taskId, that.taskId) && Objects.equals(operator, that.operator)
        && sameOverrides(that);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taskId, operator, overridesOrNull());
  }

  @Override
  public String toString() {
    return "DeleteTaskV3Request[taskId=" + taskId
        + (operator == null ? "" : ", operator=" + operator) + overridesText() + "]";
  }

  /** Builds a {@link DeleteTaskV3Request}. */
  public static final class Builder extends BaseBuilder<Builder> {
    private String taskId;
    private String operator;

    private Builder() {
    }

    private Builder(DeleteTaskV3Request request) {
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
     * Sets the operator who deletes the task, sent in the {@code operator} header (printable
     * ASCII).
     *
     * @param operator the operator; null leaves the header out
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
    public DeleteTaskV3Request build() {
      return new DeleteTaskV3Request(this);
    }
  }
}
