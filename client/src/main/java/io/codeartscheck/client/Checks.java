package io.codeartscheck.client;

import java.time.Duration;

/** The checks the builders share: durations and header values. */
final class Checks {
  /** The longest timeout: what the JDK and Feign accept as milliseconds in an {@code int}. */
  static final Duration LONGEST_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

  private Checks() {
  }

  /** The duration, if positive and at most 24 days; else an IllegalArgumentException. */
  static Duration positive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, was " + duration);
    }
    if (duration.compareTo(LONGEST_TIMEOUT) > 0) {
      throw new IllegalArgumentException(name + " must be at most " + LONGEST_TIMEOUT
          + " (24 days), was " + duration);
    }
    return duration;
  }

  /** Whether a value can be sent as an HTTP header: printable ASCII only (no CR, LF). */
  static boolean isHeaderValue(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** Whether a name is an HTTP token (RFC 9110 section 5.6.2). */
  static boolean isHeaderName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!token) {
        return false;
      }
    }
    return true;
  }
}
