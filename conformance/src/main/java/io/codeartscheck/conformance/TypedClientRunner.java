package io.codeartscheck.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import io.codeartscheck.client.CodeArtsCheckAsyncClient;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckClientBuilder;
import io.codeartscheck.client.CodeArtsCheckException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a case's {@code client} call through the typed path, {@link CodeArtsCheckClient} or
 * {@link CodeArtsCheckAsyncClient}, over a transport that judges the exchange against the spec,
 * and compares the typed result with the case's {@code then}. {@link TypedCall} maps the case to
 * the call.
 *
 * <p>The client's own argument validation is off, so bad input reaches the server, which must
 * answer it; retries are off, so one call is one exchange.
 */
public final class TypedClientRunner {

  /** The client a runner sends through. */
  public enum Via {
    /** {@link CodeArtsCheckClient}. */
    SYNC_CLIENT,
    /** {@link CodeArtsCheckAsyncClient}; each future is awaited. */
    ASYNC_CLIENT
  }

  /** The longest the runner waits for an async call. */
  private static final long ASYNC_WAIT_SECONDS = 60;

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);

  private final ConformanceRunner raw;
  private final ConformanceTarget target;
  private final SpecVerdicts clientVerdicts = new SpecVerdicts();
  private final Via via;
  private final CodeArtsCheckClient client;
  private final CodeArtsCheckAsyncClient asyncClient;

  /**
   * A runner through the sync client against {@code target} that shares {@code raw}'s
   * preparation of each case.
   *
   * @param raw the raw runner that prepares each case
   * @param target the server under test
   * @param spec the validator that judges each exchange
   */
  public TypedClientRunner(ConformanceRunner raw, ConformanceTarget target, SpecValidator spec) {
    this(raw, target, spec, Via.SYNC_CLIENT);
  }

  /**
   * A runner through the given client against {@code target} that shares {@code raw}'s
   * preparation of each case.
   *
   * @param raw the raw runner that prepares each case
   * @param target the server under test
   * @param spec the validator that judges each exchange
   * @param via the client to send through
   */
  public TypedClientRunner(ConformanceRunner raw, ConformanceTarget target, SpecValidator spec,
      Via via) {
    this.raw = raw;
    this.target = target;
    this.via = via;
    this.client = via == Via.SYNC_CLIENT ? configure(CodeArtsCheckClient.builder(), spec).build()
        : null;
    this.asyncClient = via == Via.ASYNC_CLIENT
        ? configure(CodeArtsCheckAsyncClient.builder(), spec).build() : null;
  }

  private <B extends CodeArtsCheckClientBuilder<B, ?>> B configure(B builder, SpecValidator spec) {
    return builder
        .endpoint(target.baseUrl())
        .authToken(target.token())
        .validateArguments(false)
        .maxAttempts(1)
        .httpClient(new SpecValidatingFeignClient(new Client.Default(null, null), spec, clientVerdicts));
  }

  /**
   * Whether the typed API can express the case's client call (see {@link TypedCall}).
   *
   * @param testCase the case
   * @return whether the case has a client call with a typed form
   */
  public static boolean canExpress(ConformanceCase testCase) {
    return testCase.client() != null && TypedCall.of(testCase.client()).isPresent();
  }

  /**
   * Runs the case's client call; throws an AssertionError naming every failure.
   *
   * @param testCase the case to run
   */
  public void run(ConformanceCase testCase) {
    CaseFailures failures = new CaseFailures(testCase,
        via == Via.SYNC_CLIENT ? "typed client" : "typed async client");
    failures.runAndReport(() -> {
      raw.prepare(testCase, failures);
      clientVerdicts.drain();
      Object result = null;
      CodeArtsCheckException error = null;
      try {
        result = invoke(TypedCall.of(testCase.client()).orElseThrow(() ->
            new IllegalArgumentException("the typed API cannot express " + testCase.client())));
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

  private Object invoke(TypedCall call) throws InterruptedException {
    if (via == Via.SYNC_CLIENT) {
      return call.sendThrough(client);
    }
    try {
      return call.sendThrough(asyncClient).get(ASYNC_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime; // the client's own exception, as the sync client throws it
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the async call did not end in " + ASYNC_WAIT_SECONDS
          + " s", e);
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
