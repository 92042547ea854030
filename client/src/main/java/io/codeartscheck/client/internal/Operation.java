package io.codeartscheck.client.internal;

import feign.Contract;
import feign.MethodMetadata;
import feign.Param;
import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import io.codeartscheck.client.InvalidArgumentException;
import io.codeartscheck.client.internal.api.TaskManagementApi;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One operation of the generated {@link TaskManagementApi}, read once from its method: Feign's
 * metadata (the request line, headers and parameter names of the annotations), the parameter
 * expanders, the argument checks, and the type the answer decodes to. Turns the arguments of a
 * call into the request Feign would build from the same method, without Feign's invocation
 * machinery, so the engine can send it sync or async with the policy of that one call.
 * Internal: not part of the client's API.
 */
final class Operation {
  private static final Map<Method, Operation> ALL = readAll();

  private final Method method;
  private final MethodMetadata metadata;
  private final Param.Expander[] expanders;
  private final ArgumentValidator validator;

  private Operation(Method method, MethodMetadata metadata) {
    this.method = method;
    this.metadata = metadata;
    this.expanders = new Param.Expander[method.getParameterCount()];
    for (Map.Entry<Integer, Class<? extends Param.Expander>> entry
        : metadata.indexToExpanderClass().entrySet()) {
      try {
        expanders[entry.getKey()] = entry.getValue().getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + entry.getValue(), e);
      }
    }
    this.validator = new ArgumentValidator(method);
  }

  private static Map<Method, Operation> readAll() {
    Map<Method, Operation> operations = new HashMap<>();
    for (MethodMetadata metadata : new Contract.Default()
        .parseAndValidateMetadata(TaskManagementApi.class)) {
      operations.put(metadata.method(), new Operation(metadata.method(), metadata));
    }
    return Map.copyOf(operations);
  }

  /**
   * The operation of a method of the generated interface.
   *
   * @param method the method
   * @return its operation
   */
  static Operation of(Method method) {
    Operation operation = ALL.get(method);
    if (operation == null) {
      throw new IllegalArgumentException(method + " is not an operation of TaskManagementApi");
    }
    return operation;
  }

  /** The Java name of the operation, e.g. {@code showCodeHealthSvg}. */
  String name() {
    return method.getName();
  }

  /** The type the 2xx answer decodes to. */
  Type returnType() {
    return method.getGenericReturnType();
  }

  /**
   * Checks the arguments against the spec's constraints (header safety always).
   *
   * @throws InvalidArgumentException naming every bad parameter
   */
  void check(boolean specConstraints, Object[] args) {
    validator.check(specConstraints, args);
  }

  /**
   * Builds the request of a call as Feign does from the method's annotations: each non-null
   * argument expanded (percent-encoded) and resolved into the template; a null one leaves its
   * query parameter or header out.
   *
   * @param args the arguments, in the method's order
   * @param target the endpoint, which turns the template into the request
   * @param userAgent the {@code User-Agent} value
   * @param extraHeaders headers of the request's overrides, none of which the request sets
   * @return the request, without credentials
   * @throws InvalidArgumentException when an extra header is one the request sets itself
   */
  Request request(Object[] args, Target<?> target, String userAgent,
      Map<String, String> extraHeaders) {
    RequestTemplate template = RequestTemplate.from(metadata.template());
    template.feignTarget(target);
    template.methodMetadata(metadata);
    Map<String, Object> variables = new LinkedHashMap<>();
    for (Map.Entry<Integer, Collection<String>> entry : metadata.indexToName().entrySet()) {
      int index = entry.getKey();
      Object value = args[index];
      if (value != null) { // a null argument leaves its parameter out
        Param.Expander expander = expanders[index];
        Object expanded = expander == null ? value : expander.expand(value);
        for (String name : entry.getValue()) {
          variables.put(name, expanded);
        }
      }
    }
    RequestTemplate resolved = template.resolve(variables);
    resolved.header("User-Agent", userAgent);
    for (Map.Entry<String, String> header : extraHeaders.entrySet()) {
      if (resolved.headers().keySet().stream().anyMatch(header.getKey()::equalsIgnoreCase)) {
        throw new InvalidArgumentException("header '" + header.getKey() + "' is set by the "
            + "request itself; it cannot be an extra header");
      }
      resolved.header(header.getKey(), header.getValue());
    }
    return target.apply(resolved);
  }

  @Override
  public String toString() {
    return metadata.configKey();
  }
}
