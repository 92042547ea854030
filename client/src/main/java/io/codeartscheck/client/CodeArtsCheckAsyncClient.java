package io.codeartscheck.client;

import io.codeartscheck.client.internal.ClientRuntime;
import io.codeartscheck.client.internal.ClientSettings;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The asynchronous client: the operations, request types, builder options and exceptions of
 * {@link CodeArtsCheckClient}, each call returning a {@link CompletableFuture} at once.
 *
 * <p>The whole call runs off the caller's thread: every attempt is sent without blocking (the JDK
 * {@code HttpClient}'s {@code sendAsync}), its deadline is a timer, a retry waits on the JDK's
 * delay scheduler, and every answer is handled, decoded and completed on the completion executor
 * (default: {@link ForkJoinPool#commonPool()}; see {@link Builder#completionExecutor}), where
 * your continuations run too. Only what precedes the first send runs on the caller's thread: the
 * argument check, the request, its credentials (the token supplier is called there). A failure
 * completes the future exceptionally with the {@link CodeArtsCheckException} the sync client
 * would throw, unwrapped ({@code join()} wraps it in a {@code CompletionException}, as for
 * any future); nothing is thrown by the methods themselves. Cancelling a future aborts its
 * call: the attempt in flight (its connection is closed if the answer was arriving) or the retry
 * waiting.
 *
 * <pre>{@code
 * try (CodeArtsCheckAsyncClient client = CodeArtsCheckAsyncClient.builder()
 *     .region(Region.CN_NORTH_4)
 *     .authToken(System.getenv("CODEARTS_TOKEN"))
 *     .build()) {
 * CompletableFuture<RefreshJobResultResponse> report = client.refreshPortalServiceJobResult(r -> r
 *       .jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));
 *   CompletableFuture<Void> stopped = client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");
 *   report.thenAccept(r -> System.out.println(r.getResult().getMajorIssueCount() + " major"))
 *       .exceptionally(e -> { log.warn("refresh failed", e); return null; })
 *       .join();
 * }
 * }</pre>
 */
public final class CodeArtsCheckAsyncClient implements AutoCloseable {
  private final ClientRuntime runtime;
  private final WithRawResponse withRawResponse;

  private CodeArtsCheckAsyncClient(ClientRuntime runtime) {
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
   * @return the badge, an SVG document; or a {@link CodeArtsCheckException}
   */
  public CompletableFuture<String> showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
    return runtime.callAsync(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Obtains the code health badge of a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).locale(EN_US)}
   * @return the badge, an SVG document; or a {@link CodeArtsCheckException}, or the builder's
   *     {@code IllegalArgumentException}
   */
  public CompletableFuture<String> showCodeHealthSvg(
      Consumer<ShowCodeHealthSvgRequest.Builder> request) {
    return filled(ShowCodeHealthSvgRequest.builder(), request, b -> showCodeHealthSvg(b.build()));
  }

  /**
   * Obtains the code health badge of a task's last successful check, in the server's default
   * language.
   *
   * @param taskId the task id, 1 to 32 characters
   * @return the badge, an SVG document; or a {@link CodeArtsCheckException}
   */
  public CompletableFuture<String> showCodeHealthSvg(String taskId) {
    return showCodeHealthSvg(ShowCodeHealthSvgRequest.builder().taskId(taskId).build());
  }

  /**
   * Refreshes a check report and returns it (PUT /v1/jobs/{job_id}/result/refresh).
   *
   * @param request the execution record, and optionally the task and {@code async}
   * @return the refresh result; {@code getResult()} is null for a refresh in the background; or a
   *     {@link CodeArtsCheckException}
   */
  public CompletableFuture<RefreshJobResultResponse> refreshPortalServiceJobResult(
      RefreshPortalServiceJobResultRequest request) {
    return runtime.callAsync(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Refreshes a check report and returns it, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.jobId(id).async(false)}
   * @return the refresh result; {@code getResult()} is null for a refresh in the background; or a
   *     {@link CodeArtsCheckException}, or the builder's
   *     {@code IllegalArgumentException}
   */
  public CompletableFuture<RefreshJobResultResponse> refreshPortalServiceJobResult(
      Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
    return filled(
        RefreshPortalServiceJobResultRequest.builder(),
        request,
        b -> refreshPortalServiceJobResult(b.build()));
  }

  /**
   * Queries the schedule of a task (GET /v1/tasks/{task_id}/taskcron).
   *
   * @param request the task, and optionally the operator
   * @return the schedule; or a {@link CodeArtsCheckException}
   */
  public CompletableFuture<TaskCronResponse> showPortalServiceTaskCron(
      ShowPortalServiceTaskCronRequest request) {
    return runtime.callAsync(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Queries the schedule of a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).operator(name)}
   * @return the schedule; or a {@link CodeArtsCheckException}, or the builder's
   *     {@code IllegalArgumentException}
   */
  public CompletableFuture<TaskCronResponse> showPortalServiceTaskCron(
      Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
    return filled(
        ShowPortalServiceTaskCronRequest.builder(),
        request,
        b -> showPortalServiceTaskCron(b.build()));
  }

  /**
   * Queries the schedule of a task.
   *
   * @param taskId the task id, 1 to 128 characters
   * @return the schedule; or a {@link CodeArtsCheckException}
   */
  public CompletableFuture<TaskCronResponse> showPortalServiceTaskCron(String taskId) {
    return showPortalServiceTaskCron(
        ShowPortalServiceTaskCronRequest.builder().taskId(taskId).build());
  }

  /**
   * Stops the running check of a task (POST /v2/tasks/{task_id}/stop); the service answers {@code
   * null}.
   *
   * @param request the task
   * @return completes with null when the task was stopped; or a {@link CodeArtsCheckException}
   */
  public CompletableFuture<Void> stopTaskByIdV2(StopTaskByIdV2Request request) {
    return runtime.callAsync(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Stops the running check of a task, the request filled in by {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id)}
   * @return completes with null when the task was stopped; or a {@link CodeArtsCheckException}, or
   *     the builder's
   *     {@code IllegalArgumentException}
   */
  public CompletableFuture<Void> stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
    return filled(StopTaskByIdV2Request.builder(), request, b -> stopTaskByIdV2(b.build()));
  }

  /**
   * Stops the running check of a task.
   *
   * @param taskId the task id, 1 to 32 characters
   * @return completes with null when the task was stopped; or a {@link CodeArtsCheckException}
   */
  public CompletableFuture<Void> stopTaskByIdV2(String taskId) {
    return stopTaskByIdV2(StopTaskByIdV2Request.builder().taskId(taskId).build());
  }

  /**
   * Deletes a task with its configuration, issues and execution records (DELETE
   * /v3/task/{task_id}).
   *
   * @param request the task, and optionally the operator
   * @return the deletion result; {@code getResult()} is true when the task was deleted; or a {@link
   *     CodeArtsCheckException}
   */
  public CompletableFuture<DeleteTaskResponse> deleteTaskV3(DeleteTaskV3Request request) {
    return runtime.callAsync(request.apiCall(), request.overridesOrNull());
  }

  /**
   * Deletes a task with its configuration, issues and execution records, the request filled in by
   * {@code request}.
   *
   * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).operator(name)}
   * @return the deletion result; {@code getResult()} is true when the task was deleted; or a {@link
   *     CodeArtsCheckException}, or the builder's
   *     {@code IllegalArgumentException}
   */
  public CompletableFuture<DeleteTaskResponse> deleteTaskV3(
      Consumer<DeleteTaskV3Request.Builder> request) {
    return filled(DeleteTaskV3Request.builder(), request, b -> deleteTaskV3(b.build()));
  }

  /**
   * Deletes a task.
   *
   * @param taskId the task id, 1 to 128 characters
   * @return the deletion result; {@code getResult()} is true when the task was deleted; or a {@link
   *     CodeArtsCheckException}
   */
  public CompletableFuture<DeleteTaskResponse> deleteTaskV3(String taskId) {
    return deleteTaskV3(DeleteTaskV3Request.builder().taskId(taskId).build());
  }

  /**
   * The same operations, each completing with the answer, its HTTP status, headers and
   * {@code X-Request-Id} ({@link ApiResponse}).
   *
   * @return the view; it shares this client
   */
  public WithRawResponse withRawResponse() {
    return withRawResponse;
  }

  /**
   * Closes the built-in transport (on Java 21+ its exchanges in progress are aborted; on 17 its
   * threads end when it is unreachable); later calls complete with an
   * {@code IllegalStateException}. A transport or executor given to the builder stays open.
   */
  @Override
  public void close() {
    runtime.close();
  }

  @Override
  public String toString() {
    return "CodeArtsCheckAsyncClient[" + runtime + "]";
  }

  /**
   * The operations of a {@link CodeArtsCheckAsyncClient}, each completing with the answer, its
   * status, headers and request id.
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
     * @return the response, with the badge as its body; or a {@link CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<String>> showCodeHealthSvg(
        ShowCodeHealthSvgRequest request) {
      return runtime.callAsyncForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Obtains the code health badge of a task, with the response's metadata.
     *
     * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).locale(EN_US)}
     * @return the response, with the badge as its body; or a {@link CodeArtsCheckException}, or the
     *     builder's
     *     {@code IllegalArgumentException}
     */
    public CompletableFuture<ApiResponse<String>> showCodeHealthSvg(
        Consumer<ShowCodeHealthSvgRequest.Builder> request) {
      return filled(ShowCodeHealthSvgRequest.builder(), request, b -> showCodeHealthSvg(b.build()));
    }

    /**
     * Obtains the code health badge of a task, with the response's metadata.
     *
     * @param taskId the task id, 1 to 32 characters
     * @return the response, with the badge as its body; or a {@link CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<String>> showCodeHealthSvg(String taskId) {
      return showCodeHealthSvg(ShowCodeHealthSvgRequest.builder().taskId(taskId).build());
    }

    /**
     * Refreshes a check report and returns it, with the response's metadata.
     *
     * @param request the execution record, and optionally the task and {@code async}
     * @return the response, with the refresh result as its body; or a {@link
     *     CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<RefreshJobResultResponse>> refreshPortalServiceJobResult(
        RefreshPortalServiceJobResultRequest request) {
      return runtime.callAsyncForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Refreshes a check report and returns it, with the response's metadata.
     *
     * @param request fills the request's builder, e.g. {@code r -> r.jobId(id).async(false)}
     * @return the response, with the refresh result as its body; or a {@link
     *     CodeArtsCheckException}, or the builder's
     *     {@code IllegalArgumentException}
     */
    public CompletableFuture<ApiResponse<RefreshJobResultResponse>> refreshPortalServiceJobResult(
        Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
      return filled(
          RefreshPortalServiceJobResultRequest.builder(),
          request,
          b -> refreshPortalServiceJobResult(b.build()));
    }

    /**
     * Queries the schedule of a task, with the response's metadata.
     *
     * @param request the task, and optionally the operator
     * @return the response, with the schedule as its body; or a {@link CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<TaskCronResponse>> showPortalServiceTaskCron(
        ShowPortalServiceTaskCronRequest request) {
      return runtime.callAsyncForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Queries the schedule of a task, with the response's metadata.
     *
     * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).operator(name)}
     * @return the response, with the schedule as its body; or a {@link CodeArtsCheckException}, or
     *     the builder's
     *     {@code IllegalArgumentException}
     */
    public CompletableFuture<ApiResponse<TaskCronResponse>> showPortalServiceTaskCron(
        Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
      return filled(
          ShowPortalServiceTaskCronRequest.builder(),
          request,
          b -> showPortalServiceTaskCron(b.build()));
    }

    /**
     * Queries the schedule of a task, with the response's metadata.
     *
     * @param taskId the task id, 1 to 128 characters
     * @return the response, with the schedule as its body; or a {@link CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<TaskCronResponse>> showPortalServiceTaskCron(
        String taskId) {
      return showPortalServiceTaskCron(
          ShowPortalServiceTaskCronRequest.builder().taskId(taskId).build());
    }

    /**
     * Stops the running check of a task, with the response's metadata.
     *
     * @param request the task
     * @return the response, with null (the service answers {@code null}) as its body; or a {@link
     *     CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<Void>> stopTaskByIdV2(StopTaskByIdV2Request request) {
      return runtime.callAsyncForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Stops the running check of a task, with the response's metadata.
     *
     * @param request fills the request's builder, e.g. {@code r -> r.taskId(id)}
     * @return the response, with null (the service answers {@code null}) as its body; or a {@link
     *     CodeArtsCheckException}, or the builder's
     *     {@code IllegalArgumentException}
     */
    public CompletableFuture<ApiResponse<Void>> stopTaskByIdV2(
        Consumer<StopTaskByIdV2Request.Builder> request) {
      return filled(StopTaskByIdV2Request.builder(), request, b -> stopTaskByIdV2(b.build()));
    }

    /**
     * Stops the running check of a task, with the response's metadata.
     *
     * @param taskId the task id, 1 to 32 characters
     * @return the response, with null (the service answers {@code null}) as its body; or a {@link
     *     CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<Void>> stopTaskByIdV2(String taskId) {
      return stopTaskByIdV2(StopTaskByIdV2Request.builder().taskId(taskId).build());
    }

    /**
     * Deletes a task with its configuration, issues and execution records, with the response's
     * metadata.
     *
     * @param request the task, and optionally the operator
     * @return the response, with the deletion result as its body; or a {@link
     *     CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<DeleteTaskResponse>> deleteTaskV3(
        DeleteTaskV3Request request) {
      return runtime.callAsyncForResponse(request.apiCall(), request.overridesOrNull());
    }

    /**
     * Deletes a task with its configuration, issues and execution records, with the response's
     * metadata.
     *
     * @param request fills the request's builder, e.g. {@code r -> r.taskId(id).operator(name)}
     * @return the response, with the deletion result as its body; or a {@link
     *     CodeArtsCheckException}, or the builder's
     *     {@code IllegalArgumentException}
     */
    public CompletableFuture<ApiResponse<DeleteTaskResponse>> deleteTaskV3(
        Consumer<DeleteTaskV3Request.Builder> request) {
      return filled(DeleteTaskV3Request.builder(), request, b -> deleteTaskV3(b.build()));
    }

    /**
     * Deletes a task with its configuration, issues and execution records, with the response's
     * metadata.
     *
     * @param taskId the task id, 1 to 128 characters
     * @return the response, with the deletion result as its body; or a {@link
     *     CodeArtsCheckException}
     */
    public CompletableFuture<ApiResponse<DeleteTaskResponse>> deleteTaskV3(String taskId) {
      return deleteTaskV3(DeleteTaskV3Request.builder().taskId(taskId).build());
    }
  }

  /**
   * Configures and builds a {@link CodeArtsCheckAsyncClient}: the options of
   * {@link CodeArtsCheckClientBuilder}, which the sync client's builder shares, and the
   * executor the futures complete on.
   */
  public static final class Builder
      extends CodeArtsCheckClientBuilder<Builder, CodeArtsCheckAsyncClient> {
    private Builder() {
    }

    /**
     * Sets where answers are handled and futures completed, so where your continuations run
     * (default {@link ForkJoinPool#commonPool()}). Never the HTTP client's own thread: a slow
     * continuation there would hold every other exchange. The client does not shut it down.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder completionExecutor(Executor executor) {
      this.completionExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    CodeArtsCheckAsyncClient create(ClientSettings settings) {
      return new CodeArtsCheckAsyncClient(ClientRuntime.create(settings));
    }
  }

  /**
   * Fills a request's builder and makes the call; what the filling throws completes the future
   * exceptionally, as every other failure of an async call does.
   */
  private static <B, R> CompletableFuture<R> filled(
      B builder, Consumer<B> request, Function<B, CompletableFuture<R>> call) {
    try {
      request.accept(builder);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return call.apply(builder);
  }
}
