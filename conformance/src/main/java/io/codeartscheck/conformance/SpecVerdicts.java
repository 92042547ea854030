package io.codeartscheck.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A thread-safe collector of the verdicts given on one side of the wire (the server's filter or
 * the client's transport), so a test can read what was judged since it last looked.
 */
public final class SpecVerdicts {

  private final List<SpecVerdict> verdicts = new CopyOnWriteArrayList<>();

  /** An empty collector. */
  public SpecVerdicts() {
  }

  /**
   * Records a verdict.
   *
   * @param verdict the verdict
   */
  public void add(SpecVerdict verdict) {
    verdicts.add(verdict);
  }

  /**
   * Returns and forgets every verdict recorded so far.
   *
   * @return the verdicts, oldest first
   */
  public synchronized List<SpecVerdict> drain() {
    List<SpecVerdict> drained = new ArrayList<>(verdicts);
    verdicts.removeAll(drained);
    return drained;
  }
}
