package io.codeartscheck.emulator;

import java.net.URI;

/** The emulator's behaviour as {@code Main} runs it: Jersey on the JDK HTTP server. */
class EmulatorJerseyTest extends AbstractEmulatorTest {
    private Emulator emulator;

    @Override
    URI start() throws Exception {
        emulator = Emulator.builder().port(0).start();
        return emulator.uri();
    }

    @Override
    void stop() {
        emulator.close();
    }
}
