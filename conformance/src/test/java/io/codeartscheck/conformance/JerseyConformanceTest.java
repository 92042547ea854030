package io.codeartscheck.conformance;

import io.codeartscheck.emulator.Emulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/** The TCK against the emulator as it runs itself (Jersey on Grizzly) over loopback. */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class JerseyConformanceTest extends AbstractConformanceSuite {

  private Emulator emulator;

  @Override
  protected ConformanceTarget target() throws Exception {
    EmulatorTarget emulatorTarget = new EmulatorTarget(SpecValidator.fromClasspath());
    emulator = emulatorTarget.startEmulator();
    return emulatorTarget.target("the emulator on Jersey (Grizzly)", emulator.uri().toString());
  }

  @AfterAll
  void stopEmulator() {
    if (emulator != null) {
      emulator.close();
    }
  }
}
