package io.codeartscheck.emulator;

import java.net.URI;

/** The emulator's behaviour as {@code Main} runs it: Jersey on Grizzly behind the strict front. */
class EmulatorGrizzlyTest extends AbstractEmulatorTest {
    private Emulator emulator;

    @Override
    URI start() throws Exception {
        emulator = Emulator.builder().port(0).start();
        return emulator.uri();
    }

    @Override
    String expectedServerUrl() {
        return emulator.uri().toString().replaceAll("/$", "");
    }

    @Override
    void stop() {
        emulator.close();
    }
}
