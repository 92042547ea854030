package io.codeartscheck.client.internal;

import io.codeartscheck.client.InvalidArgumentException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the arguments of one generated method against the bean-validation constraints it carries
 * (the spec's minLength, maxLength, pattern and required), before anything is sent. Internal: not
 * part of the client's API.
 *
 * <p>The constraints are read reflectively from the real {@link Method}, once, so no validation
 * provider is needed at run time. Each parameter's wire name and place come from its
 * {@link WireParameter}; a violated constraint is reported with the annotation's own message
 * (written by the template, naming the wire parameter) with {@code {min}}, {@code {max}} and
 * {@code {regexp}} filled in as a provider would. Lengths count characters (Unicode code points),
 * as JSON Schema's {@code minLength}/{@code maxLength} do: a task id of 17 emoji is 17 characters
 * long, not 34.
 *
 * <p>Beyond the spec, path and query values may not contain control characters or unpaired
 * surrogates, and a path value may not be {@code .} or {@code ..}, as it is or after any number of
 * percent-decodings ({@code %2e%2E}, {@code .%2E}, {@code %252E}): a server that normalises the
 * path (RFC 3986 section 6.2.2.2, WHATWG URL) would route it to another resource. These checks,
 * like the spec's, are skipped when validation is off (the value is still sent encoded); header
 * values are always checked.
 */
final class ArgumentValidator {
  private final List<ParameterRule> rules;

  /**
   * Reads the constraints of one method of the generated interface.
   *
   * @param method the generated method
   * @throws IllegalStateException when a parameter has no {@link WireParameter} or carries a
   *     constraint this class does not understand
   */
  ArgumentValidator(Method method) {
    List<ParameterRule> list = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      WireParameter wire = parameter.getAnnotation(WireParameter.class);
      if (wire == null) {
        throw new IllegalStateException(method.getName() + "(" + parameter.getName()
            + ") has no @WireParameter: is the generated interface from the project's template?");
      }
      List<Annotation> constraints = new ArrayList<>();
      for (Annotation annotation : parameter.getAnnotations()) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type == NotNull.class || type == Size.class || type == Pattern.class) {
          constraints.add(annotation);
        } else if (type.getPackageName().startsWith("jakarta.validation")) {
          // A constraint this class does not understand must not be skipped silently.
          throw new IllegalStateException("unsupported constraint " + type.getName() + " on "
              + method.getName() + "(" + wire.name() + ")");
        }
      }
      list.add(new ParameterRule(wire.name(), wire.in(), constraints));
    }
    this.rules = List.copyOf(list);
  }

  /**
   * Checks the arguments of one call.
   *
   * @param specConstraints whether to check the spec's constraints (header safety is always checked)
   * @param args the arguments, in the order of the generated method
   * @throws InvalidArgumentException naming every wire parameter that breaks a constraint
   */
  void check(boolean specConstraints, Object[] args) {
    List<String> problems = null;
    for (int i = 0; i < rules.size(); i++) {
      String problem = rules.get(i).check(args[i], specConstraints);
      if (problem != null) {
        if (problems == null) {
          problems = new ArrayList<>(2);
        }
        problems.add(problem);
      }
    }
    if (problems != null) {
      throw new InvalidArgumentException(String.join("; ", problems));
    }
  }

  private static final class ParameterRule {
    private final String wireName;
    private final WireParameter.Location location;
    private final List<Annotation> constraints;
    /** The compiled regular expression of the {@link Pattern} constraint, or null. */
    private final java.util.regex.Pattern regex;

    ParameterRule(String wireName, WireParameter.Location location,
        List<Annotation> constraints) {
      this.wireName = wireName;
      this.location = location;
      this.constraints = List.copyOf(constraints);
      this.regex = constraints.stream().filter(c -> c instanceof Pattern).findFirst()
          .map(c -> java.util.regex.Pattern.compile(((Pattern) c).regexp())).orElse(null);
    }

    /** The problem with this argument, or null. */
    String check(Object value, boolean specConstraints) {
      if (location == WireParameter.Location.HEADER && value != null
          && !isHeaderSafe(value.toString())) {
        return wireName + ": must contain only printable ASCII characters (it is sent as an "
            + "HTTP header)";
      }
      if (!specConstraints) {
        return null;
      }
      for (Annotation constraint : constraints) {
        String problem = violation(constraint, value);
        if (problem != null) {
          return problem;
        }
      }
      if (value != null && location != WireParameter.Location.HEADER) {
        String problem = unsafeUriValue(value.toString(),
            location == WireParameter.Location.PATH);
        if (problem != null) {
          return wireName + ": " + problem;
        }
      }
      return null;
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

    private String violation(Annotation constraint, Object value) {
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
      return regex.matcher(text).matches()
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
