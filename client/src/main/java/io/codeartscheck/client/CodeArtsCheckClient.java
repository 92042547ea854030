package io.codeartscheck.client;

import io.codeartscheck.client.internal.ClientRuntime;
import io.codeartscheck.client.internal.ClientSettings;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import java.util.function.Consumer;

/**
 * Client for the five task-management operations of Huawei Cloud CodeArts Check; each call runs
 * on the caller's thread. {@link CodeArtsCheckAsyncClient} is the same client with
 * {@code CompletableFuture}s.
 *
 * <p>Each operation takes its immutable request object, or a lambda that fills the request's
 * builder; the four whose only required input is a task id also take the task id alone. Method
 * names are the operation names of the API reference. Thread-safe: build one per endpoint and
 * credential, share it, close it when done. Every failure is an unchecked
 * {@link CodeArtsCheckException} (or a subclass).
 *
 * <pre>{@code
 * try (CodeArtsCheckClient client = CodeArtsCheckClient.builder()
 *     .region(Region.CN_NORTH_4)              // or .endpoint("http://127.0.0.1:8080")
 *     .authToken(System.getenv("CODEARTS_TOKEN"))
 *     .build()) {
 *   String svg = client.showCodeHealthSvg(r -> r.taskId("aexxxx86").locale(BadgeLocale.EN_US));
 *   RefreshJobResultResponse report = client.refreshPortalServiceJobResult(r -> r
 *       .jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));
 *   TaskCronResponse cron = client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801");
 *   client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");
 *   DeleteTaskResponse deleted = client.deleteTaskV3("897acf5exxx48a5013cd");
 *   String requestId = client.withRawResponse()
 *       .showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801").requestId().orElse("none");
 * }
 * }</pre>
 */
public final class CodeArtsCheckClient implements AutoCloseable {
  private final ClientRuntime runtime;
  private final WithRawResponse withRawResponse;

  private CodeArtsCheckClient(ClientRuntime runtime) {
    this.runtime = runtime;
    this.withRawResponse = new WithRawResponse(runtime);
  }

