package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;

/**
 * Runs a case's {@code client} call through {@link CodeArtsCheckClient}, the typed path, over a
 * transport that judges the exchange against the spec, and compares the typed result with the
 * case's {@code then}.
 *
 * <p>The client's own argument validation is off, so bad input reaches the server, which must
 * answer it; retries are off, so one call is one exchange.
 */
public final class TypedClientRunner {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  private final ConformanceRunner raw;
  private final ConformanceTarget target;
  private final SpecVerdicts clientVerdicts = new SpecVerdicts();
  private final CodeArtsCheckClient client;

  /**
   * A runner against {@code target} that shares {@code raw}'s preparation of each case.
   *
   * @param raw the raw runner that prepares each case
   * @param target the server under test
   * @param spec the validator that judges each exchange
   */
  public TypedClientRunner(ConformanceRunner raw, ConformanceTarget target, SpecValidator spec) {
    this.raw = raw;
    this.target = target;
    this.client = CodeArtsCheckClient.builder()
        .endpoint(target.baseUrl())
        .authToken(target.token())
        .validateArguments(false)
        .maxAttempts(1)
        .httpClient(new SpecValidatingFeignClient(new Client.Default(null, null), spec, clientVerdicts))
        .build();
  }

  /**
   * Runs the case's client call; throws an AssertionError naming every failure.
   *
   * @param testCase the case to run
   */
  public void run(ConformanceCase testCase) {
    CaseFailures failures = new CaseFailures(testCase, "typed client");
    failures.runAndReport(() -> {
      raw.prepare(testCase, failures);
      clientVerdicts.drain();
      Object result = null;
      CodeArtsCheckException error = null;
      try {
        result = invoke(testCase.client());
      } catch (CodeArtsCheckException e) {
        error = e;
      }
      List<SpecVerdict> verdicts = clientVerdicts.drain();
      if (verdicts.size() != 1) {
        failures.add("expected the call to make exactly 1 exchange, saw " + verdicts.size());
      } else {
        Exchange exchange = verdicts.get(0).exchange();
        failures.exchange(exchange);
        raw.judge(testCase, exchange, "client-side spec: ", failures);
        raw.judgeServerSide(testCase, exchange, failures);
      }
      compare(testCase.then(), result, error, failures);
    });
  }

  private Object invoke(ConformanceCase.ClientCall call) {
    Class<?>[] types = new Class<?>[call.args().size()];
    java.util.Arrays.fill(types, String.class);
    try {
      Method method = CodeArtsCheckClient.class.getMethod(call.operation(), types);
      return method.invoke(client, call.args().toArray());
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("CodeArtsCheckClient has no " + call.operation() + " taking "
          + types.length + " strings", e);
    }
  }

  private static void compare(ConformanceCase.Then then, Object result, CodeArtsCheckException error,
      CaseFailures failures) {
    if (then.status() / 100 == 2) {
      if (error != null) {
        failures.add("the client threw " + error);
        return;
      }
      if (result instanceof String text) {
        if (then.text() != null && !then.text().equals(text)) {
          failures.add("the client returned '" + Expectations.abbreviated(text) + "', expected '" + then.text() + "'");
        }
        then.textContains().stream().filter(part -> !text.contains(part))
            .forEach(part -> failures.add("the client's text does not contain '" + part + "'"));
        if (then.svg()) {
          failures.addAll("the client's text: ", Expectations.svgProblems(text));
        }
      } else if (then.json() != null) {
        JsonNode actual = JSON.valueToTree(result);
        if (!actual.equals(then.json())) {
          failures.add("the client decoded " + actual + ", expected " + then.json());
        }
      }
      return;
    }
    if (error == null) {
      failures.add("the client returned " + result + ", expected an error with status " + then.status());
      return;
    }
    if (error.getHttpStatusCode() != then.status()) {
      failures.add("the client's exception has status " + error.getHttpStatusCode() + ", expected " + then.status());
    }
    failures.addAll("the client's exception: ", Expectations.errorMismatches(then, error.getErrorCode(), error.getErrorMsg()));
  }
}
