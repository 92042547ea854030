package io.codeartscheck.emulator;

import io.codeartscheck.server.model.TaskCronResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The emulator as a library in a user's tests: reset, seeding, journal and verify, faults, request log. */
class EmulatorKitTest {
    static final String STOP_TASK = "2b31ed520xxxxxxebedb6e57xxxxxxxx";
    static final String CRON_TASK = "fxxxx7ba3ae14a87a32b151bcbe20801";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Emulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.builder().port(0).token("t").requestLog(false).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    HttpResponse<String> call(String method, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(emulator.uri().resolve(path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("X-Auth-Token", "t")
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void reset_undoesStopsDeletesAndAddedTasks() throws Exception {
        SeededTask added = emulator.addTask(EmulatorData.task("extra"));
        assertThat(call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/v3/task/" + CRON_TASK).statusCode()).isEqualTo(200);

        emulator.reset();

        assertThat(emulator.state().taskStatus(STOP_TASK)).isEqualTo("running");
        assertThat(emulator.state().taskStatus(CRON_TASK)).isEqualTo("completed");
        assertThat(emulator.state().taskStatus(added.taskId())).isNull();
        assertThat(call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()).isEqualTo(200);
    }

    @Test
    void addTask_withoutIds_generatesThemAndServesTheTask() throws Exception {
        SeededTask running = emulator.addTask(EmulatorData.task().status(TaskStatus.RUNNING).job(null));

        assertThat(running.taskId()).matches("[0-9a-f]{32}");
        assertThat(running.jobIds()).singleElement().asString().matches("[0-9a-f]{32}");
        assertThat(call("GET", "/v4/task/" + running.taskId() + "/code-health-svg").body()).contains("code health: A");
        assertThat(call("PUT", "/v1/jobs/" + running.jobIds().get(0) + "/result/refresh?async=false").body())
                .contains("\"CODE_SIZE\":0").contains("\"REPORT_URL\":\"https://devcloud.example.com/codechecknew/task/"
                        + running.taskId() + "/detail\"");
        assertThat(call("POST", "/v2/tasks/" + running.taskId() + "/stop").body()).isEqualTo("null");
    }

    @Test
    void addTask_withAnIdInUse_failsNamingIt() {
        assertThatThrownBy(() -> emulator.addTask(EmulatorData.task(CRON_TASK)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(CRON_TASK + " already exists");
    }

    @Test
    void data_fromCode_jsonString_andStream_areLoadedAndResetReturnsToThem() throws Exception {
        TaskCronResult cron = new TaskCronResult().taskId("coded").cronStatus("1").weekDays(List.of("5"))
                .detailTime("02:30").creator("me").timeOffset("GMT+00:00");
        EmulatorData fromCode = EmulatorData.builder()
                .task(EmulatorData.task("coded").status(TaskStatus.RUNNING).cron(cron).job("job1")).build();
        String json = fromCode.toJson();
        EmulatorData fromString = EmulatorData.fromJson(json);
        EmulatorData fromStream = EmulatorData.fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        for (EmulatorData data : List.of(fromCode, fromString, fromStream)) {
            emulator.load(data);
            assertThat(call("GET", "/v1/tasks/coded/taskcron").body()).contains("\"detailTime\":\"02:30\"");
            assertThat(call("POST", "/v2/tasks/coded/stop").statusCode()).isEqualTo(200);
            assertThat(call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron").statusCode()).isEqualTo(400);
            emulator.reset();
            assertThat(emulator.state().taskIds()).containsExactly("coded");
            assertThat(emulator.state().taskStatus("coded")).isEqualTo("running");
        }
    }

    @Test
    void data_fromJsonString_thatIsNotData_failsWithWhere() {
        assertThatThrownBy(() -> EmulatorData.fromJson("{\"tasks\": [{\"task_id\": \"a\",}]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }

    @Test
    void journal_recordsEachRequestWithTheTokenMasked_andVerifyCounts() throws Exception {
        call("POST", "/v2/tasks/" + STOP_TASK + "/stop");
        call("POST", "/v2/tasks/" + STOP_TASK + "/stop");
        call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron?operator=me");

        List<RecordedRequest> stops = emulator.requests(Operation.STOP_TASK_BY_ID_V2);
        assertThat(stops).extracting(RecordedRequest::status).containsExactly(200, 400);
        assertThat(stops.get(0).header("X-Auth-Token")).isEqualTo("****");
        assertThat(stops.get(0).path()).isEqualTo("/v2/tasks/" + STOP_TASK + "/stop");
        RecordedRequest cron = emulator.requests(Operation.SHOW_PORTAL_SERVICE_TASK_CRON).get(0);
        assertThat(cron.query()).isEqualTo("operator=me");
        assertThat(emulator.requests().toString()).doesNotContain("X-Auth-Token=[t]");
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, 2);
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, STOP_TASK, 2);
        emulator.verify(Operation.DELETE_TASK_V3, 0);
        assertThatThrownBy(() -> emulator.verify(Operation.STOP_TASK_BY_ID_V2, "other-task", 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected 1 call(s) of StopTaskByIdV2 for other-task, got 0")
                .hasMessageContaining("POST /v2/tasks/" + STOP_TASK + "/stop -> 400");
        emulator.reset();
        assertThat(emulator.requests()).isEmpty();
    }

    @Test
    void verifyById_countsCallsForExactlyThatDecodedId_notForAnIdThatIsPartOfThePath() throws Exception {
        emulator.addTask(EmulatorData.task("stop").status(TaskStatus.RUNNING));
        emulator.addTask(EmulatorData.task("a b+ü").status(TaskStatus.RUNNING));
        call("POST", "/v2/tasks/" + STOP_TASK + "/stop");
        call("POST", "/v2/tasks/a%20b+%C3%BC/stop");

        emulator.verify(Operation.STOP_TASK_BY_ID_V2, "stop", 0);   // "stop" is the last segment of every stop
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, STOP_TASK, 1);
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, "a b+ü", 1);
        emulator.verify(Operation.STOP_TASK_BY_ID_V2, "a b", 0);
        assertThat(emulator.requests(Operation.STOP_TASK_BY_ID_V2)).extracting(RecordedRequest::id, RecordedRequest::status)
                .containsExactly(tuple(STOP_TASK, 200), tuple("a b+ü", 200));
    }

    @Test
    void journal_ofSize2_keepsTheLatestTwo() throws Exception {
        try (Emulator small = Emulator.builder().port(0).journalSize(2).requestLog(false).start()) {
            for (String path : new String[] {"health", "openapi.yaml", "docs/"}) {
                http.send(HttpRequest.newBuilder(small.uri().resolve(path)).build(), HttpResponse.BodyHandlers.discarding());
            }
            assertThat(small.requests()).extracting(RecordedRequest::path).containsExactly("/openapi.yaml", "/docs/");
        }
    }

    @Test
    void statusFault_answersTheNextNCallsWithTheErrorThenNormally() throws Exception {
        emulator.fault(Operation.SHOW_PORTAL_SERVICE_TASK_CRON,
                Fault.status(503, "CC.00000010.503", "Service busy, retry later.").times(2));

        HttpResponse<String> first = call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron");
        HttpResponse<String> second = call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron");
        HttpResponse<String> third = call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron");

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(first.body()).isEqualTo("{\"error_code\":\"CC.00000010.503\",\"error_msg\":\"Service busy, retry later.\"}");
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(emulator.pendingFaults()).isEmpty();
    }

    @Test
    void statusFault_onStop_leavesTheTaskRunning() throws Exception {
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(500, "CC.00000010.500", "Internal server error."));

        assertThat(call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()).isEqualTo(500);
        assertThat(emulator.state().taskStatus(STOP_TASK)).isEqualTo("running");
    }

    @Test
    void delayFault_makesAClientTimeoutFire_thenTheOperationAnswersNormally() throws Exception {
        emulator.fault(Operation.SHOW_PORTAL_SERVICE_TASK_CRON, Fault.delay(Duration.ofSeconds(2)));
        HttpRequest request = HttpRequest.newBuilder(emulator.uri().resolve("v1/tasks/" + CRON_TASK + "/taskcron"))
                .header("X-Auth-Token", "t").timeout(Duration.ofMillis(300)).build();

        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron").statusCode()).isEqualTo(200);
    }

    @Test
    void callStillWaitingOnADelayWhenTheEmulatorIsReset_isNeitherServedNorJournaled() throws Exception {
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.delay(Duration.ofSeconds(1)));
        HttpRequest request = HttpRequest.newBuilder(emulator.uri().resolve("v2/tasks/" + STOP_TASK + "/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("X-Auth-Token", "t")
                .timeout(Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> http.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class); // the test that set the delay gives up

        emulator.reset(); // the next test begins
        Thread.sleep(1500); // the delayed call has woken up by now

        assertThat(emulator.state().taskStatus(STOP_TASK)).as("the stale stop did not run").isEqualTo("running");
        assertThat(emulator.requests()).as("the next test's journal").isEmpty();
    }

    @Test
    void dropFault_closesTheConnectionWithoutAnAnswer_andTheJournalSaysSo() throws Exception {
        emulator.fault(Operation.DELETE_TASK_V3, Fault.dropConnection());
        try (LogCapture all = LogCapture.of("")) {
            assertThatThrownBy(() -> call("DELETE", "/v3/task/" + CRON_TASK)).isInstanceOf(IOException.class);
            assertThat(emulator.requests(Operation.DELETE_TASK_V3)).extracting(RecordedRequest::status).containsExactly(0);
            assertThat(emulator.state().taskStatus(CRON_TASK)).isEqualTo("completed");
            assertThat(call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron").statusCode()).isEqualTo(200);

            assertThat(all.above(Level.INFO)).isEmpty();
        }
    }

    @Test
    void faults_queuePerOperationInOrder_andResetDropsThem() throws Exception {
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(429, "CC.00000009.429", "Slow down."));
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(503, "CC.00000010.503", "Busy."));
        emulator.fault(Operation.DELETE_TASK_V3, Fault.dropConnection());

        assertThat(call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()).isEqualTo(429);
        assertThat(emulator.pendingFaults()).containsOnlyKeys(Operation.STOP_TASK_BY_ID_V2, Operation.DELETE_TASK_V3);
        emulator.reset();
        assertThat(emulator.pendingFaults()).isEmpty();
        assertThat(call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()).isEqualTo(200);
    }

    @Test
    void faultsAndTokens_aFaultDoesNotHideA401() throws Exception {
        emulator.fault(Operation.STOP_TASK_BY_ID_V2, Fault.status(503, "CC.00000010.503", "Busy."));
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(emulator.uri().resolve("v2/tasks/x/stop"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(emulator.pendingFaults()).containsKey(Operation.STOP_TASK_BY_ID_V2);
    }

    @Test
    void faultArguments_areChecked() {
        assertThatThrownBy(() -> Fault.status(200, "x", "y")).hasMessageContaining("400 to 599");
        assertThatThrownBy(() -> Fault.status(503, " ", "y")).hasMessageContaining("non-blank");
        assertThatThrownBy(() -> Fault.delay(Duration.ofHours(1))).hasMessageContaining("PT5M");
        assertThatThrownBy(() -> Fault.dropConnection().times(0)).hasMessageContaining("at least once");
    }

    @Test
    void requestLogOff_logsNoLinePerRequest_on_logsOneBoundedLine() throws Exception {
        List<String> lines;
        try (LogCapture log = LogCapture.of(RequestRecorder.LOG.getName())) {
            call("GET", "/health"); // this emulator has the request log off
            assertThat(log.messages()).isEmpty();
            try (Emulator logging = Emulator.builder().port(0).start()) {
                String longId = "a".repeat(3000);
                http.send(HttpRequest.newBuilder(logging.uri().resolve("v1/tasks/" + longId + "/taskcron"))
                        .header("X-Auth-Token", "secret-token").build(), HttpResponse.BodyHandlers.discarding());
                http.send(HttpRequest.newBuilder(logging.uri().resolve("health"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            }
            lines = log.messages();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("GET /v1/tasks/aaaa").contains("...(3019 chars) 400 ")
                .hasSizeLessThan(260).doesNotContain("secret-token");
        assertThat(lines.get(1)).matches("HEAD /health 200 \\d+\\.\\dms");
    }

    @Test
    void starting_changesNoSystemProperty() throws Exception {
        Properties before = (Properties) System.getProperties().clone();
        try (Emulator another = Emulator.builder().port(0).requestLog(false).start()) {
            assertThat(another.uri().getPort()).isPositive();
        }
        assertThat(System.getProperties()).isEqualTo(before);
    }

    @Test
    void adminApi_isGuardedByTheToken() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(emulator.uri().resolve("__emulator/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("X-Auth-Token", "wrong").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).startsWith("{\"error_code\":\"CC.00000003\"");
        HttpResponse<String> spec = http.send(HttpRequest.newBuilder(emulator.uri().resolve("__emulator/openapi.yaml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(spec.statusCode()).isEqualTo(200);
        assertThat(spec.body()).startsWith("openapi: 3.0.3").contains("operationId: AddFault");
        assertThat(call("GET", "/openapi.yaml").body()).doesNotContain("__emulator");
    }
}
