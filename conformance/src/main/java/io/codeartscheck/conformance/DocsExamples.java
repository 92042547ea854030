package io.codeartscheck.conformance;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The docs' example bodies, as the {@code codearts-check-openapi} jar publishes them under
 * {@value #DIRECTORY} (derived from the spec at build time: the one home of these bodies).
 */
final class DocsExamples {

  /** Where the openapi jar carries the examples. */
  static final String DIRECTORY = "META-INF/openapi/examples/";

  private static final Map<String, JsonNode> PARSED = new ConcurrentHashMap<>();

  private DocsExamples() {
  }

  /**
   * The JSON value at {@code ref} ({@code file}, or {@code file#/json/pointer}) with the values in
   * {@code with} put at their JSON pointers.
   *
   * @throws IllegalArgumentException when the file, the pointer or a replaced value's parent is missing
   */
  static JsonNode json(String ref, Map<String, JsonNode> with) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    JsonNode whole = PARSED.computeIfAbsent(file, f -> {
      try {
        return ConformanceCase.JSON.readTree(text(f));
      } catch (IOException e) {
        throw new IllegalArgumentException("example " + f + " is not JSON: " + e.getMessage(), e);
      }
    });
    JsonNode value = hash < 0 ? whole : whole.at(ref.substring(hash + 1));
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("example " + ref + " does not exist");
    }
    JsonNode copy = value.deepCopy();
    for (Map.Entry<String, JsonNode> replacement : with.entrySet()) {
      JsonPointer pointer = JsonPointer.compile(replacement.getKey());
      JsonNode parent = copy.at(pointer.head());
      String last = pointer.last().getMatchingProperty();
      if (parent instanceof ObjectNode object && object.has(last)) {
        object.set(last, replacement.getValue());
      } else if (parent instanceof ArrayNode array && pointer.last().getMatchingIndex() >= 0
          && pointer.last().getMatchingIndex() < array.size()) {
        array.set(pointer.last().getMatchingIndex(), replacement.getValue());
      } else {
        throw new IllegalArgumentException("example " + ref + " has nothing at " + replacement.getKey() + " to replace");
      }
    }
    return copy;
  }

  /**
   * The example file {@code name}, as published.
   *
   * @throws IllegalStateException when the openapi jar is not on the classpath or has no such file
   */
  static String text(String name) {
    try (InputStream in = DocsExamples.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalStateException(DIRECTORY + name + " is not on the classpath (it comes with codearts-check-openapi)");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
