package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The public surface: the async client mirrors the sync one operation for operation, and no
 * public method takes a boolean or an enum as a {@code String}.
 */
class SurfaceTest {
  /** Every public type of the client's API package, nested ones included. */
  private static final List<Class<?>> API = List.of(CodeArtsCheckClient.class,
      CodeArtsCheckClient.Builder.class, CodeArtsCheckClient.WithRawResponse.class,
      CodeArtsCheckAsyncClient.class, CodeArtsCheckAsyncClient.Builder.class,
      CodeArtsCheckAsyncClient.WithRawResponse.class, CodeArtsCheckClientBuilder.class,
      CodeArtsCheckRequest.class, CodeArtsCheckRequest.BaseBuilder.class,
      ShowCodeHealthSvgRequest.class, ShowCodeHealthSvgRequest.Builder.class,
      RefreshPortalServiceJobResultRequest.class, RefreshPortalServiceJobResultRequest.Builder.class,
      ShowPortalServiceTaskCronRequest.class, ShowPortalServiceTaskCronRequest.Builder.class,
      StopTaskByIdV2Request.class, StopTaskByIdV2Request.Builder.class,
      DeleteTaskV3Request.class, DeleteTaskV3Request.Builder.class,
      RequestOverrides.class, RequestOverrides.Builder.class, ApiResponse.class, Region.class,
      BadgeLocale.class, CodeArtsCheckException.class, ClientErrorException.class,
      ServerErrorException.class, ConnectionException.class, RequestTimeoutException.class,
      CallInterruptedException.class, InvalidArgumentException.class);
  /** What a {@code String} parameter of the API may be: ids, names, credentials, text. */
  private static final Set<String> STRING_PARAMETERS = Set.of("taskId", "jobId", "operator",
      "endpoint", "token", "accessKey", "secretKey", "userAgent", "host", "user", "name", "value",
      "id", "message", "errorCode", "errorMsg", "requestId");

  private static List<Method> operations(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .filter(m -> !Set.of("close", "toString", "withRawResponse").contains(m.getName()))
        .collect(Collectors.toList());
  }

  private static String signature(Method method) {
    return method.getName() + Arrays.stream(method.getGenericParameterTypes())
        .map(Type::getTypeName).collect(Collectors.joining(", ", "(", ")"));
  }

  private static void assertAsyncTwins(Class<?> sync, Class<?> async) throws Exception {
    List<Method> syncOperations = operations(sync);
    assertThat(syncOperations).hasSizeGreaterThanOrEqualTo(14);
    assertThat(operations(async)).extracting(SurfaceTest::signature)
        .containsExactlyInAnyOrderElementsOf(
            syncOperations.stream().map(SurfaceTest::signature).toList());
    for (Method method : syncOperations) {
      Method twin = async.getMethod(method.getName(), method.getParameterTypes());
      Type expected = method.getGenericReturnType() == void.class ? Void.class
          : method.getGenericReturnType();
      assertThat(twin.getReturnType()).as(signature(twin)).isEqualTo(CompletableFuture.class);
      assertThat(((ParameterizedType) twin.getGenericReturnType()).getActualTypeArguments()[0])
          .as(signature(twin)).isEqualTo(expected);
    }
  }

  @Test
  void everyOperationOfTheSyncClient_hasAnAsyncTwinReturningAFutureOfItsResult()
      throws Exception {
    assertAsyncTwins(CodeArtsCheckClient.class, CodeArtsCheckAsyncClient.class);
  }

  @Test
  void everyOperationOfTheRawResponseViews_hasAnAsyncTwinToo() throws Exception {
    assertAsyncTwins(CodeArtsCheckClient.WithRawResponse.class,
        CodeArtsCheckAsyncClient.WithRawResponse.class);
  }

  @Test
  void bothBuilders_shareEveryOption_theAsyncOneAddsItsCompletionExecutor() {
    assertThat(CodeArtsCheckClient.Builder.class.getSuperclass())
        .isEqualTo(CodeArtsCheckClientBuilder.class);
    assertThat(CodeArtsCheckAsyncClient.Builder.class.getSuperclass())
        .isEqualTo(CodeArtsCheckClientBuilder.class);
    assertThat(operations(CodeArtsCheckClient.Builder.class)).isEmpty();
    assertThat(operations(CodeArtsCheckAsyncClient.Builder.class)).extracting(Method::getName)
        .containsExactly("completionExecutor");
  }

  @Test
  void everyOperation_isNamedAsInTheApiReference() {
    assertThat(operations(CodeArtsCheckClient.class)).extracting(Method::getName)
        .containsOnly("showCodeHealthSvg", "refreshPortalServiceJobResult",
            "showPortalServiceTaskCron", "stopTaskByIdV2", "deleteTaskV3");
  }

  @Test
  void noPublicMethod_takesABooleanOrAnEnumAsAString() {
    List<String> stringParameters = new ArrayList<>();
    Set<String> unexpected = new TreeSet<>();
    for (Class<?> type : API) {
      List<java.lang.reflect.Executable> executables = new ArrayList<>();
      executables.addAll(Arrays.asList(type.getDeclaredMethods()));
      executables.addAll(Arrays.asList(type.getDeclaredConstructors()));
      for (var executable : executables) {
        if (!Modifier.isPublic(executable.getModifiers())) {
          continue;
        }
        for (var parameter : executable.getParameters()) {
          if (parameter.getType() == String.class) {
            String where = type.getSimpleName() + "." + executable.getName() + "("
                + parameter.getName() + ")";
            stringParameters.add(where);
            if (!STRING_PARAMETERS.contains(parameter.getName())) {
              unexpected.add(where);
            }
          }
        }
      }
    }
    assertThat(stringParameters).as("parameters were found by name (compiled with -parameters)")
        .anyMatch(p -> p.endsWith("(taskId)"));
    assertThat(unexpected).as("String parameters that are not ids, names, credentials or text")
        .isEmpty();
    assertThat(RefreshPortalServiceJobResultRequest.Builder.class.getMethods())
        .filteredOn(m -> m.getName().equals("async"))
        .allMatch(m -> m.getParameterTypes()[0] == boolean.class);
    assertThat(ShowCodeHealthSvgRequest.Builder.class.getMethods())
        .filteredOn(m -> m.getName().equals("locale"))
        .allMatch(m -> m.getParameterTypes()[0] == BadgeLocale.class);
  }
}
