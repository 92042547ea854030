package io.codeartscheck.conformance;

import io.codeartscheck.emulator.Emulator;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The conformance suite against the emulator as it runs itself (Jersey on Grizzly) over loopback. */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class JerseyConformanceTest extends AbstractConformanceSuite {

  private Emulator emulator;

  @Override
  ConformanceTarget start() throws Exception {
    EmulatorTarget target = new EmulatorTarget(SPEC);
    emulator = target.startEmulator();
    return target;
  }

  @Override
  void stop() {
    emulator.close();
  }

  @Override
  String targetName() {
    return "the emulator on Jersey (Grizzly)";
  }
}
