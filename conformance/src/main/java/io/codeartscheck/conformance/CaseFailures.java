package io.codeartscheck.conformance;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The failures found while running one case, with the exchange they concern. */
final class CaseFailures {

  private final ConformanceCase testCase;
  private final String path;
  private final List<String> failures = new ArrayList<>();
  private Exchange exchange;

  CaseFailures(ConformanceCase testCase, String path) {
    this.testCase = testCase;
    this.path = path;
  }

  void exchange(Exchange exchange) {
    this.exchange = exchange;
  }

  void add(String failure) {
    failures.add(failure);
  }

  void addAll(String prefix, List<String> more) {
    more.forEach(f -> failures.add(prefix + f));
  }

  boolean isEmpty() {
    return failures.isEmpty();
  }

  /** One step of a case that talks to the server. */
  interface Step {
    void run() throws IOException, InterruptedException;
  }

  /** Runs {@code step}, recording a transport failure, then throws an AssertionError if anything failed. */
  void runAndReport(Step step) {
    try {
      step.run();
    } catch (IOException e) {
      failures.add("transport failure: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("interrupted");
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(report());
    }
  }

  /** The report printed when the case fails. */
  String report() {
    StringBuilder text = new StringBuilder("case ").append(testCase).append(" (").append(path).append(')');
    if (exchange != null) {
      text.append("\n  ").append(exchange.requestLine()).append(" -> ").append(exchange.status())
          .append("\n  body: ").append(Expectations.abbreviated(exchange.responseBody()));
    }
    failures.forEach(f -> text.append("\n  - ").append(f));
    return text.toString();
  }
}
