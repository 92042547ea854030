package io.codeartscheck.conformance;

import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.EmulatorApplication;
import io.codeartscheck.server.TokenVerifier;
import jakarta.ws.rs.core.Feature;
import java.io.IOException;

/**
 * The emulator as a conformance target, with the server-side spec validator registered beside it:
 * on the emulator's own engine ({@link #startEmulator()}) or as a JAX-RS application for another
 * runtime ({@link #application()}). Its fixtures are the emulator's admin API, as for any remote
 * emulator: one path.
 */
final class EmulatorTarget {

  static final String TOKEN = "conformance-token";
  static final String REJECTED_TOKEN = "rejected-token";

  private final SpecVerdicts serverVerdicts = new SpecVerdicts();
  private final Feature validation;
  private final Feature extra;

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
    return Emulator.builder().port(0).token(TOKEN).requestLog(false).register(validation).register(extra).start();
  }

  /** The emulator as an application for another runtime. */
  EmulatorApplication application() {
    return EmulatorApplication.builder().tokenVerifier(TokenVerifier.oneOf(TOKEN))
        .requestLog(false).register(validation).register(extra).build();
  }

  /** The target at {@code baseUrl}: the token, a rejected token, the admin API's fixtures, the server's verdicts. */
  ConformanceTarget target(String name, String baseUrl) {
    return ConformanceTarget.builder()
        .name(name)
        .baseUrl(baseUrl)
        .token(TOKEN)
        .rejectedToken(REJECTED_TOKEN)
        .fixtures(Fixtures.emulatorAdminApi(baseUrl, TOKEN))
        .serverVerdicts(serverVerdicts)
        .build();
  }
}
