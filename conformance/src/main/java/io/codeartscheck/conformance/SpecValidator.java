package io.codeartscheck.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Judges exchanges against {@code codearts-check.yaml} with Atlassian's swagger-request-validator.
 *
 * <p>Thread-safe. Counts the exchanges it has judged, so a run can say how many it validated.
 *
 * <pre>{@code
 * SpecValidator spec = SpecValidator.fromClasspath();
 * SpecVerdict verdict = spec.judge(exchange);
 * assertThat(verdict.responseProblems()).isEmpty();
 * }</pre>
 */
public final class SpecValidator {

  /** Where the {@code codearts-check-openapi} jar carries the spec. */
  public static final String SPEC_RESOURCE = "META-INF/openapi/codearts-check.yaml";

  private final OpenApiInteractionValidator validator;
  private final AtomicInteger judged = new AtomicInteger();

  private SpecValidator(String specText) {
    this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(specText).build();
  }

  /**
   * A validator for the spec on the classpath, at {@value #SPEC_RESOURCE}.
   *
   * @return the validator
   */
  public static SpecValidator fromClasspath() {
    try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SPEC_RESOURCE + " is not on the classpath");
      }
      return new SpecValidator(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A validator for the given spec text (YAML or JSON).
   *
   * @param specText the spec
   * @return the validator
   */
  public static SpecValidator forSpec(String specText) {
    return new SpecValidator(specText);
  }

  /**
   * How many exchanges this validator has judged.
   *
   * @return the number of exchanges judged
   */
  public int judgedCount() {
    return judged.get();
  }

  /**
   * Judges the request and the response of one exchange.
   *
   * @param exchange the request and the response
   * @return the validator's messages on each
   */
  public SpecVerdict judge(Exchange exchange) {
    judged.incrementAndGet();
    SimpleRequest request = request(exchange);
    SimpleResponse response = response(exchange);
    ValidationReport requestReport = validator.validateRequest(request);
    ValidationReport responseReport = validator.validateResponse(
        exchange.rawPath(), Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT)), response);
    return new SpecVerdict(exchange, problems(requestReport), problems(responseReport));
  }

  private static List<String> problems(ValidationReport report) {
    List<String> problems = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(message.getKey() + ": " + message.getMessage());
      }
    }
    return problems;
  }

  private static SimpleRequest request(Exchange exchange) {
    SimpleRequest.Builder builder =
        new SimpleRequest.Builder(exchange.method().toUpperCase(Locale.ROOT), exchange.rawPath());
    queryParameters(exchange.rawQuery()).forEach(builder::withQueryParam);
    exchange.requestHeaders().forEach((name, values) -> {
      if (name != null) {
        builder.withHeader(name, values);
      }
    });
    if (exchange.requestBody() != null && !exchange.requestBody().isEmpty()) {
      builder.withBody(exchange.requestBody());
    }
    return builder.build();
  }

  private static SimpleResponse response(Exchange exchange) {
    SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.status());
    exchange.responseHeaders().forEach((name, values) -> {
      if (name != null) {
        builder.withHeader(name, values);
      }
    });
    if (!exchange.responseBody().isEmpty()) {
      builder.withBody(exchange.responseBody());
    }
    return builder.build();
  }

  /** Splits a raw query into decoded names and values, keeping empty values ({@code task_id=}). */
  static Map<String, List<String>> queryParameters(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      parameters.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), n -> new ArrayList<>())
          .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return parameters;
  }
}
