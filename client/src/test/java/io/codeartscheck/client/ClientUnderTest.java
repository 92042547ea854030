package io.codeartscheck.client;

import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Either client behind one interface with the sync client's shape, so that one test runs against
 * both (see {@link BothClients}). Every method calls the client's method of the same name and
 * form. For the async client it also checks the async contract: the method returns a future
 * without throwing (a failure must complete the future), and the future's failure is the very
 * {@link CodeArtsCheckException} the sync client throws, which is thrown here unwrapped.
 */
interface ClientUnderTest extends AutoCloseable {
  /** The longest a test waits for an async call; every call under test ends well before. */
  long AWAIT_SECONDS = 60;

  /**
   * Builds the client the builder is for.
   *
   * @param builder a builder of either kind
   * @return the client, behind this interface
   */
  static ClientUnderTest of(CodeArtsCheckClientBuilder<?, ?> builder) {
    Object client = builder.build();
    return client instanceof CodeArtsCheckClient
        ? new Sync((CodeArtsCheckClient) client)
        : new Async((CodeArtsCheckAsyncClient) client);
  }

  String showCodeHealthSvg(ShowCodeHealthSvgRequest request);
  String showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request);
  String showCodeHealthSvg(String taskId);
  RefreshJobResultResponse refreshPortalServiceJobResult(RefreshPortalServiceJobResultRequest request);
  RefreshJobResultResponse refreshPortalServiceJobResult(Consumer<RefreshPortalServiceJobResultRequest.Builder> request);
  TaskCronResponse showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request);
  TaskCronResponse showPortalServiceTaskCron(Consumer<ShowPortalServiceTaskCronRequest.Builder> request);
  TaskCronResponse showPortalServiceTaskCron(String taskId);
  void stopTaskByIdV2(StopTaskByIdV2Request request);
  void stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request);
  void stopTaskByIdV2(String taskId);
  DeleteTaskResponse deleteTaskV3(DeleteTaskV3Request request);
  DeleteTaskResponse deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request);
  DeleteTaskResponse deleteTaskV3(String taskId);

  /** The client's {@code withRawResponse()} view. */
  RawResponses withRawResponse();

  @Override
  void close();

  /** The operations of {@code withRawResponse()}. */
  interface RawResponses {
    ApiResponse<String> showCodeHealthSvg(ShowCodeHealthSvgRequest request);
    ApiResponse<String> showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request);
    ApiResponse<String> showCodeHealthSvg(String taskId);
    ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(RefreshPortalServiceJobResultRequest request);
    ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(Consumer<RefreshPortalServiceJobResultRequest.Builder> request);
    ApiResponse<TaskCronResponse> showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request);
    ApiResponse<TaskCronResponse> showPortalServiceTaskCron(Consumer<ShowPortalServiceTaskCronRequest.Builder> request);
    ApiResponse<TaskCronResponse> showPortalServiceTaskCron(String taskId);
    ApiResponse<Void> stopTaskByIdV2(StopTaskByIdV2Request request);
    ApiResponse<Void> stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request);
    ApiResponse<Void> stopTaskByIdV2(String taskId);
    ApiResponse<DeleteTaskResponse> deleteTaskV3(DeleteTaskV3Request request);
    ApiResponse<DeleteTaskResponse> deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request);
    ApiResponse<DeleteTaskResponse> deleteTaskV3(String taskId);
  }

  /** The sync client, called directly. */
  final class Sync implements ClientUnderTest {
    final CodeArtsCheckClient client;

    Sync(CodeArtsCheckClient client) {
      this.client = client;
    }

    @Override
    public String showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
      return client.showCodeHealthSvg(request);
    }

    @Override
    public String showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request) {
      return client.showCodeHealthSvg(request);
    }

    @Override
    public String showCodeHealthSvg(String taskId) {
      return client.showCodeHealthSvg(taskId);
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(RefreshPortalServiceJobResultRequest request) {
      return client.refreshPortalServiceJobResult(request);
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
      return client.refreshPortalServiceJobResult(request);
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request) {
      return client.showPortalServiceTaskCron(request);
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
      return client.showPortalServiceTaskCron(request);
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId) {
      return client.showPortalServiceTaskCron(taskId);
    }

    @Override
    public void stopTaskByIdV2(StopTaskByIdV2Request request) {
      client.stopTaskByIdV2(request);
    }

    @Override
    public void stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
      client.stopTaskByIdV2(request);
    }

    @Override
    public void stopTaskByIdV2(String taskId) {
      client.stopTaskByIdV2(taskId);
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(DeleteTaskV3Request request) {
      return client.deleteTaskV3(request);
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request) {
      return client.deleteTaskV3(request);
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId) {
      return client.deleteTaskV3(taskId);
    }

    @Override
    public RawResponses withRawResponse() {
      return new RawResponses() {
      @Override
      public ApiResponse<String> showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
        return client.withRawResponse().showCodeHealthSvg(request);
      }

      @Override
      public ApiResponse<String> showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request) {
        return client.withRawResponse().showCodeHealthSvg(request);
      }

      @Override
      public ApiResponse<String> showCodeHealthSvg(String taskId) {
        return client.withRawResponse().showCodeHealthSvg(taskId);
      }

      @Override
      public ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(RefreshPortalServiceJobResultRequest request) {
        return client.withRawResponse().refreshPortalServiceJobResult(request);
      }

      @Override
      public ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
        return client.withRawResponse().refreshPortalServiceJobResult(request);
      }

      @Override
      public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request) {
        return client.withRawResponse().showPortalServiceTaskCron(request);
      }

      @Override
      public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
        return client.withRawResponse().showPortalServiceTaskCron(request);
      }

      @Override
      public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(String taskId) {
        return client.withRawResponse().showPortalServiceTaskCron(taskId);
      }

      @Override
      public ApiResponse<Void> stopTaskByIdV2(StopTaskByIdV2Request request) {
        return client.withRawResponse().stopTaskByIdV2(request);
      }

      @Override
      public ApiResponse<Void> stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
        return client.withRawResponse().stopTaskByIdV2(request);
      }

      @Override
      public ApiResponse<Void> stopTaskByIdV2(String taskId) {
        return client.withRawResponse().stopTaskByIdV2(taskId);
      }

      @Override
      public ApiResponse<DeleteTaskResponse> deleteTaskV3(DeleteTaskV3Request request) {
        return client.withRawResponse().deleteTaskV3(request);
      }

      @Override
      public ApiResponse<DeleteTaskResponse> deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request) {
        return client.withRawResponse().deleteTaskV3(request);
      }

      @Override
      public ApiResponse<DeleteTaskResponse> deleteTaskV3(String taskId) {
        return client.withRawResponse().deleteTaskV3(taskId);
      }
      };
    }

    @Override
    public void close() {
      client.close();
    }

    @Override
    public String toString() {
      return client.toString();
    }
  }

  /** The async client, each future awaited. */
  final class Async implements ClientUnderTest {
    final CodeArtsCheckAsyncClient client;

    Async(CodeArtsCheckAsyncClient client) {
      this.client = client;
    }

    /** Starts the call; the method itself must not throw. */
    static <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> call) {
      CompletableFuture<T> future;
      try {
        future = call.get();
      } catch (RuntimeException e) {
        throw new AssertionError("the async client threw instead of failing the future", e);
      }
      if (future == null) {
        throw new AssertionError("the async client returned no future");
      }
      return future;
    }

    /** Waits for the future; its failure is thrown as it is, unwrapped. */
    static <T> T await(CompletableFuture<T> future) {
      try {
        return future.get(AWAIT_SECONDS, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException) {
          throw (RuntimeException) cause;
        }
        if (cause instanceof Error) {
          throw (Error) cause;
        }
        throw new AssertionError("the future failed with a checked exception", cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for the future", e);
      } catch (TimeoutException e) {
        throw new AssertionError("the async call did not end within " + AWAIT_SECONDS + " s", e);
      }
    }

    @Override
    public String showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
      return await(started(() -> client.showCodeHealthSvg(request)));
    }

    @Override
    public String showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request) {
      return await(started(() -> client.showCodeHealthSvg(request)));
    }

    @Override
    public String showCodeHealthSvg(String taskId) {
      return await(started(() -> client.showCodeHealthSvg(taskId)));
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(RefreshPortalServiceJobResultRequest request) {
      return await(started(() -> client.refreshPortalServiceJobResult(request)));
    }

    @Override
    public RefreshJobResultResponse refreshPortalServiceJobResult(Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
      return await(started(() -> client.refreshPortalServiceJobResult(request)));
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request) {
      return await(started(() -> client.showPortalServiceTaskCron(request)));
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
      return await(started(() -> client.showPortalServiceTaskCron(request)));
    }

    @Override
    public TaskCronResponse showPortalServiceTaskCron(String taskId) {
      return await(started(() -> client.showPortalServiceTaskCron(taskId)));
    }

    @Override
    public void stopTaskByIdV2(StopTaskByIdV2Request request) {
      await(started(() -> client.stopTaskByIdV2(request)));
    }

    @Override
    public void stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
      await(started(() -> client.stopTaskByIdV2(request)));
    }

    @Override
    public void stopTaskByIdV2(String taskId) {
      await(started(() -> client.stopTaskByIdV2(taskId)));
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(DeleteTaskV3Request request) {
      return await(started(() -> client.deleteTaskV3(request)));
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request) {
      return await(started(() -> client.deleteTaskV3(request)));
    }

    @Override
    public DeleteTaskResponse deleteTaskV3(String taskId) {
      return await(started(() -> client.deleteTaskV3(taskId)));
    }

    @Override
    public RawResponses withRawResponse() {
      return new RawResponses() {
      @Override
      public ApiResponse<String> showCodeHealthSvg(ShowCodeHealthSvgRequest request) {
        return await(started(() -> client.withRawResponse().showCodeHealthSvg(request)));
      }

      @Override
      public ApiResponse<String> showCodeHealthSvg(Consumer<ShowCodeHealthSvgRequest.Builder> request) {
        return await(started(() -> client.withRawResponse().showCodeHealthSvg(request)));
      }

      @Override
      public ApiResponse<String> showCodeHealthSvg(String taskId) {
        return await(started(() -> client.withRawResponse().showCodeHealthSvg(taskId)));
      }

      @Override
      public ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(RefreshPortalServiceJobResultRequest request) {
        return await(started(() -> client.withRawResponse().refreshPortalServiceJobResult(request)));
      }

      @Override
      public ApiResponse<RefreshJobResultResponse> refreshPortalServiceJobResult(Consumer<RefreshPortalServiceJobResultRequest.Builder> request) {
        return await(started(() -> client.withRawResponse().refreshPortalServiceJobResult(request)));
      }

      @Override
      public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(ShowPortalServiceTaskCronRequest request) {
        return await(started(() -> client.withRawResponse().showPortalServiceTaskCron(request)));
      }

      @Override
      public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(Consumer<ShowPortalServiceTaskCronRequest.Builder> request) {
        return await(started(() -> client.withRawResponse().showPortalServiceTaskCron(request)));
      }

      @Override
      public ApiResponse<TaskCronResponse> showPortalServiceTaskCron(String taskId) {
        return await(started(() -> client.withRawResponse().showPortalServiceTaskCron(taskId)));
      }

      @Override
      public ApiResponse<Void> stopTaskByIdV2(StopTaskByIdV2Request request) {
        return await(started(() -> client.withRawResponse().stopTaskByIdV2(request)));
      }

      @Override
      public ApiResponse<Void> stopTaskByIdV2(Consumer<StopTaskByIdV2Request.Builder> request) {
        return await(started(() -> client.withRawResponse().stopTaskByIdV2(request)));
      }

      @Override
      public ApiResponse<Void> stopTaskByIdV2(String taskId) {
        return await(started(() -> client.withRawResponse().stopTaskByIdV2(taskId)));
      }

      @Override
      public ApiResponse<DeleteTaskResponse> deleteTaskV3(DeleteTaskV3Request request) {
        return await(started(() -> client.withRawResponse().deleteTaskV3(request)));
      }

      @Override
      public ApiResponse<DeleteTaskResponse> deleteTaskV3(Consumer<DeleteTaskV3Request.Builder> request) {
        return await(started(() -> client.withRawResponse().deleteTaskV3(request)));
      }

      @Override
      public ApiResponse<DeleteTaskResponse> deleteTaskV3(String taskId) {
        return await(started(() -> client.withRawResponse().deleteTaskV3(taskId)));
      }
      };
    }

    @Override
    public void close() {
      client.close();
    }

    @Override
    public String toString() {
      return client.toString();
    }
  }
}
