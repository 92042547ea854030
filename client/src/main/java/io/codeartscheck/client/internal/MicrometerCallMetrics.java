package io.codeartscheck.client.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * One Micrometer timer per operation, {@value #NAME}, tagged {@code operation},
 * {@code outcome}, {@code status} (the HTTP status of the last answer, {@code NONE} without one)
 * and {@code exception}. Loaded only when the builder is given a registry. Internal: not part of
 * the client's API.
 */
final class MicrometerCallMetrics implements CallMetrics {
  static final String NAME = "codearts.check.client.calls";

  private final MeterRegistry registry;

  MicrometerCallMetrics(Object registry) {
    this.registry = (MeterRegistry) registry;
  }

  @Override
  public void record(String operation, long nanos, int status, Throwable failure) {
    Timer.builder(NAME)
        .description("Calls of the CodeArts Check API, every attempt and wait included")
        .tag("operation", operation)
        .tag("outcome", CallMetrics.outcome(status, failure))
        .tag("status", status == 0 ? "NONE" : Integer.toString(status))
        .tag("exception", CallMetrics.exception(failure))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
