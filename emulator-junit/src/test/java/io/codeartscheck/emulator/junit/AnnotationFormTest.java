package io.codeartscheck.emulator.junit;

import io.codeartscheck.client.CodeArtsCheckAsyncClient;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.Fault;
import io.codeartscheck.emulator.Operation;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@CodeArtsCheckEmulatorTest(tokens = "kit-token")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnnotationFormTest {
    static final String STOP_TASK = "2b31ed520xxxxxxebedb6e57xxxxxxxx";
    static URI firstUri;

    @Test
    @Order(1)
    void injectsTheEmulatorItsUriAndAClientThatWorks(Emulator emulator, URI uri, CodeArtsCheckClient client) {
        assertThat(uri).isEqualTo(emulator.uri());
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isPositive();

        client.stopTaskByIdV2(STOP_TASK);

        assertThat(emulator.state().taskStatus(STOP_TASK)).isEqualTo("stopped");
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, STOP_TASK, 1);
        firstUri = uri;
    }

    @Test
    @Order(2)
    void nextTest_getsTheSameEmulatorReset(Emulator emulator, URI uri) {
        assertThat(uri).isEqualTo(firstUri);
        assertThat(emulator.state().taskStatus(STOP_TASK)).isEqualTo("running");
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    @Order(3)
    void injectedFault_reachesTheClientAsItsException(Emulator emulator, CodeArtsCheckClient client) {
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(400, "CC.00000004.400", "Task is locked."));

        assertThatThrownBy(() -> client.stopTaskByIdV2(STOP_TASK))
                .isInstanceOfSatisfying(CodeArtsCheckException.class, e -> {
                    assertThat(e.getHttpStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("CC.00000004.400");
                });
        assertThat(emulator.state().taskStatus(STOP_TASK)).isEqualTo("running");
    }

    @Test
    @Order(4)
    void injectsAnAsyncClientThatWorksToo(Emulator emulator, CodeArtsCheckAsyncClient client) throws Exception {
        client.stopTaskByIdV2(STOP_TASK).get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(emulator.state().taskStatus(STOP_TASK)).isEqualTo("stopped");
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, STOP_TASK, 1);
    }

    @Test
    @Order(5)
    void onlyTheAnnotationsTokensAreAccepted(URI uri) throws Exception {
        HttpResponse<String> wrong = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri.resolve("v1/tasks/aexxxx86/taskcron")).header("X-Auth-Token", "other").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wrong.statusCode()).isEqualTo(401);
    }
}
