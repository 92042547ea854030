package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Compares what came back with what a case's {@code then} expects, and says what differs. */
final class Expectations {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Expectations() {
  }

  /** The differences between the exchange's response and {@code then}; empty when it matches. */
  static List<String> mismatches(ConformanceCase.Then then, Exchange exchange) {
    List<String> problems = new ArrayList<>();
    if (!then.expects(exchange.status())) {
      problems.add("status " + exchange.status() + ", expected " + then.statusText());
    }
    for (Map.Entry<String, String> header : then.headers().entrySet()) {
      String actual = exchange.responseHeader(header.getKey());
      String expected = header.getValue();
      if (actual == null) {
        problems.add("header " + header.getKey() + " missing");
      } else if (!"*".equals(expected) && !sameValue(actual, expected)) {
        problems.add("header " + header.getKey() + " is '" + actual + "', expected '" + expected + "'");
      }
    }
    String body = exchange.responseBody();
    if (then.text() != null && !then.text().equals(body)) {
      problems.add("body is '" + abbreviated(body) + "', expected exactly '" + abbreviated(then.text()) + "'");
    }
    problems.addAll(textProblems(then, body, "body"));
    if (then.svg()) {
      problems.addAll(svgProblems(body));
    }
    if (then.json() != null) {
      JsonNode actual = parse(body, problems);
      if (actual != null && !actual.equals(then.json())) {
        problems.add("body " + actual + " differs from the expected " + then.json());
      } else if (actual != null && !sameFieldOrder(actual, then.json())) {
        problems.add("body " + actual + " has its fields in another order than " + then.json());
      }
    }
    if (exchange.status() >= 400) {
      JsonNode error = parse(body, problems);
      if (error != null) {
        problems.addAll(errorMismatches(then, error.path("error_code").asText(null), error.path("error_msg").asText(null)));
        if (error.size() != 2) {
          problems.add("error body has fields other than error_code and error_msg: " + error);
        }
      }
    }
    return problems;
  }

  /** Whether every object in {@code a} lists its fields in the same order as in {@code b}. */
  static boolean sameFieldOrder(JsonNode a, JsonNode b) {
    if (a.isObject()) {
      List<String> namesA = new ArrayList<>();
      List<String> namesB = new ArrayList<>();
      a.fieldNames().forEachRemaining(namesA::add);
      b.fieldNames().forEachRemaining(namesB::add);
      return namesA.equals(namesB) && namesA.stream().allMatch(n -> sameFieldOrder(a.get(n), b.get(n)));
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameFieldOrder(a.get(i), b.get(i))) {
          return false;
        }
      }
    }
    return true;
  }

  /** The differences between an error's code and message and what {@code then} expects. */
  static List<String> errorMismatches(ConformanceCase.Then then, String errorCode, String errorMsg) {
    List<String> problems = new ArrayList<>();
    if (errorCode == null || errorCode.isBlank()) {
      problems.add("error_code is missing or blank");
    } else if (then.errorCode() != null && !errorCodeMatches(then.errorCode(), errorCode)) {
      problems.add("error_code is " + errorCode + ", expected " + then.errorCode()
          + (then.errorCode().contains("x") ? " (each x a digit)" : ""));
    }
    if (errorMsg == null || errorMsg.isBlank()) {
      problems.add("error_msg is missing or blank");
    } else if (then.errorMsgContains() != null && !errorMsg.contains(then.errorMsgContains())) {
      problems.add("error_msg '" + errorMsg + "' does not mention '" + then.errorMsgContains() + "'");
    }
    return problems;
  }

  /** Each pattern of {@code then.textMatches} that matches nowhere in {@code text}. */
  static List<String> textProblems(ConformanceCase.Then then, String text, String what) {
    List<String> problems = new ArrayList<>();
    for (String pattern : then.textMatches()) {
      if (!Pattern.compile(pattern).matcher(text).find()) {
        problems.add(what + " has nothing that matches " + pattern + ": '" + abbreviated(text) + "'");
      }
    }
    return problems;
  }

  /** Whether {@code actual} is the {@code expected} code, each {@code x} in it standing for one digit. */
  static boolean errorCodeMatches(String expected, String actual) {
    if (expected.length() != actual.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      char e = expected.charAt(i);
      char a = actual.charAt(i);
      if (e == 'x' ? !(a >= '0' && a <= '9') : e != a) {
        return false;
      }
    }
    return true;
  }

  /** Problems with a body that must be an SVG document: well-formed XML whose root is {@code svg}. */
  static List<String> svgProblems(String body) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(body)));
      String root = document.getDocumentElement().getLocalName();
      return "svg".equals(root) ? List.of() : List.of("body's root element is " + root + ", not svg");
    } catch (Exception e) {
      return List.of("body is not well-formed XML (" + e.getMessage() + "): '" + abbreviated(body) + "'");
    }
  }

  private static JsonNode parse(String body, List<String> problems) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        problems.add("body is empty, expected JSON");
      }
      return node;
    } catch (IOException e) {
      problems.add("body is not JSON: '" + abbreviated(body) + "'");
      return null;
    }
  }

  /** Equal without regard to case or spaces; an expected value without parameters ignores them. */
  private static boolean sameValue(String actual, String expected) {
    String a = normalized(actual);
    String e = normalized(expected);
    return a.equals(e) || (!e.contains(";") && a.startsWith(e + ";"));
  }

  private static String normalized(String headerValue) {
    return headerValue.replace(" ", "").toLowerCase(Locale.ROOT);
  }

  static String abbreviated(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "…";
  }
}
