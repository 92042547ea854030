package io.codeartscheck.conformance;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The CodeArts Check TCK: extend it in one JUnit 5 class to hold your server to the contract. Every
 * case shipped in this jar runs twice against your server, once as raw HTTP (requests byte for
 * byte, bodies field for field in the docs' order) and once through {@code CodeArtsCheckClient},
 * and the spec judges every exchange. The cases cover the docs' five example requests and
 * responses, each length boundary, each enum value, the tokens, the error shape, encodings, and
 * operations on stopped and deleted tasks.
 *
 * <pre>
 * class MyServerConformanceTest extends AbstractConformanceSuite {
 *
 *   &#64;Override
 *   protected ConformanceTarget target() {
 *     return ConformanceTarget.builder()
 *         .baseUrl("http://127.0.0.1:8080")
 *         .token("my-token")
 *         .rejectedToken("expired-token")     // optional: else the rejected-token case is skipped, saying why
 *         .fixtures(task -&gt; myStore.add(task.taskId(), task.running(), task.schedule(), task.jobs()))
 *         .build();
 *   }
 * }
 * </pre>
 *
 * <p>{@link #target()} is called once, after your own {@code @BeforeAll} methods (start your
 * server there, stop it in {@code @AfterAll}). The test instance lives for the whole class, and the
 * cases run one after the other, whatever the parallel settings of JUnit. A
 * failure names the case, its doc, the exchange and every difference; at the end the suite prints
 * its tally: cases passed as raw HTTP, through the typed client and through the typed async
 * client, and every skipped case with its reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
public abstract class AbstractConformanceSuite {

  private static final SpecValidator SPEC = SpecValidator.fromClasspath();

  private final AtomicInteger passedRaw = new AtomicInteger();
  private final AtomicInteger passedTyped = new AtomicInteger();
  private final AtomicInteger passedTypedAsync = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final Map<String, Map<String, TreeSet<String>>> skipped = new TreeMap<>();
  private ConformanceTarget target;
  private ConformanceRunner runner;
  private int judgedBefore;

  /** For subclasses. */
  protected AbstractConformanceSuite() {
  }

  /**
   * The server under test, with its token, its fixtures and optionally a token it rejects.
   *
   * @return the target
   * @throws Exception when the target cannot be described (the suite then fails)
   */
  protected abstract ConformanceTarget target() throws Exception;

  /**
   * Every case as raw HTTP: the request derived from the case goes on the wire as it is.
   *
   * @return one test per case
   * @throws Exception when {@link #target()} throws
   */
  @TestFactory
  public Stream<DynamicTest> everyCase_overRawHttp() throws Exception {
    ConformanceRunner run = runner();
    return CaseFiles.all().stream().map(file -> DynamicTest.dynamicTest(caseName(file), () ->
        count(file, "raw", () -> run.runRaw(file), passedRaw)));
  }

  /**
   * Every case the client can send, through {@code CodeArtsCheckClient}: the typed call is derived
   * from the same description as the raw request.
   *
   * @return one test per case that the typed client can send
   * @throws Exception when {@link #target()} throws
   */
  @TestFactory
  public Stream<DynamicTest> everyCase_throughTheTypedClient() throws Exception {
    return typed(TypedClientAdapter.Via.SYNC, "typed", passedTyped);
  }

  /**
   * Every case the client can send, through {@code CodeArtsCheckAsyncClient}: the same typed call,
   * its future awaited.
   *
   * @return one test per case that the typed client can send
   * @throws Exception when {@link #target()} throws
   */
  @TestFactory
  public Stream<DynamicTest> everyCase_throughTheTypedAsyncClient() throws Exception {
    return typed(TypedClientAdapter.Via.ASYNC, "typed async", passedTypedAsync);
  }

  private Stream<DynamicTest> typed(TypedClientAdapter.Via via, String path, AtomicInteger passed)
      throws Exception {
    ConformanceRunner run = runner();
    return CaseFiles.all().stream().filter(AbstractConformanceSuite::runsTyped)
        .map(file -> DynamicTest.dynamicTest(caseName(file), () ->
            count(file, path, () -> run.runTyped(file, via), passed)));
  }

  /**
   * Prints the tally of the run: the cases, how many passed each way, and each skipped case with
   * its reason.
   */
  @AfterAll
  public void printTally() {
    if (target == null) {
      return;
    }
    StringBuilder line = new StringBuilder().append("Conformance on ").append(target.name()).append(": ")
        .append(CaseFiles.all().size()).append(" cases; ")
        .append(passedRaw.get()).append(" passed as raw HTTP, ")
        .append(passedTyped.get()).append(" through the typed client, ")
        .append(passedTypedAsync.get()).append(" through the typed async client, ")
        .append(failed.get()).append(" failed, ")
        .append(skipped.values().stream().flatMap(c -> c.values().stream()).mapToInt(TreeSet::size).sum())
        .append(" skipped; ")
        .append(SPEC.judgedCount() - judgedBefore).append(" exchanges validated against the spec");
    skipped.forEach((reason, cases) -> {
      line.append("\n  skipped, ").append(reason).append(':');
      cases.forEach((name, paths) -> line.append("\n    ").append(name).append(' ').append(paths));
    });
    System.out.println(line);
    runner.close();
  }

  private synchronized ConformanceRunner runner() throws Exception {
    if (runner == null) {
      target = target();
      if (target == null) {
        throw new IllegalStateException(getClass().getName() + ".target() returned null");
      }
      judgedBefore = SPEC.judgedCount();
      runner = new ConformanceRunner(target, SPEC);
    }
    return runner;
  }

  private void count(CaseFiles.CaseFile file, String path, Runnable run, AtomicInteger passed) {
    String reason = runner.skipReason(ConformanceCase.read(file.name(), file.tree()));
    if (reason != null) {
      synchronized (skipped) {
        skipped.computeIfAbsent(reason, r -> new TreeMap<>()).computeIfAbsent(file.name(), n -> new TreeSet<>())
            .add(path);
      }
      Assumptions.abort(reason);
    }
    try {
      run.run();
      passed.incrementAndGet();
    } catch (RuntimeException | AssertionError e) {
      failed.incrementAndGet();
      throw e;
    }
  }

  private static boolean runsTyped(CaseFiles.CaseFile file) {
    return ConformanceCase.read(file.name(), file.tree()).runsTyped();
  }

  private static String caseName(CaseFiles.CaseFile file) {
    return ConformanceCase.read(file.name(), file.tree()).toString();
  }
}
