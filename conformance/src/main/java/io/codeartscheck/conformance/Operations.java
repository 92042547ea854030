package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of the spec on the classpath ({@value SpecValidator#SPEC_RESOURCE}): for each
 * operationId its method, path template and parameters in the spec's order. Turns a case's request
 * description (operation and named inputs) into the request that goes on the wire.
 */
final class Operations {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** The operations of the spec on the classpath. */
  static final Operations SPEC = fromClasspath();

  /** A parameter of an operation: its name and where it goes ({@code path}, {@code query}, {@code header}). */
  record Parameter(String name, String in) {
  }

  /** An operation: its method, path template and parameters in the spec's order. */
  record Operation(String id, String method, String pathTemplate, List<Parameter> parameters) {
  }

  private final Map<String, Operation> operations;

  private Operations(Map<String, Operation> operations) {
    this.operations = operations;
  }

  private static Operations fromClasspath() {
    try (InputStream in = Operations.class.getClassLoader().getResourceAsStream(SpecValidator.SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SpecValidator.SPEC_RESOURCE + " is not on the classpath");
      }
      JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
      Map<String, Operation> operations = new LinkedHashMap<>();
      spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
        if (METHODS.contains(op.getKey())) {
          List<Parameter> parameters = new ArrayList<>();
          op.getValue().path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
              p.path("in").asText())));
          String id = op.getValue().path("operationId").asText();
          operations.put(id, new Operation(id, op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(parameters)));
        }
      }));
      return new Operations(operations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The operation {@code id}; throws naming the known ones when there is none. */
  Operation operation(String id) {
    Operation operation = operations.get(id);
    if (operation == null) {
      throw new IllegalArgumentException("the spec has no operation " + id + " (it has " + operations.keySet() + ")");
    }
    return operation;
  }

  /** Checks that a request names an operation of the spec and only that operation's parameters. */
  void check(ConformanceCase.Request request) {
    if (request.operation() == null) {
      return;
    }
    Operation operation = operation(request.operation());
    for (String input : request.inputs().keySet()) {
      if (operation.parameters().stream().noneMatch(p -> p.name().equals(input))) {
        throw new IllegalArgumentException(request.operation() + " has no parameter " + input + " (it has "
            + operation.parameters().stream().map(Parameter::name).toList() + ")");
      }
    }
    for (Parameter p : operation.parameters()) {
      if (p.in().equals("path") && !request.inputs().containsKey(p.name())) {
        throw new IllegalArgumentException(request.operation() + " needs its path parameter " + p.name());
      }
    }
  }

  /**
   * The request as it goes on the wire: path parameters percent-encoded into the path template,
   * query parameters in the spec's order, header parameters as headers, then the request's own
   * headers; {@code X-Auth-Token} as the request's {@code token} says.
   *
   * @param request the request description, placeholders resolved
   * @param token the target's valid token
   * @param rejectedToken the target's rejected token, or {@code null}
   */
  RawHttpRunner.WireRequest wire(ConformanceCase.Request request, String token, String rejectedToken) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (request.token() == null) {
      headers.put("X-Auth-Token", token);
    } else if (request.token() == ConformanceCase.Token.BLANK) {
      headers.put("X-Auth-Token", "");
    } else if (request.token() == ConformanceCase.Token.REJECTED) {
      headers.put("X-Auth-Token", rejectedToken);
    }
    if (request.operation() == null) {
      headers.putAll(request.headers());
      return new RawHttpRunner.WireRequest(request.method(), request.path(), "", headers);
    }
    Operation operation = operation(request.operation());
    String path = operation.pathTemplate();
    StringBuilder query = new StringBuilder();
    for (Parameter p : operation.parameters()) {
      String value = request.inputs().get(p.name());
      if (value == null) {
        continue;
      }
      switch (p.in()) {
        case "path" -> path = path.replace("{" + p.name() + "}", encode(value));
        case "query" -> query.append(query.length() == 0 ? "" : "&").append(encode(p.name())).append('=')
            .append(encode(value));
        case "header" -> headers.put(p.name(), value);
        default -> throw new IllegalStateException("parameters in " + p.in() + " are not supported");
      }
    }
    headers.putAll(request.headers());
    String method = request.method() == null ? operation.method() : request.method();
    return new RawHttpRunner.WireRequest(method, path, query.toString(), headers);
  }

  /**
   * Percent-encodes a value completely, as {@code CodeArtsCheckClient} does: every UTF-8 byte
   * except the RFC 3986 unreserved characters becomes {@code %XX}, and a value that is exactly
   * {@code .} or {@code ..} is encoded too, so that it stays one path segment.
   */
  static String encode(String value) {
    if (value.equals(".") || value.equals("..")) {
      return value.replace(".", "%2E");
    }
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
