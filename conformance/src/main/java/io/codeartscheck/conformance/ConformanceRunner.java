package io.codeartscheck.conformance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import io.codeartscheck.server.model.JobReportInfo;
import io.codeartscheck.server.model.TaskCronResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs cases against a {@link ConformanceTarget}, as raw HTTP or through the typed client, with the
 * spec as a judge on the client's side of the wire and, where the target reports them, on the
 * server's side too. Each run gets fresh ids, makes the case's tasks through the target's fixtures,
 * sends the case's earlier requests, sends the request under test, judges it, and deletes the tasks.
 */
final class ConformanceRunner implements AutoCloseable {

  private static final ObjectMapper JSON =
      new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final ConformanceTarget target;
  private final SpecValidator spec;
  private final RawHttpRunner http;
  private final SpecVerdicts clientVerdicts = new SpecVerdicts();
  private final Map<String, TypedClientAdapter> clients = new LinkedHashMap<>();
  private final Set<String> issuedIds = new HashSet<>();

  /** A runner against {@code target}, judging with {@code spec}. */
  ConformanceRunner(ConformanceTarget target, SpecValidator spec) {
    this.target = target;
    this.spec = spec;
    this.http = new RawHttpRunner(target.baseUrl());
  }

  /** Why the case cannot run against this target, or {@code null} when it can. */
  String skipReason(ConformanceCase testCase) {
    if (testCase.needsFixtures() && target.fixtures() == null) {
      return "needs tasks on the server, and the target has no fixtures to make them (ConformanceTarget.Builder.fixtures;"
          + " from the command line: -Dconformance.fixtures=emulator-admin-api)";
    }
    if (testCase.request().token() == ConformanceCase.Token.REJECTED && target.rejectedToken() == null) {
      return "needs a token the server rejects, and none was given (ConformanceTarget.Builder.rejectedToken;"
          + " from the command line: -Dconformance.rejectedToken=T)";
    }
    return null;
  }

  /** Runs the case as raw HTTP; throws an AssertionError naming every failure. */
  void runRaw(CaseFiles.CaseFile file) {
    ConformanceCase testCase = file.fresh(Placeholders.of(file.tree(), issuedIds));
    CaseFailures failures = new CaseFailures(testCase, "raw HTTP");
    failures.runAndReport(() -> {
      try {
        if (!prepare(testCase, failures)) {
          return;
        }
        Exchange exchange = http.send(wire(testCase.request()));
        failures.exchange(exchange);
        failures.addAll("", Expectations.mismatches(testCase.then(), exchange));
        judge(testCase, exchange, failures);
        judgeServerSide(testCase, exchange, failures);
      } finally {
        cleanUp(testCase);
      }
    });
  }

  /** Runs the case through the sync typed client; throws an AssertionError naming every failure. */
  void runTyped(CaseFiles.CaseFile file) {
    runTyped(file, TypedClientAdapter.Via.SYNC);
  }

  /** Runs the case through one of the typed clients; throws an AssertionError naming every failure. */
  void runTyped(CaseFiles.CaseFile file, TypedClientAdapter.Via via) {
    ConformanceCase testCase = file.fresh(Placeholders.of(file.tree(), issuedIds));
    if (!testCase.runsTyped()) {
      throw new IllegalArgumentException("case " + testCase.name() + " cannot run through the typed client");
    }
    CaseFailures failures = new CaseFailures(testCase, via.label());
    failures.runAndReport(() -> {
      try {
        if (!prepare(testCase, failures)) {
          return;
        }
        clientVerdicts.drain();
        TypedClientAdapter.Outcome outcome = client(testCase.request().token())
            .call(via, testCase.request().operation(), testCase.request().inputs());
        List<SpecVerdict> verdicts = clientVerdicts.drain();
        if (verdicts.size() != 1) {
          failures.add("expected the call to make exactly 1 exchange, saw " + verdicts.size());
        } else {
          Exchange exchange = verdicts.get(0).exchange();
          failures.exchange(exchange);
          judge(testCase, exchange, failures);
          judgeServerSide(testCase, exchange, failures);
        }
        compare(testCase.then(), outcome, failures);
      } finally {
        cleanUp(testCase);
      }
    });
  }

  private TypedClientAdapter client(ConformanceCase.Token token) {
    String value = token == ConformanceCase.Token.REJECTED ? target.rejectedToken() : target.token();
    return clients.computeIfAbsent(value, t -> new TypedClientAdapter(target.baseUrl(), t,
        new SpecValidatingFeignClient(new Client.Default(null, null), spec, clientVerdicts)));
  }

  private RawHttpRunner.WireRequest wire(ConformanceCase.Request request) {
    return Operations.SPEC.wire(request, target.token(), target.rejectedToken());
  }

