package io.codeartscheck.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs conformance cases as raw HTTP against a {@link ConformanceTarget}, with the spec as a judge
 * on the client's side of the wire and, where the target has one, on the server's side too.
 *
 * <pre>{@code
 * ConformanceRunner runner = new ConformanceRunner(target, SpecValidator.fromClasspath());
 * for (ConformanceCase c : ConformanceRunner.loadCases(Path.of("src/test/resources/cases"))) {
 *   runner.runRaw(c); // throws AssertionError with a report when the server does not conform
 * }
 * }</pre>
 */
public final class ConformanceRunner {

  private final ConformanceTarget target;
  private final SpecValidator spec;
  private final RawHttpRunner http;

  /**
   * A runner against {@code target}, judging with {@code spec}.
   *
   * @param target the server under test
   * @param spec the validator that judges each exchange
   */
  public ConformanceRunner(ConformanceTarget target, SpecValidator spec) {
    this.target = target;
    this.spec = spec;
    this.http = new RawHttpRunner(target.baseUrl(), target.token());
  }

  /**
   * Reads every {@code *.json} case in a directory, sorted by name.
   *
   * @param directory the folder of case files
   * @return the cases, sorted by name
   */
  public static List<ConformanceCase> loadCases(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      List<ConformanceCase> cases = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        try (InputStream in = Files.newInputStream(file)) {
          cases.add(ConformanceCase.read(name, in));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether the case can run against this target.
   *
   * @param testCase the case
   * @return whether the case can run
   */
  public boolean applies(ConformanceCase testCase) {
    return !testCase.needsDefaultData() || target.hasDefaultData();
  }

  /**
   * Sends the case's requests, each checked; throws an AssertionError naming every failure.
   *
   * @param testCase the case to run
   */
  public void runRaw(ConformanceCase testCase) {
    CaseFailures failures = new CaseFailures(testCase, "raw HTTP");
    failures.runAndReport(() -> {
      prepare(testCase, failures);
      Exchange exchange = http.send(testCase.when());
      failures.exchange(exchange);
      failures.addAll("", Expectations.mismatches(testCase.then(), exchange));
      judge(testCase, exchange, "client-side spec: ", failures);
      judgeServerSide(testCase, exchange, failures);
    });
  }

  /**
   * Resets the target and sends the case's {@code given} requests, each of which must succeed and
   * conform. Used by the typed path too.
   */
  void prepare(ConformanceCase testCase, CaseFailures failures) throws IOException, InterruptedException {
    if (testCase.needsDefaultData()) {
      target.reset();
    }
    for (ConformanceCase.Request given : testCase.given()) {
      Exchange exchange = http.send(given);
      if (exchange.status() / 100 != 2) {
        failures.add("given " + exchange.requestLine() + " answered " + exchange.status() + ": "
            + exchange.responseBody());
      }
      SpecVerdict verdict = spec.judge(exchange);
      failures.addAll("given, client-side spec: ", verdict.requestProblems());
      failures.addAll("given, client-side spec: ", verdict.responseProblems());
    }
    target.serverVerdicts();
  }

  /** Judges one exchange of the case against the spec and records what is wrong. */
  void judge(ConformanceCase testCase, Exchange exchange, String prefix, CaseFailures failures) {
    if (testCase.outsideSpec()) {
      return;
    }
    SpecVerdict verdict = spec.judge(exchange);
    failures.addAll(prefix, verdict.responseProblems());
    if (testCase.requestConforms()) {
      failures.addAll(prefix, verdict.requestProblems());
    } else if (verdict.requestConforms()) {
      failures.add(prefix + "the case sends bad input on purpose, but the spec accepts the request");
    }
  }

  /**
   * Checks what the server-side validator saw of the case's last request. The server judges a
   * response after writing it, so the verdict may come a moment after the client has the answer.
   */
  void judgeServerSide(ConformanceCase testCase, Exchange sent, CaseFailures failures) {
    if (!target.validatesServerSide()) {
      return;
    }
    List<SpecVerdict> seen = new ArrayList<>();
    long deadline = System.nanoTime() + 2_000_000_000L;
    SpecVerdict verdict = null;
    while (verdict == null && System.nanoTime() < deadline) {
      seen.addAll(target.serverVerdicts());
      verdict = seen.stream().filter(v -> v.exchange().requestLine().equals(sent.requestLine()))
          .findFirst().orElse(null);
      if (verdict == null) {
        sleep();
      }
    }
    if (verdict == null) {
      failures.add("server-side spec: the server's validator never judged this request; it saw " + seen);
      return;
    }
    if (testCase.outsideSpec()) {
      return;
    }
    failures.addAll("server-side spec: ", verdict.responseProblems());
    if (testCase.requestConforms()) {
      failures.addAll("server-side spec: ", verdict.requestProblems());
    } else if (verdict.requestConforms()) {
      failures.add("server-side spec: the case sends bad input on purpose, but the spec accepts the request");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * How many exchanges the spec validator has judged (both sides, if they share it).
   *
   * @return the number of exchanges judged
   */
  public int judgedCount() {
    return spec.judgedCount();
  }
}
