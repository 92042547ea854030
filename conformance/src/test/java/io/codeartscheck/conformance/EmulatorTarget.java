package io.codeartscheck.conformance;

import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.EmulatorApplication;
import io.codeartscheck.server.TokenVerifier;
import jakarta.ws.rs.core.Feature;
import java.io.IOException;
import java.util.List;

/**
 * The emulator with the server-side spec validator registered beside it: on the emulator's own
 * engine ({@link #startEmulator()}) or as a JAX-RS application for another runtime
 * ({@link #application()}). {@link #reset()} is the emulator's own reset.
 */
final class EmulatorTarget implements ConformanceTarget {

  static final String TOKEN = "conformance-token";

  private final SpecVerdicts serverVerdicts = new SpecVerdicts();
  private final Feature validation;
  private final Feature extra;
  private Runnable reset;
  private String baseUrl;

  EmulatorTarget(SpecValidator spec) {
    this(spec, context -> true);
  }

  /** The emulator with {@code extra} registered too: how a test breaks it on purpose. */
  EmulatorTarget(SpecValidator spec, Feature extra) {
    // Registered through a Feature: RESTEasy does not take a filter object from getSingletons().
    this.validation = context -> {
      context.register(new SpecValidationFilter(spec, serverVerdicts));
      return true;
    };
    this.extra = extra;
  }

  /** Starts the emulator on its own engine (as {@code java -jar} runs it) on a free port. */
  Emulator startEmulator() throws IOException {
    Emulator emulator = Emulator.builder().port(0).token(TOKEN).requestLog(false)
        .register(validation).register(extra).start();
    baseUrl = emulator.uri().toString().replaceAll("/$", "");
    reset = emulator::reset;
    return emulator;
  }

  /** The emulator as an application for another runtime; set {@link #baseUrl(String)} once it is hosted. */
  EmulatorApplication application() {
    EmulatorApplication app = EmulatorApplication.builder().tokenVerifier(TokenVerifier.oneOf(TOKEN))
        .requestLog(false).register(validation).register(extra).build();
    reset = app::reset;
    return app;
  }

  void baseUrl(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  @Override
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public String token() {
    return TOKEN;
  }

  @Override
  public boolean hasDefaultData() {
    return true;
  }

  @Override
  public void reset() {
    reset.run();
  }

  @Override
  public List<SpecVerdict> serverVerdicts() {
    return serverVerdicts.drain();
  }

  @Override
  public boolean validatesServerSide() {
    return true;
  }
}
