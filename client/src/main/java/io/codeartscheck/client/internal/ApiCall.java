package io.codeartscheck.client.internal;

import io.codeartscheck.client.internal.api.TaskManagementApi;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * One call of the generated {@link TaskManagementApi}: the real method and its arguments. Each
 * request object of the client names its operation once, as a call of the generated method
 * ({@code api -> api.stopTaskByIdV2(taskId)}, checked by the compiler); {@link #of} runs that
 * call on a recorder that keeps the method and the arguments, and the engine checks, builds,
 * sends and decodes from them. Internal: not part of the client's API.
 *
 * @param <T> the type the answer decodes to
 */
public final class ApiCall<T> {
  private final Operation operation;
  private final Object[] args;

  private ApiCall(Operation operation, Object[] args) {
    this.operation = operation;
    this.args = args;
  }

  /**
   * Records one call of the generated interface.
   *
   * @param call the call, e.g. {@code api -> api.showCodeHealthSvg(taskId, locale, jobId)}; its
   *     return value is not used
   * @param <T> the type the answer decodes to
   * @return the method and its arguments
   */
  public static <T> ApiCall<T> of(Function<TaskManagementApi, T> call) {
    Recorder recorder = new Recorder();
    call.apply((TaskManagementApi) Proxy.newProxyInstance(TaskManagementApi.class.getClassLoader(),
        new Class<?>[] {TaskManagementApi.class}, recorder));
    if (recorder.method == null) {
      throw new IllegalStateException("the call made no call of TaskManagementApi");
    }
    return new ApiCall<>(Operation.of(recorder.method),
        recorder.args == null ? new Object[0] : recorder.args);
  }

  Operation operation() {
    return operation;
  }

  Object[] args() {
    return args;
  }

  /** Keeps the one call made on the proxy; answers it with null. */
  private static final class Recorder implements InvocationHandler {
    private Method method;
    private Object[] args;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
      if (method.getDeclaringClass() == Object.class) {
        throw new UnsupportedOperationException(method.getName());
      }
      if (this.method != null) {
        throw new IllegalStateException("one call of TaskManagementApi per request");
      }
      this.method = method;
      this.args = args;
      return null;
    }
  }
}
