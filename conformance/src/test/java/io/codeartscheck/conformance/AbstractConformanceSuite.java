package io.codeartscheck.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite: every case in {@code src/test/resources/cases} runs against a target as
 * raw HTTP, and through the typed API twice, once with the sync client and once with the async
 * one, with the spec judging each exchange.
 * Subclasses say what the target is (the emulator on Jersey, on RESTEasy, or any server by URL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractConformanceSuite {

  static final Path CASES = Path.of("src/test/resources/cases");
  static final SpecValidator SPEC = SpecValidator.fromClasspath();

  private final AtomicInteger passedRaw = new AtomicInteger();
  private final AtomicInteger passedTyped = new AtomicInteger();
  private final AtomicInteger passedAsync = new AtomicInteger();
  private final AtomicInteger skipped = new AtomicInteger();
  private int judgedBefore;
  private ConformanceTarget target;

  /** Starts the server under test. */
  abstract ConformanceTarget start() throws Exception;

  /** Stops the server under test. */
  abstract void stop() throws Exception;

  /** A name for the report line printed at the end. */
  abstract String targetName();

  @BeforeAll
  void startTarget() throws Exception {
    judgedBefore = SPEC.judgedCount();
    target = start();
  }

  @AfterAll
  void stopTargetAndReport() throws Exception {
    stop();
    System.out.printf("Conformance on %s: %d case files; %d passed as raw HTTP, %d through the typed client, "
            + "%d through the typed async client, %d skipped; %d exchanges validated against the spec%n",
        targetName(), cases().size(), passedRaw.get(), passedTyped.get(), passedAsync.get(),
        skipped.get(), SPEC.judgedCount() - judgedBefore);
  }

  @TestFactory
  Stream<DynamicTest> everyCase_overRawHttp() {
    ConformanceRunner runner = new ConformanceRunner(target, SPEC);
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      skipUnlessApplies(runner, c);
      runner.runRaw(c);
      passedRaw.incrementAndGet();
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyCase_throughTheTypedClient() {
    return throughTheTypedApi(TypedClientRunner.Via.SYNC_CLIENT, passedTyped);
  }

  @TestFactory
  Stream<DynamicTest> everyCase_throughTheTypedAsyncClient() {
    return throughTheTypedApi(TypedClientRunner.Via.ASYNC_CLIENT, passedAsync);
  }

  private Stream<DynamicTest> throughTheTypedApi(TypedClientRunner.Via via, AtomicInteger passed) {
    ConformanceRunner runner = new ConformanceRunner(target, SPEC);
    TypedClientRunner typed = new TypedClientRunner(runner, target, SPEC, via);
    return cases().stream().filter(TypedClientRunner::canExpress).map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
      skipUnlessApplies(runner, c);
      typed.run(c);
      passed.incrementAndGet();
    }));
  }

  private void skipUnlessApplies(ConformanceRunner runner, ConformanceCase c) {
    if (!runner.applies(c)) {
      skipped.incrementAndGet();
      Assumptions.abort("needs the emulator's default data");
    }
  }

  static List<ConformanceCase> cases() {
    return ConformanceRunner.loadCases(CASES);
  }
}
