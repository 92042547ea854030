package io.codeartscheck.emulator.junit;

import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.emulator.Emulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * When the extension starts and stops emulators, seen from outside: each fixture class below is run
 * by the JUnit Platform's test kit, and the emulators its tests saw are checked afterwards.
 */
class LifecycleTest {
    static final String STOP_TASK = "2b31ed520xxxxxxebedb6e57xxxxxxxx";
    static final List<Emulator> SEEN = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    /** Fixture: an annotated class with a nested class inside. */
    @CodeArtsCheckEmulatorTest
    static class Outer {
        @Test
        void outerTest(Emulator emulator, CodeArtsCheckClient client) {
            SEEN.add(emulator);
            client.stopTaskByIdV2(STOP_TASK);
        }

        @Nested
        class Inner {
            @Test
            void innerTest(Emulator emulator) {
                SEEN.add(emulator);
                assertThat(emulator.state().taskStatus(STOP_TASK)).as("reset before the nested test").isEqualTo("running");
            }
        }
    }

    /** Fixture: a nested class with settings of its own. */
    @CodeArtsCheckEmulatorTest
    static class OuterWithOwnInner {
        @Test
        void outerTest(Emulator emulator, CodeArtsCheckClient client) {
            SEEN.add(emulator);
            client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801"); // the default token
        }

        @Nested
        @CodeArtsCheckEmulatorTest(tokens = "inner-token")
        class Inner {
            @Test
            void innerTest(Emulator emulator, CodeArtsCheckClient client) {
                SEEN.add(emulator);
                client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801"); // sends inner-token
            }
        }
    }

    /** Fixture: the extension in a static field of the outer class, used by a nested class. */
    static class RegisteredOuter {
        @RegisterExtension
        static CodeArtsCheckEmulatorExtension kit = new CodeArtsCheckEmulatorExtension().token("kit-token");

        @Test
        void outerTest() {
            SEEN.add(kit.emulator());
        }

        @Nested
        class Inner {
            @Test
            void innerTest(Emulator emulator) {
                SEEN.add(emulator);
                assertThat(kit.emulator()).isSameAs(emulator);
                assertThat(kit.clientToken()).isEqualTo("kit-token");
            }
        }
    }

    /** Fixture: the extension in an instance field. */
    static class PerTest {
        @RegisterExtension
        CodeArtsCheckEmulatorExtension kit = new CodeArtsCheckEmulatorExtension();

        @Test
        void one(Emulator emulator) {
            SEEN.add(emulator);
        }

        @Test
        void two(Emulator emulator) {
            SEEN.add(emulator);
        }
    }

    static void runAndExpectAllPassed(Class<?> fixture, int tests) {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
                .testEvents().assertStatistics(stats -> stats.started(tests).succeeded(tests));
    }

    static void assertStopped(Emulator emulator) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", emulator.uri().getPort()).close())
                .as("port of " + emulator.uri() + " closed").isInstanceOf(ConnectException.class);
    }

    @Test
    void nestedClass_sharesTheEmulatorOfItsOuterClass_whichStopsAfterTheOuterClass() {
        runAndExpectAllPassed(Outer.class, 2);

        Set<Emulator> distinct = new LinkedHashSet<>(SEEN);
        assertThat(distinct).hasSize(1);
        assertStopped(SEEN.get(0));
    }

    @Test
    void nestedClassWithItsOwnAnnotation_getsItsOwnEmulator_andBothStop() {
        runAndExpectAllPassed(OuterWithOwnInner.class, 2);

        assertThat(new LinkedHashSet<>(SEEN)).hasSize(2);
        SEEN.forEach(LifecycleTest::assertStopped);
    }

    @Test
    void staticFieldOfTheOuterClass_servesTheNestedClassToo_andStopsAfterTheOuterClass() {
        runAndExpectAllPassed(RegisteredOuter.class, 2);

        assertThat(new LinkedHashSet<>(SEEN)).hasSize(1);
        assertStopped(SEEN.get(0));
    }

    @Test
    void instanceField_givesEachTestItsOwnEmulator_stoppedAfterTheTest() throws IOException {
        runAndExpectAllPassed(PerTest.class, 2);

        assertThat(new LinkedHashSet<>(SEEN)).hasSize(2);
        SEEN.forEach(LifecycleTest::assertStopped);
    }
}
