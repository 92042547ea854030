package io.codeartscheck.conformance;

import java.util.List;

/**
 * A server the suite runs against: where it is, which token it accepts, and what the suite may
 * know of its insides.
 */
public interface ConformanceTarget {

  /**
   * The base URL, for example {@code http://127.0.0.1:8080}.
   *
   * @return the base URL
   */
  String baseUrl();

  /**
   * A token the server accepts.
   *
   * @return the token
   */
  String token();

  /**
   * Whether the server holds the emulator's default data (the docs' example tasks) and can be
   * {@linkplain #reset() reset}; cases that need it are skipped otherwise.
    *
    * @return whether the default data are there
   */
  boolean hasDefaultData();

  /** Puts the default data back before a case that needs it. */
  default void reset() {
  }

  /**
   * The verdicts of the server-side validator since the last call, or an empty list when the
   * server is remote and has none.
    *
    * @return the verdicts since the last call
   */
  default List<SpecVerdict> serverVerdicts() {
    return List.of();
  }

  /**
   * Whether {@link #serverVerdicts()} reports the server's own view of every exchange.
   *
   * @return whether the server validates every exchange itself
   */
  default boolean validatesServerSide() {
    return false;
  }
}
