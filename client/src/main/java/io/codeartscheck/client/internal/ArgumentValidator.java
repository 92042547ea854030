package io.codeartscheck.client.internal;

import feign.Headers;
import feign.Param;
import io.codeartscheck.client.InvalidArgumentException;
import io.codeartscheck.client.api.TaskManagementApi;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Checks arguments against the bean-validation constraints that the generated
 * {@link TaskManagementApi} carries (the spec's minLength, maxLength, pattern and required), before
 * anything is sent. Internal: not part of the client's API.
 *
 * <p>The constraints are read reflectively, so no validation provider is needed at run time. Their
 * messages come from the generated annotations and name the wire parameter ({@code task_id}), with
 * {@code {min}}, {@code {max}} and {@code {regexp}} filled in as a provider would.
 */
public final class ArgumentValidator {
  private static final java.util.regex.Pattern HEADER_PARAM =
      java.util.regex.Pattern.compile("^\\s*([^:]+):\\s*\\{([^}]+)}\\s*$");

  private final Map<String, List<ParameterRule>> rulesByOperation;

  /** Reads the constraints of every operation of {@link TaskManagementApi}. */
  public ArgumentValidator() {
    Map<String, List<ParameterRule>> rules = new HashMap<>();
    for (Method method : TaskManagementApi.class.getMethods()) {
      if (rules.put(method.getName(), rulesOf(method)) != null) {
        throw new IllegalStateException("overloaded operation " + method.getName());
      }
    }
    this.rulesByOperation = Map.copyOf(rules);
  }

  /**
   * Checks the arguments of one operation.
   *
   * @param operation the Java name of the operation, e.g. {@code showCodeHealthSvg}
   * @param specConstraints whether to check the spec's constraints (header safety is always checked)
   * @param args the arguments, in the order of the generated method
   * @throws InvalidArgumentException naming every wire parameter that breaks a constraint
   */
  public void check(String operation, boolean specConstraints, Object... args) {
    List<ParameterRule> rules = rulesByOperation.get(operation);
    if (rules == null || rules.size() != args.length) {
      throw new IllegalArgumentException("unknown operation " + operation + "/" + args.length);
    }
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      rules.get(i).check(args[i], specConstraints, problems);
    }
    if (!problems.isEmpty()) {
      throw new InvalidArgumentException(String.join("; ", problems));
    }
  }

  private static List<ParameterRule> rulesOf(Method method) {
    Set<String> headerParams = new HashSet<>();
    Headers headers = method.getAnnotation(Headers.class);
    if (headers != null) {
      for (String header : headers.value()) {
        Matcher matcher = HEADER_PARAM.matcher(header);
        if (matcher.matches()) {
          headerParams.add(matcher.group(2));
        }
      }
    }
    List<ParameterRule> rules = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      Param param = parameter.getAnnotation(Param.class);
      String name = param == null ? parameter.getName() : param.value();
      List<Annotation> constraints = new ArrayList<>();
      for (Annotation annotation : parameter.getAnnotations()) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type == NotNull.class || type == Size.class || type == Pattern.class) {
          constraints.add(annotation);
        } else if (type.getPackageName().startsWith("jakarta.validation")) {
          // A constraint this class does not understand must not be skipped silently.
          throw new IllegalStateException("unsupported constraint " + type.getName() + " on "
              + method.getName() + "(" + name + ")");
        }
      }
      rules.add(new ParameterRule(name, headerParams.contains(name), constraints));
    }
    return List.copyOf(rules);
  }

  private static final class ParameterRule {
    private final String javaName;
    private final boolean header;
    private final List<Annotation> constraints;

    ParameterRule(String javaName, boolean header, List<Annotation> constraints) {
      this.javaName = javaName;
      this.header = header;
      this.constraints = List.copyOf(constraints);
    }

    void check(Object value, boolean specConstraints, List<String> problems) {
      if (header && value != null && !isHeaderSafe(value.toString())) {
        problems.add(wireName() + ": must contain only printable ASCII characters (it is sent as "
            + "an HTTP header)");
        return;
      }
      if (!specConstraints) {
        return;
      }
      for (Annotation constraint : constraints) {
        String problem = violation(constraint, value);
        if (problem != null) {
          problems.add(problem);
          return;
        }
      }
    }

    /** The wire name, taken from the constraint messages the template writes ("task_id: ..."). */
    private String wireName() {
      for (Annotation constraint : constraints) {
        String message = message(constraint);
        int colon = message.indexOf(':');
        if (colon > 0) {
          return message.substring(0, colon);
        }
      }
      return javaName;
    }

    private static String violation(Annotation constraint, Object value) {
      if (constraint instanceof NotNull) {
        return value == null ? message(constraint) : null;
      }
      if (value == null) {
        return null; // as in bean validation, only @NotNull rejects null
      }
      String text = value.toString();
      if (constraint instanceof Size) {
        Size size = (Size) constraint;
        int length = text.length();
        return length < size.min() || length > size.max()
            ? message(constraint).replace("{min}", Integer.toString(size.min()))
                .replace("{max}", Integer.toString(size.max()))
            : null;
      }
      Pattern pattern = (Pattern) constraint;
      return java.util.regex.Pattern.compile(pattern.regexp()).matcher(text).matches()
          ? null
          : message(constraint).replace("{regexp}", pattern.regexp());
    }

    private static String message(Annotation constraint) {
      if (constraint instanceof NotNull) {
        return ((NotNull) constraint).message();
      }
      if (constraint instanceof Size) {
        return ((Size) constraint).message();
      }
      return ((Pattern) constraint).message();
    }

    private static boolean isHeaderSafe(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          return false;
        }
      }
      return true;
    }
  }
}