  /**
   * Makes the case's tasks through the fixtures and sends its earlier requests, each of which must
   * succeed and conform; returns whether the case can go on.
   */
  private boolean prepare(ConformanceCase testCase, CaseFailures failures) throws IOException, InterruptedException {
    for (ConformanceCase.GivenTask given : testCase.given()) {
      FixtureTask task = fixtureTask(given);
      try {
        target.fixtures().addTask(task);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("interrupted while the fixtures added task " + task.taskId());
        return false;
      } catch (Exception e) {
        failures.add("the fixtures could not add task " + task.taskId() + ": " + e);
        return false;
      }
    }
    for (ConformanceCase.Request before : testCase.before()) {
      Exchange exchange = http.send(wire(before));
      if (exchange.status() / 100 != 2) {
        failures.add("before: " + exchange.requestLine() + " answered " + exchange.status() + ": "
            + exchange.responseBody());
      }
      SpecVerdict verdict = spec.judge(exchange);
      failures.addAll("before, client-side spec: ", verdict.requestProblems());
      failures.addAll("before, client-side spec: ", verdict.responseProblems());
    }
    target.serverVerdicts();
    return failures.isEmpty();
  }

  /** The task a case's {@code given} describes, as the fixtures receive it. */
  static FixtureTask fixtureTask(ConformanceCase.GivenTask given) {
    TaskCronResult schedule = null;
    if (given.schedule() != null) {
      schedule = convert(given.schedule().value(), TaskCronResult.class, "schedule of task " + given.taskId());
      schedule.setTaskId(given.taskId());
    }
    List<FixtureTask.Job> jobs = new ArrayList<>();
    for (ConformanceCase.GivenJob job : given.jobs()) {
      jobs.add(new FixtureTask.Job(job.jobId(),
          convert(job.report().value(), JobReportInfo.class, "report of job " + job.jobId())));
    }
    return new FixtureTask(given.taskId(), given.running(), schedule, jobs);
  }

  private static <T> T convert(JsonNode value, Class<T> type, String what) {
    try {
      return JSON.treeToValue(value, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("the " + what + " is not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Deletes the case's tasks through the API, whatever the case did to them; errors are ignored. */
  private void cleanUp(ConformanceCase testCase) {
    for (ConformanceCase.GivenTask given : testCase.given()) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("X-Auth-Token", target.token());
      try {
        http.send(new RawHttpRunner.WireRequest("DELETE", "/v3/task/" + Operations.encode(given.taskId()), "", headers));
      } catch (IOException e) {
        // the task stays; its id is never used again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Judges one exchange of the case against the spec, as the client saw it. */
  private void judge(ConformanceCase testCase, Exchange exchange, CaseFailures failures) {
    if (testCase.outsideSpec()) {
      return;
    }
    record(testCase, spec.judge(exchange), "client-side spec: ", failures);
  }

  private static void record(ConformanceCase testCase, SpecVerdict verdict, String prefix, CaseFailures failures) {
    failures.addAll(prefix, verdict.responseProblems());
    if (testCase.requestConforms()) {
      failures.addAll(prefix, verdict.requestProblems());
    } else if (verdict.requestConforms()) {
      failures.add(prefix + "the case sends bad input on purpose, but the spec accepts the request");
    }
  }

  /**
   * Checks what the server-side validator saw of the case's request. The server judges a response
   * after writing it, so the verdict may come a moment after the client has the answer.
   */
  private void judgeServerSide(ConformanceCase testCase, Exchange sent, CaseFailures failures) {
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
        pause();
      }
    }
    if (verdict == null) {
      failures.add("server-side spec: the server's validator never judged this request; it saw " + seen);
    } else if (!testCase.outsideSpec()) {
      record(testCase, verdict, "server-side spec: ", failures);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Compares what the typed client returned or threw with the case's {@code then}. */
  private static void compare(ConformanceCase.Then then, TypedClientAdapter.Outcome outcome, CaseFailures failures) {
    if (then.success()) {
      if (outcome.error() != null) {
        failures.add("the client threw " + outcome.error());
        return;
      }
      Object value = outcome.value();
      if (value instanceof String text) {
        if (then.text() != null && !then.text().equals(text)) {
          failures.add("the client returned '" + Expectations.abbreviated(text) + "', expected '" + then.text() + "'");
        }
        failures.addAll("", Expectations.textProblems(then, text, "the client's text"));
        if (then.svg()) {
          failures.addAll("the client's text: ", Expectations.svgProblems(text));
        }
      } else if (then.json() != null && then.json().isNull()) {
        if (value != null) {
          failures.add("the client returned " + value + ", expected nothing (the body is null)");
        }
      } else if (then.json() != null) {
        JsonNode actual = JSON.valueToTree(value);
        if (!then.json().equals(actual)) {
          failures.add("the client decoded " + actual + ", expected " + then.json());
        }
      }
      return;
    }
    if (outcome.error() == null) {
      failures.add("the client returned " + outcome.value() + ", expected an error with status " + then.statusText());
      return;
    }
    if (!then.expects(outcome.status())) {
      failures.add("the client's exception has status " + outcome.status() + ", expected " + then.statusText()
          + ": " + outcome.error());
    }
    failures.addAll("the client's exception: ", Expectations.errorMismatches(then, outcome.errorCode(), outcome.errorMsg()));
  }

  /** How many exchanges the spec validator has judged (both sides, if they share it). */
  int judgedCount() {
    return spec.judgedCount();
  }

  @Override
  public void close() {
    clients.values().forEach(TypedClientAdapter::close);
  }
}
