package io.codeartscheck.client.internal;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import io.codeartscheck.client.InvalidArgumentException;
import io.codeartscheck.client.api.TaskManagementApi;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
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
 * {@code {min}}, {@code {max}} and {@code {regexp}} filled in as a provider would. Lengths count
 * characters (Unicode code points), as JSON Schema's {@code minLength}/{@code maxLength} do: a
 * task id of 17 emoji is 17 characters long, not 34.
 *
 * <p>Beyond the spec, path and query values may not contain control characters or unpaired
 * surrogates, and a path value may not be {@code .} or {@code ..}, as it is or after any number of
 * percent-decodings ({@code %2e%2E}, {@code .%2E}, {@code %252E}): a server that normalises the
 * path (RFC 3986 section 6.2.2.2, WHATWG URL) would route it to another resource. These checks,
 * like the spec's, are skipped when validation is off (the value is still sent encoded); header
 * values are always checked.
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
    RequestLine line = method.getAnnotation(RequestLine.class);
    String target = line == null ? "" : line.value();
    int queryStart = target.indexOf('?');
    String pathTemplate = queryStart < 0 ? target : target.substring(0, queryStart);
    String queryTemplate = queryStart < 0 ? "" : target.substring(queryStart);
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
      Kind kind = headerParams.contains(name) ? Kind.HEADER
          : pathTemplate.contains("{" + name + "}") ? Kind.PATH
          : queryTemplate.contains("{" + name + "}") ? Kind.QUERY
          : Kind.OTHER;
      rules.add(new ParameterRule(name, kind, constraints));
    }
    return List.copyOf(rules);
  }

  /** Where a parameter goes on the wire. */
  private enum Kind {
    PATH, QUERY, HEADER, OTHER
  }

  private static final class ParameterRule {
    private final String javaName;
    private final Kind kind;
    private final List<Annotation> constraints;

    ParameterRule(String javaName, Kind kind, List<Annotation> constraints) {
      this.javaName = javaName;
      this.kind = kind;
      this.constraints = List.copyOf(constraints);
    }

    void check(Object value, boolean specConstraints, List<String> problems) {
      if (kind == Kind.HEADER && value != null && !isHeaderSafe(value.toString())) {
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
      if (value != null && (kind == Kind.PATH || kind == Kind.QUERY)) {
        String problem = unsafeUriValue(value.toString(), kind == Kind.PATH);
        if (problem != null) {
          problems.add(wireName() + ": " + problem);
        }
      }
    }

    /**
     * Why a path or query value cannot be sent as the caller meant it, or null. The value and each
     * of its percent-decodings are looked at, so an encoded dot-segment or control character is
     * caught too.
     */
    private static String unsafeUriValue(String value, boolean pathSegment) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
            && Character.isLowSurrogate(value.charAt(i + 1)))) {
          return "must not contain an unpaired surrogate (it has no UTF-8 form)";
        }
        if (Character.isHighSurrogate(c)) {
          i++;
        }
      }
      String decoded = value;
      for (int level = 0; level < 8; level++) {
        if (pathSegment && (decoded.equals(".") || decoded.equals(".."))) {
          return "must not be '.' or '..'" + (level == 0 ? "" : " in any encoding (was '"
              + value + "')") + ": a server that normalises the path would send the request to "
              + "another resource";
        }
        if (decoded.codePoints().anyMatch(Character::isISOControl)) {
          return "must not contain control characters" + (level == 0 ? "" : " in any encoding");
        }
        String next = percentDecode(decoded);
        if (next.equals(decoded)) {
          return null;
        }
        decoded = next;
      }
      return null;
    }

    /** Decodes every valid {@code %XX} triplet (as UTF-8); anything else stays as it is. */
    private static String percentDecode(String text) {
      if (text.indexOf('%') < 0) {
        return text;
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        int high;
        int low;
        if (c == '%' && i + 2 < text.length()
            && (high = Character.digit(text.charAt(i + 1), 16)) >= 0
            && (low = Character.digit(text.charAt(i + 2), 16)) >= 0) {
          bytes.write(high * 16 + low);
          i += 2;
        } else {
          int codePoint = text.codePointAt(i);
          byte[] raw = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
          bytes.write(raw, 0, raw.length);
          i += Character.charCount(codePoint) - 1;
        }
      }
      return bytes.toString(StandardCharsets.UTF_8);
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
        // JSON Schema counts characters (code points), not UTF-16 units
        int length = text.codePointCount(0, text.length());
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
