package io.codeartscheck.emulator.junit;

import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.EmulatorData;
import io.codeartscheck.emulator.Operation;
import io.codeartscheck.emulator.TaskStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredFormsTest {

    @Nested
    class StaticField {
        @RegisterExtension
        static CodeArtsCheckEmulatorExtension kit = new CodeArtsCheckEmulatorExtension()
                .token("static-token")
                .data(EmulatorData.builder().task(EmulatorData.task("mine").status(TaskStatus.RUNNING)).build());

        @Test
        void loadsTheGivenData_andTheClientSendsTheToken(CodeArtsCheckClient client) {
            assertThat(kit.clientToken()).isEqualTo("static-token");
            client.stopTaskByIdV2("mine");

            kit.emulator().verify(Operation.STOP_TASK_BY_ID_V2, "mine", 1);
            assertThat(kit.emulator().state().taskIds()).containsExactly("mine");
        }
    }

    @Nested
    class InstanceField {
        static final Set<Integer> PORTS = new HashSet<>();

        @RegisterExtension
        CodeArtsCheckEmulatorExtension kit = new CodeArtsCheckEmulatorExtension()
                .configure(b -> b.journalSize(5));

        @Test
        void eachTestGetsItsOwnEmulator_one(Emulator emulator, URI uri) {
            assertThat(PORTS.add(uri.getPort())).isTrue();
            assertThat(emulator).isSameAs(kit.emulator());
        }

        @Test
        void eachTestGetsItsOwnEmulator_two(Emulator emulator, URI uri) {
            assertThat(PORTS.add(uri.getPort())).isTrue();
        }
    }

    @Nested
    @CodeArtsCheckEmulatorTest(data = "/kit-data.json")
    class DataFromAResource {
        @Test
        void loadsTheResource(Emulator emulator) {
            assertThat(emulator.state().taskIds()).containsExactly("from-resource");
        }
    }
}
