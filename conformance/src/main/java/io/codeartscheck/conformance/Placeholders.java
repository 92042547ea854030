package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids of one run of a case. A case names its ids by placeholder: {@code ${task}} (20 characters),
 * {@code ${task:32}} (exactly 32 characters: lower-case letters and digits) or
 * {@code ${task:emoji:17}} (17 emoji, each two UTF-16 units: a length in characters that a count of
 * UTF-16 units gets wrong). Every run gets fresh random values, so a case never meets data left by
 * another; one name has one value throughout the case, and two names never share one.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)(?::(emoji:)?(\\d+))?}");
  private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int DEFAULT_LENGTH = 20;
  private static final int MAX_LENGTH = 256;
  private static final int MAX_ATTEMPTS = 10_000;
  private static final int FIRST_EMOJI = 0x1F600;
  private static final int EMOJI_COUNT = 80;

  private final Map<String, String> values;

  private Placeholders(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Fresh values for every placeholder in a case's JSON tree.
   *
   * @throws IllegalArgumentException when one name is given two different shapes
   */
  static Placeholders of(JsonNode tree) {
    return of(tree, new HashSet<>());
  }

  /**
   * Fresh values for every placeholder in a case's JSON tree, none of them in {@code issued}, to
   * which they are added: one runner never issues a value twice, so that a task left behind by an
   * earlier case (a server whose delete failed) cannot collide with a later one, even among the 36
   * ids of one character.
   *
   * @throws IllegalArgumentException when one name is given two different shapes
   * @throws IllegalStateException when every value of a shape has been issued
   */
  static Placeholders of(JsonNode tree, Set<String> issued) {
    Map<String, String> shapes = new LinkedHashMap<>();
    collect(tree, shapes);
    Map<String, String> values = new LinkedHashMap<>();
    synchronized (issued) {
      for (Map.Entry<String, String> shape : shapes.entrySet()) {
        String value = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS && (value == null || issued.contains(value)); attempt++) {
          value = generate(shape.getValue());
        }
        if (!issued.add(value)) {
          throw new IllegalStateException("no fresh value left for ${" + shape.getKey() + "} after " + MAX_ATTEMPTS + " attempts");
        }
        values.put(shape.getKey(), value);
      }
    }
    return new Placeholders(values);
  }

  /** Given values, for tests: every placeholder a case names must be among them. */
  static Placeholders fixed(Map<String, String> values) {
    return new Placeholders(Map.copyOf(values));
  }

  /** The value of placeholder {@code name}, or {@code null} when the case has none by that name. */
  String value(String name) {
    return values.get(name);
  }

  /** A copy of {@code tree} with every placeholder in its strings replaced by its value. */
  JsonNode applyTo(JsonNode tree) {
    if (tree.isTextual()) {
      return TextNode.valueOf(apply(tree.asText()));
    }
    if (tree.isObject()) {
      ObjectNode copy = ((ObjectNode) tree).objectNode();
      tree.fields().forEachRemaining(f -> copy.set(f.getKey(), applyTo(f.getValue())));
      return copy;
    }
    if (tree.isArray()) {
      ArrayNode copy = ((ArrayNode) tree).arrayNode();
      tree.forEach(element -> copy.add(applyTo(element)));
      return copy;
    }
    return tree;
  }

  /** {@code text} with every placeholder replaced by its value. */
  String apply(String text) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static void collect(JsonNode node, Map<String, String> shapes) {
    if (node.isTextual()) {
      Matcher m = PLACEHOLDER.matcher(node.asText());
      while (m.find()) {
        String name = m.group(1);
        String shape = m.group(3) == null ? null : (m.group(2) == null ? "" : "emoji:") + m.group(3);
        String known = shapes.get(name);
        if (known != null && shape != null && !known.equals(shape) && !known.equals("default")) {
          throw new IllegalArgumentException("placeholder ${" + name + "} is given two shapes: " + known + " and " + shape);
        }
        if (shape != null) {
          int length = Integer.parseInt(m.group(3));
          if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("placeholder ${" + name + "}: a length of 1 to " + MAX_LENGTH);
          }
          shapes.put(name, shape);
        } else {
          shapes.putIfAbsent(name, "default");
        }
      }
    } else {
      node.forEach(child -> collect(child, shapes));
    }
  }

  private static String generate(String shape) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder value = new StringBuilder();
    if (shape.startsWith("emoji:")) {
      int count = Integer.parseInt(shape.substring("emoji:".length()));
      for (int i = 0; i < count; i++) {
        value.appendCodePoint(FIRST_EMOJI + random.nextInt(EMOJI_COUNT));
      }
      return value.toString();
    }
    int length = shape.equals("default") ? DEFAULT_LENGTH : Integer.parseInt(shape);
    for (int i = 0; i < length; i++) {
      value.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return value.toString();
  }
}