  /**
   * Starts a builder; a region or an endpoint, and one credential, are required.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Obtains the code health badge of a task (GET /v4/task/{task_id}/code-health-svg).
   *
   * @param request the task, and optionally the locale and the execution record
   * @return the badge, an SVG document
   * @throws CodeArtsCheckException on any failure
   */
  public String showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
    return runtime.call(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Obtains the code health badge of a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).locale(EN_US)}
   * @return the badge, an SVG document
   * @throws CodeArtsCheckException on any failure
   */
  public String showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request) {
    return showCodeHealthSvg(build(ShowCodeHealthSvgRequest.builder(), request).build());
  }

  /**
   * Obtains the code health badge of a task's last successful check, in the server's default
   * language.
   *
   * @param taskId the task id, 1 to 32 characters
   * @return the badge, an SVG document
   * @throws CodeArtsCheckException on any failure
   */
  public String showCodeHealthSvg(String taskId) {
    return showCodeHealthSvg(ShowCodeHealthSvgRequest.builder().taskId(taskId).build());
  }

  /**
   * Refreshes a check report and returns it (PUT /v1/jobs/{job_id}/result/refresh).
   *
   * @param request the execution record, and optionally the task and {@code async}
   * @return the refresh result; {@code getResult()} is null for a refresh in the background
   * @throws CodeArtsCheckException on any failure
   */
  public RefreshJobResultResponse refreshPortalServiceJobResult(
      RefreshPortalServiceJobResultRequest request) {
    return runtime.call(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Refreshes a check report and returns it, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.jobId(id).async(false)}
   * @return the refresh result; {@code getResult()} is null for a refresh in the background
   * @throws CodeArtsCheckException on any failure
   */
  public RefreshJobResultResponse refreshPortalServiceJobResult(
      Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
    return refreshPortalServiceJobResult(
        build(RefreshPortalServiceJobResultRequest.builder(), request).build());
  }

  /**
   * Queries the schedule of a task (GET /v1/tasks/{task_id}/taskcron).
   *
   * @param request the task, and optionally the operator
   * @return the schedule
   * @throws CodeArtsCheckException on any failure
   */
  public TaskCronResponse showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request) {
    return runtime.call(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Queries the schedule of a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).operator(name)}
   * @return the schedule
   * @throws CodeArtsCheckException on any failure
   */
  public TaskCronResponse showPortalServiceTaskCron(
      Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
    return showPortalServiceTaskCron(
        build(ShowPortalServiceTaskCronRequest.builder(), request).build());
  }

  /**
   * Queries the schedule of a task.
   *
   * @param taskId the task id, 1 to 128 characters
   * @return the schedule
   * @throws CodeArtsCheckException on any failure
   */
  public TaskCronResponse showPortalServiceTaskCron(String taskId) {
    return showPortalServiceTaskCron(
        ShowPortalServiceTaskCronRequest.builder().taskId(taskId).build());
  }

  /**
   * Stops the running check of a task (POST /v2/tasks/{task_id}/stop); the service answers
   * {@code null}.
   *
   * @param request the task
   * @throws CodeArtsCheckException on any failure
   */
  public void stopTaskByIdV2(StopTaskByIdV2Request request) {
    runtime.call(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Stops the running check of a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id)}
   * @throws CodeArtsCheckException on any failure
   */
  public void stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
    stopTaskByIdV2(build(StopTaskByIdV2Request.builder(), request).build());
  }

  /**
   * Stops the running check of a task.
   *
   * @param taskId the task id, 1 to 32 characters
   * @throws CodeArtsCheckException on any failure
   */
  public void stopTaskByIdV2(String taskId) {
    stopTaskByIdV2(StopTaskByIdV2Request.builder().taskId(taskId).build());
  }

  /**
   * Deletes a task with its configuration, issues and execution records (DELETE
   * /v3/task/{task_id}).
   *
   * @param request the task, and optionally the operator
   * @return the deletion result; {@code getResult()} is true when the task was deleted
   * @throws CodeArtsCheckException on any failure
   */
  public DeleteTaskResponse deleteTaskV3(DeleteTaskV3Request request) {
    return runtime.call(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Deletes a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).operator(name)}
   * @return the deletion result; {@code getResult()} is true when the task was deleted
   * @throws CodeArtsCheckException on any failure
   */
  public DeleteTaskResponse deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request) {
    return deleteTaskV3(build(DeleteTaskV3Request.builder(), request).build());
  }

  /**
   * Deletes a task.
   *
   * @param taskId the task id, 1 to 128 characters
   * @return the deletion result; {@code getResult()} is true when the task was deleted
   * @throws CodeArtsCheckException on any failure
   */
  public DeleteTaskResponse deleteTaskV3(String taskId) {
    return deleteTaskV3(DeleteTaskV3Request.builder().taskId(taskId).build());
  }

  /**
   * The same operations, each returning the answer with its HTTP status, headers and
   * {@code X-Request-Id} ({@link ApiResponse}). The plain methods build none of this.
   *
   * @return the view; it shares this client
   */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  /**
   * Closes the built-in transport (on Java 21+ its exchanges in progress are aborted; on 17 its
   * threads end when it is unreachable); later calls fail with {@code IllegalStateException}. A
   * transport given to the builder stays open.
   */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "CodeArtsCheckClient[" + runtime + "]";
  }

  static <B> B build(B builder, Consumer<B> request) {
    request.accept(builder);
    return builder;
  }

  /**
   * The operations of a {@link CodeArtsCheckClient}, each returning the answer with its status,
   * headers and request id.
   *
   * <pre>{@code
   * ApiResponse<DeleteTaskResponse> response =
   *     client.withRawResponse().deleteTaskV3("897acf5exxx48a5013cd");
   * log.info("deleted, request id {}", response.requestId().orElse("none"));
   * }</pre>
   */
  public static final class WithRawResponse {
    private final ClientRuntime runtime;

    private WithRawResponse(ClientRuntime runtime) {
      this.runtime = runtime;
    }

    /**
     * Obtains the code health badge of a task, with the response's metadata.
     *
     * @param request the task, and optionally the locale and the execution record
     * @return the response; its body is the badge
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<String> showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
      return runtime.callForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Obtains the code health badge of a task, with the response's metadata.
     *
     * @param request fills the request's builder
     * @return the response; its body is the badge
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<String> showCodeHealthSvg(
        Consumer<ShowCodeHealthSvgRequest.Builder> request) {
      return showCodeHealthSvg(build(ShowCodeHealthSvgRequest.builder(), request).build());
    }

    /**
     * Obtains the code health badge of a task, with the response's metadata.
     *
     * @param taskId the task id
     * @return the response; its body is the badge
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<String> showCodeHealthSvg(String taskId) {
      return showCodeHealthSvg(ShowCodeHealthSvgRequest.builder().taskId(taskId).build());
    }

    /**
     * Refreshes a check report, with the response's metadata.
     *
     * @param request the execution record, and optionally the task and {@code async}
     * @return the response; its body is the refresh result
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(
        RefreshPortalServiceJobResultRequest request) {
      return runtime.callForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Refreshes a check report, with the response's metadata.
     *
     * @param request fills the request's builder
     * @return the response; its body is the refresh result
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(
        Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
      return refreshPortalServiceJobResult(
          build(RefreshPortalServiceJobResultRequest.builder(), request).build());
    }

    /**
     * Queries the schedule of a task, with the response's metadata.
     *
     * @param request the task, and optionally the operator
     * @return the response; its body is the schedule
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(
        ShowPortalServiceTaskCronRequest request) {
      return runtime.callForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Queries the schedule of a task, with the response's metadata.
     *
     * @param request fills the request's builder
     * @return the response; its body is the schedule
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(
        Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
      return showPortalServiceTaskCron(
          build(ShowPortalServiceTaskCronRequest.builder(), request).build());
    }

    /**
     * Queries the schedule of a task, with the response's metadata.
     *
     * @param taskId the task id
     * @return the response; its body is the schedule
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(String taskId) {
      return showPortalServiceTaskCron(
          ShowPortalServiceTaskCronRequest.builder().taskId(taskId).build());
    }

    /**
     * Stops the running check of a task, with the response's metadata.
     *
     * @param request the task
     * @return the response; its body is null (the service answers {@code null})
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<Void> stopTaskByIdV2(StopTaskByIdV2Request request) {
      return runtime.callForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Stops the running check of a task, with the response's metadata.
     *
     * @param request fills the request's builder
     * @return the response; its body is null
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<Void> stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
      return stopTaskByIdV2(build(StopTaskByIdV2Request.builder(), request).build());
    }

    /**
     * Stops the running check of a task, with the response's metadata.
     *
     * @param taskId the task id
     * @return the response; its body is null
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<Void> stopTaskByIdV2(String taskId) {
      return stopTaskByIdV2(StopTaskByIdV2Request.builder().taskId(taskId).build());
    }

    /**
     * Deletes a task, with the response's metadata.
     *
     * @param request the task, and optionally the operator
     * @return the response; its body is the deletion result
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<DeleteTaskResponse> deleteTaskV3(DeleteTaskV3Request request) {
      return runtime.callForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Deletes a task, with the response's metadata.
     *
     * @param request fills the request's builder
     * @return the response; its body is the deletion result
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<DeleteTaskResponse> deleteTaskV3(
        Consumer<DeleteTaskV3Request.Builder> request) {
      return deleteTaskV3(build(DeleteTaskV3Request.builder(), request).build());
    }

    /**
     * Deletes a task, with the response's metadata.
     *
     * @param taskId the task id
     * @return the response; its body is the deletion result
     * @throws CodeArtsCheckException on any failure
     */
    public ApiResponse<DeleteTaskResponse> deleteTaskV3(String taskId) {
      return deleteTaskV3(DeleteTaskV3Request.builder().taskId(taskId).build());
    }
  }

  /**
   * Configures and builds a {@link CodeArtsCheckClient}; every option is described on
   * {@link CodeArtsCheckClientBuilder}, which the async client's builder shares.
   */
  public static final class Builder extends CodeArtsCheckClientBuilder<Builder, CodeArtsCheckClient> {
    private Builder() {
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    CodeArtsCheckClient create(ClientSettings settings) {
      return new CodeArtsCheckClient(ClientRuntime.create(settings));
    }
  }
}
