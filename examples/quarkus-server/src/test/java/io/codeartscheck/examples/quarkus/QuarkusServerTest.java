package io.codeartscheck.examples.quarkus;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example on Quarkus REST, over HTTP: the behaviour the server kit promises on every runtime
 * (the same checks as server-stub's AbstractFeatureTest runs on Jersey and RESTEasy).
 */
@QuarkusTest
class QuarkusServerTest {
    private static final String TOKEN = "example-token";
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI base;

    @Inject
    TaskStore store;

    private HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String... headers) throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Auth-Token";
        all[1] = TOKEN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, all);
    }

    private static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(contentType(r)).startsWith("application/json");
        assertThat(r.body()).startsWith("{\"error_code\":\"" + code + "\",\"error_msg\":\"").endsWith("\"}");
        assertThat(r.body()).doesNotContain("\"json\"").doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void errorBody_isTheDocumentedObject_notWrapped() throws Exception {
        HttpResponse<String> r = call("DELETE", "/v3/task/no-such-task");
        assertThat(r.body()).isEqualTo(
                "{\"error_code\":\"CC.00000002.400\",\"error_msg\":\"Task no-such-task does not exist.\"}");
        assertError(r, 400, "CC.00000002.400");
    }

    @Test
    void stop_runningTask_is200WithLiteralNull_thenTheSecondStopIs400() throws Exception {
        String taskId = store.addRunningTask();
        HttpResponse<String> r = call("POST", "/v2/tasks/" + taskId + "/stop");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/json");
        assertThat(r.body()).isEqualTo("null");
        assertError(call("POST", "/v2/tasks/" + taskId + "/stop"), 400, "CC.00000004.400");
    }

    @Test
    void badge_whenAcceptIsJson_isServedAsSvgUtf8() throws Exception {
        Map<String, String> ids = store.addJobWithReport();
        HttpResponse<String> r = call("GET", "/v4/task/" + ids.get("task_id") + "/code-health-svg?job_id="
                + ids.get("job_id"), "Accept", "application/json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("image/svg+xml;charset=utf-8");
        assertThat(r.body()).startsWith("<svg ").contains("code health: ");
    }

    @Test
    void refresh_async_leavesResultOut() throws Exception {
        Map<String, String> ids = store.addJobWithReport();
        HttpResponse<String> r = call("PUT", "/v1/jobs/" + ids.get("job_id") + "/result/refresh?task_id=&async=true");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"httpStatus\":\"OK\",\"status\":\"success\"}");
    }

    @Test
    void refresh_synchronous_returnsTheReportInTheDocsOrder() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"httpStatus\":\"OK\",\"result\":{\"CODE_SIZE\":991,\"COMFIRM\":0,\"CRITICAL\":4,")
                .contains("\"UNRESOLVED_ADD\":122,\"critical\":0,")
                .endsWith(",\"suggestion\":10},\"status\":\"success\"}");
    }

    @Test
    void cron_ordersFieldsAsTheDocsPrintThem() throws Exception {
        String taskId = store.addTaskWithSchedule();
        HttpResponse<String> r = call("GET", "/v1/tasks/" + taskId + "/taskcron");
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"httpStatus\":\"OK\",\"result\":{\"taskId\":\"" + taskId
                + "\",\"cronStatus\":\"1\",\"weekDays\":[\"0\",\"1\",\"2\"],\"detailTime\":\"15:00\","
                + "\"creator\":\"example\",\"timeOffset\":\"GMT+08:00\"}}");
    }

    @Test
    void validation_namesTheWireParameter_onAnImplementationThatImplementsAutoCloseableFirst() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/" + "a".repeat(33) + "/code-health-svg");
        assertThat(r.body()).isEqualTo(
                "{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"task_id: size must be between 1 and 32\"}");
        assertError(call("GET", "/v1/tasks/t1/taskcron", "operator", "o".repeat(129)), 400, "CC.00000001.400");
    }

    @Test
    void taskIdOf17Emoji_passesValidation_andReachesTheImplementation() throws Exception {
        String id = URLEncoder.encode("\uD83D\uDE00".repeat(17), StandardCharsets.UTF_8);
        HttpResponse<String> r = call("POST", "/v2/tasks/" + id + "/stop");
        // Not CC.00000001 (validation): the implementation answered that no such task exists.
        assertError(r, 400, "CC.00000002.400");
    }

    @Test
    void emptyQueryValues_areValidatedFromTheRawQuery() throws Exception {
        HttpResponse<String> jobId = call("GET", "/v4/task/aexxxx86/code-health-svg?job_id=");
        assertThat(jobId.body()).isEqualTo(
                "{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"job_id: size must be between 1 and 64\"}");
        HttpResponse<String> locale = call("GET", "/v4/task/aexxxx86/code-health-svg?locale=");
        assertError(locale, 400, "CC.00000001.400");
        assertThat(locale.body()).contains("locale: must match");
        HttpResponse<String> async = call("PUT", "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?async=");
        assertError(async, 400, "CC.00000001.400");
        assertThat(async.body()).contains("async: must match");
    }

    @Test
    void emptyHeader_isValidatedFromTheRawRequest() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron", "operator", "");
        assertThat(r.body()).isEqualTo(
                "{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"operator: size must be between 1 and 128\"}");
    }

    @Test
    void token_missingOrRejected_is401() throws Exception {
        HttpResponse<String> missing = send("DELETE", "/v3/task/897acf5exxx48a5013cd");
        assertError(missing, 401, "CC.00000003");
        HttpResponse<String> rejected = send("GET", "/v1/tasks/t1/taskcron", "X-Auth-Token", "expired");
        assertThat(rejected.body()).isEqualTo(
                "{\"error_code\":\"CC.00000003\",\"error_msg\":\"Authentication information expired.\"}");
    }

    @Test
    void requestId_echoedWhenGiven_generatedOtherwise_onErrorsToo() throws Exception {
        assertThat(call("GET", "/v1/tasks/nope/taskcron", "X-Request-Id", "abc-123").headers()
                .firstValue("X-Request-Id")).hasValue("abc-123");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            ids.add(send("GET", "/v1/tasks/t1/taskcron").headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertThat(ids).hasSize(3).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @Test
    void unknownPath_is404_wrongMethod_is405WithAllow_bothInTheErrorShape() throws Exception {
        assertError(call("GET", "/v9/nothing/here"), 404, "CC.00000005.404");
        HttpResponse<String> r = call("GET", "/v2/tasks/t1/stop");
        assertError(r, 405, "CC.00000006.405");
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST");
    }
}
