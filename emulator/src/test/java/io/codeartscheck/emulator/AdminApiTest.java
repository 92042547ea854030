package io.codeartscheck.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin API over HTTP, as a test in another language (or the TCK's fixtures) would use it. */
class AdminApiTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Emulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = Emulator.builder().port(0).token("admin-token").requestLog(false).start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(emulator.uri().resolve(path.substring(1)))
                .header("X-Auth-Token", "admin-token");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void postTasks_seedsEachStateATckCaseNeeds_andReturnsTheIds() throws Exception {
        HttpResponse<String> running = send("POST", "/__emulator/tasks", "{\"status\": \"running\"}");
        HttpResponse<String> scheduled = send("POST", "/__emulator/tasks", "{\"cron\": {\"taskId\": \"x\", "
                + "\"cronStatus\": \"1\", \"weekDays\": [\"1\"], \"detailTime\": \"08:00\", \"creator\": \"me\", "
                + "\"timeOffset\": \"GMT+08:00\"}}");
        HttpResponse<String> withReport = send("POST", "/__emulator/tasks", "{\"jobs\": [{}]}");
        HttpResponse<String> unscheduled = send("POST", "/__emulator/tasks", "{\"task_id\": \"plain\"}");

        assertThat(running.statusCode()).as(running.body()).isEqualTo(201);
        String runningId = id(running.body(), "task_id");
        assertThat(send("POST", "/v2/tasks/" + runningId + "/stop", null).body()).isEqualTo("null");
        String scheduledId = id(scheduled.body(), "task_id");
        assertThat(send("GET", "/v1/tasks/" + scheduledId + "/taskcron", null).body())
                .contains("\"taskId\":\"" + scheduledId + "\"").contains("\"detailTime\":\"08:00\"");
        assertThat(withReport.body()).matches("\\{\"task_id\":\"[0-9a-f]{32}\",\"job_ids\":\\[\"[0-9a-f]{32}\"]}");
        String jobId = withReport.body().replaceAll(".*\"job_ids\":\\[\"([0-9a-f]+)\"].*", "$1");
        assertThat(send("PUT", "/v1/jobs/" + jobId + "/result/refresh?async=false", null).body()).contains("\"COMFIRM\":0");
        assertThat(unscheduled.body()).isEqualTo("{\"task_id\":\"plain\",\"job_ids\":[]}");
        assertThat(send("GET", "/v1/tasks/plain/taskcron", null).body()).contains("\"cronStatus\":\"0\"");
    }

    @Test
    void postReset_undoesWhatTheReadmeSnippetDid_soItCanRunAgain() throws Exception {
        assertThat(send("POST", "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop", null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/v3/task/897acf5exxx48a5013cd", null).statusCode()).isEqualTo(200);

        HttpResponse<String> reset = send("POST", "/__emulator/reset", null);

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).isEqualTo("{\"task_ids\":[\"aexxxx86\",\"fxxxx7ba3ae14a87a32b151bcbe20801\","
                + "\"2b31ed520xxxxxxebedb6e57xxxxxxxx\",\"897acf5exxx48a5013cd\"]}");
        assertThat(send("POST", "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop", null).statusCode()).isEqualTo(200);
        assertThat(send("DELETE", "/v3/task/897acf5exxx48a5013cd", null).statusCode()).isEqualTo(200);
    }

    @Test
    void putData_replacesWhatResetReturnsTo_andGetDataShowsIt() throws Exception {
        HttpResponse<String> put = send("PUT", "/__emulator/data", "{\"tasks\": [{\"task_id\": \"only\", \"status\": \"running\"}]}");
        assertThat(put.body()).isEqualTo("{\"task_ids\":[\"only\"]}");
        send("POST", "/v2/tasks/only/stop", null);
        send("POST", "/__emulator/reset", null);

        assertThat(emulator.state().taskStatus("only")).isEqualTo("running");
        assertThat(send("GET", "/__emulator/data", null).body()).contains("\"task_id\" : \"only\"");
    }

    @Test
    void badAdminInput_getsTheDocumentedErrorNamingTheProblem() throws Exception {
        assertError(send("PUT", "/__emulator/data", "{\"tasks\": [{\"task_id\": \"a\", \"colour\": \"red\"}]}"), "colour");
        assertError(send("POST", "/__emulator/tasks", "{\"task_id\": \"aexxxx86\"}"), "aexxxx86 already exists");
        assertError(send("POST", "/__emulator/faults", "{\"operation\": \"Stop\", \"status\": 503}"), "StopTaskByIdV2");
        assertError(send("POST", "/__emulator/faults", "{\"operation\": \"StopTaskByIdV2\", \"sttaus\": 503}"), "sttaus");
        assertError(send("POST", "/__emulator/faults", "{\"operation\": \"StopTaskByIdV2\"}"), "needs a status");
        assertError(send("GET", "/__emulator/requests?operation=Nope", null), "Nope");
        assertError(send("POST", "/__emulator/tasks", ""), "JSON body");
    }

    static void assertError(HttpResponse<String> r, String mentions) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).startsWith("{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"").contains(mentions);
    }

    @Test
    void faultsAndJournal_overHttp() throws Exception {
        HttpResponse<String> added = send("POST", "/__emulator/faults", "{\"operation\": \"StopTaskByIdV2\", "
                + "\"status\": 503, \"error_code\": \"CC.00000010.503\", \"error_msg\": \"Busy.\", \"times\": 2}");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).isEqualTo("{\"faults\":[{\"operation\":\"StopTaskByIdV2\",\"status\":503,"
                + "\"error_code\":\"CC.00000010.503\",\"error_msg\":\"Busy.\",\"delay_ms\":0,\"drop_connection\":false,"
                + "\"times\":2}]}");

        assertThat(send("POST", "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop", null).statusCode()).isEqualTo(503);
        assertThat(send("GET", "/__emulator/faults", null).body()).contains("\"times\":1");
        assertThat(send("DELETE", "/__emulator/faults", null).statusCode()).isEqualTo(204);
        assertThat(send("POST", "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop", null).statusCode()).isEqualTo(200);

        String journal = send("GET", "/__emulator/requests?operation=StopTaskByIdV2", null).body();
        assertThat(journal).contains("\"path\":\"/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop\"")
                .contains("\"x-auth-token\":[\"****\"]").doesNotContain("admin-token").doesNotContain("__emulator")
                .contains("\"status\":503").contains("\"status\":200");
        assertThat(send("DELETE", "/__emulator/requests", null).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/__emulator/requests", null).body()).isEqualTo("{\"requests\":[]}");
    }

    @Test
    void dropFault_overHttp_closesTheConnection() throws Exception {
        send("POST", "/__emulator/faults", "{\"operation\": \"DeleteTaskV3\", \"drop_connection\": true, \"delay_ms\": 10}");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> send("DELETE", "/v3/task/aexxxx86", null))
                .isInstanceOf(IOException.class);
        assertThat(emulator.state().taskStatus("aexxxx86")).isEqualTo("completed");
    }

    private static String id(String body, String field) {
        return body.replaceAll(".*\"" + field + "\":\"([^\"]+)\".*", "$1");
    }
}
