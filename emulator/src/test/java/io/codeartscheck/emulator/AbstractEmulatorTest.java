package io.codeartscheck.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's behaviour over HTTP, from a freshly started emulator per test; each runtime extends it.
 */
abstract class AbstractEmulatorTest {
    static final String SPEC_BADGE = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"136\" height=\"20\" role=\"img\" "
            + "aria-label=\"code health: A\"><title>code health: A</title><rect width=\"96\" height=\"20\" fill=\"#555\"/>"
            + "<rect x=\"96\" width=\"40\" height=\"20\" fill=\"#4c1\"/><text x=\"48\" y=\"14\" fill=\"#fff\" "
            + "text-anchor=\"middle\" font-family=\"Verdana,sans-serif\" font-size=\"11\">code health</text>"
            + "<text x=\"116\" y=\"14\" fill=\"#fff\" text-anchor=\"middle\" font-family=\"Verdana,sans-serif\" "
            + "font-size=\"11\">A</text></svg>";
    static final String STOP_TASK = "2b31ed520xxxxxxebedb6e57xxxxxxxx";
    static final String DELETE_TASK = "897acf5exxx48a5013cd";
    static final String CRON_TASK = "fxxxx7ba3ae14a87a32b151bcbe20801";
    static final String BADGE_TASK = "aexxxx86";
    static final String DOC_JOB = "e5470ceb4d0440f198b56974xxxxxxxx";

    final HttpClient http = HttpClient.newHttpClient();
    URI base;

    /** Starts an emulator with the default data on a free loopback port; returns its base URI. */
    abstract URI start() throws Exception;

    /** The URL the served spec lists first under servers. */
    abstract String expectedServerUrl();

    abstract void stop() throws Exception;

    @BeforeEach
    void startEmulator() throws Exception {
        base = start();
    }

    @AfterEach
    void stopEmulator() throws Exception {
        stop();
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> call(String method, String path) throws IOException, InterruptedException {
        return send(method, path, "X-Auth-Token", "any-token");
    }

    /** JSON without the whitespace between tokens, so a pretty-printed doc example compares to the wire. */
    static String minify(String json) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\') {
                    sb.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                sb.append(c);
            } else if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static String docExample(String name) throws IOException {
        try (InputStream in = AbstractEmulatorTest.class.getResourceAsStream("/META-INF/openapi/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).startsWith("{\"error_code\":\"" + code + "\",\"error_msg\":\"");
    }

    // ---- the docs' examples against a fresh emulator ----

    @Test
    void docExample_badgeOfAexxxx86_isTheSpecExampleSvg() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("").replace(" ", ""))
                .isEqualToIgnoringCase("image/svg+xml;charset=UTF-8");
        assertThat(r.body()).isEqualTo(SPEC_BADGE);
    }

    @Test
    void docExample_refreshWithEmptyTaskIdSynchronously_returnsTheDocumentedReport() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?task_id=&async=false");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(minify(docExample("refresh-200.json")));
    }

    @Test
    void docExample_taskCron_returnsTheDocumentedSchedule() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(minify(docExample("taskcron-200.json")));
    }

    @Test
    void docExample_stop_returns200WithBodyNull() throws Exception {
        HttpResponse<String> r = call("POST", "/v2/tasks/" + STOP_TASK + "/stop");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).isEqualTo("null");
    }

    @Test
    void docExample_delete_returnsTheDocumentedBody() throws Exception {
        HttpResponse<String> r = call("DELETE", "/v3/task/" + DELETE_TASK);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(minify(docExample("delete-200.json")));
    }

    // ---- behaviour ----

    @Test
    void stopTask_twice_secondCallFailsWith400NotRunning() throws Exception {
        assertThat(call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()).isEqualTo(200);
        HttpResponse<String> second = call("POST", "/v2/tasks/" + STOP_TASK + "/stop");
        assertError(second, 400, "CC.00000004.400");
        assertThat(second.body()).contains("not running");
    }

    @Test
    void stopTask_completedTask_failsWith400NotRunning() throws Exception {
        assertError(call("POST", "/v2/tasks/" + BADGE_TASK + "/stop"), 400, "CC.00000004.400");
    }

    @Test
    void stopTask_unknownTask_failsWith400TaskNotFound() throws Exception {
        assertError(call("POST", "/v2/tasks/nosuchtask/stop"), 400, "CC.00000002.400");
    }

    @Test
    void deleteTask_twice_secondCallFailsWith400() throws Exception {
        assertThat(call("DELETE", "/v3/task/" + DELETE_TASK).statusCode()).isEqualTo(200);
        assertError(call("DELETE", "/v3/task/" + DELETE_TASK), 400, "CC.00000002.400");
    }

    @Test
    void deleteTask_thenEveryOperationOnItsTaskAndJobsFailsWith400() throws Exception {
        assertThat(call("DELETE", "/v3/task/" + BADGE_TASK).statusCode()).isEqualTo(200);
        assertError(call("GET", "/v4/task/" + BADGE_TASK + "/code-health-svg"), 400, "CC.00000002.400");
        assertError(call("GET", "/v1/tasks/" + BADGE_TASK + "/taskcron"), 400, "CC.00000002.400");
        assertError(call("POST", "/v2/tasks/" + BADGE_TASK + "/stop"), 400, "CC.00000002.400");
        assertError(call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?task_id=" + BADGE_TASK),
                400, "CC.00000002.400");
        // Its job (and report) went with it.
        assertError(call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?task_id=&async=false"),
                400, "CC.00000002.400");
        // Other tasks are untouched.
        assertThat(call("GET", "/v1/tasks/" + CRON_TASK + "/taskcron").statusCode()).isEqualTo(200);
    }

    @Test
    void refresh_withoutAsync_acceptsAndReturnsNoReport() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"httpStatus\":\"OK\",\"status\":\"success\"}");
    }

    @Test
    void refresh_asyncTrue_acceptsAndReturnsNoReport() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?task_id=&async=true");
        assertThat(r.body()).isEqualTo("{\"httpStatus\":\"OK\",\"status\":\"success\"}");
    }

    @Test
    void refresh_withTaskId_returnsThatTasksLatestReport() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?task_id=" + CRON_TASK
                + "&async=false");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"CODE_SIZE\":12040");
    }

    @Test
    void refresh_unknownJobWithoutTaskId_failsWith400() throws Exception {
        assertError(call("PUT", "/v1/jobs/nosuchjob/result/refresh?async=false"), 400, "CC.00000002.400");
    }

    @Test
    void refresh_asyncYes_failsWith400NamingAsync() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?async=yes");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("async: ");
    }

    @Test
    void badge_zhCn_isChineseAndValidXml() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/" + BADGE_TASK + "/code-health-svg?locale=zh-cn");
        assertThat(r.statusCode()).isEqualTo(200);
        Document svg = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("代码健康度: A");
    }

    @Test
    void badge_gradeAndColourFollowTheReport() throws Exception {
        // fxxxx…: 2 critical, 9 major → C (yellow); 2b31…: 12 major → B (green).
        assertThat(call("GET", "/v4/task/" + CRON_TASK + "/code-health-svg?locale=en-us").body())
                .contains("code health: C").contains("#dfb317");
        assertThat(call("GET", "/v4/task/" + STOP_TASK + "/code-health-svg").body())
                .contains("code health: B").contains("#97ca00");
    }

    @Test
    void badge_jobOfAnotherTask_failsWith400() throws Exception {
        assertError(call("GET", "/v4/task/" + CRON_TASK + "/code-health-svg?job_id=" + DOC_JOB),
                400, "CC.00000002.400");
        assertThat(call("GET", "/v4/task/" + BADGE_TASK + "/code-health-svg?job_id=" + DOC_JOB).statusCode())
                .isEqualTo(200);
    }

    @Test
    void badge_taskIdOf33Characters_failsWith400NamingTaskId() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/" + "a".repeat(33) + "/code-health-svg");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("task_id: ");
    }

    @Test
    void cron_taskWithoutSchedule_isDisabled() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/" + BADGE_TASK + "/taskcron");
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"httpStatus\":\"OK\",\"result\":"
                + "{\"taskId\":\"aexxxx86\",\"cronStatus\":\"0\",\"weekDays\":[],\"detailTime\":\"\","
                + "\"creator\":\"\",\"timeOffset\":\"\"}}");
    }

    @Test
    void anyOperation_withoutToken_is401() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/tasks/" + CRON_TASK + "/taskcron");
        assertError(r, 401, "CC.00000003");
    }

    @Test
    void health_withoutToken_isUp() throws Exception {
        HttpResponse<String> r = send("GET", "/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void openapiYaml_withoutToken_isTheSpecWithThisEmulatorAsFirstServer() throws Exception {
        HttpResponse<String> r = send("GET", "/openapi.yaml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3.0.3").contains("operationId: DeleteTaskV3")
                .contains("servers:\n  - url: " + expectedServerUrl() + "\n    description: This emulator.\n");
    }

    @Test
    void docs_withoutToken_serveSwaggerUiOfflinePointingAtTheSpec() throws Exception {
        HttpResponse<String> redirect = send("GET", "/docs");
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(redirect.headers().firstValue("Location").orElse("")).endsWith("docs/"); // relative, or made absolute
        HttpResponse<String> page = send("GET", "/docs/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui-bundle.js").contains("swagger-initializer.js");
        assertThat(send("GET", "/docs/swagger-initializer.js").body()).contains("url: \"../openapi.yaml\"")
                .contains("var CodeArtsCheckSwaggerUi")
                .contains("plugins: [SwaggerUIBundle.plugins.DownloadUrl, CodeArtsCheckSwaggerUi.SvgExamplesAsText]");
        HttpResponse<String> bundle = send("GET", "/docs/swagger-ui-bundle.js");
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.body().length()).isGreaterThan(100_000);
        assertThat(send("GET", "/docs/swagger-ui.css").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/docs/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentStops_ofOneRunningTask_exactlyOneSucceeds() throws Exception {
        assertThat(concurrently(16, () -> call("POST", "/v2/tasks/" + STOP_TASK + "/stop").statusCode()))
                .containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void concurrentDeletes_ofOneTask_exactlyOneSucceeds() throws Exception {
        assertThat(concurrently(16, () -> call("DELETE", "/v3/task/" + DELETE_TASK).statusCode()))
                .containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
    }

    @Test
    void concurrentReads_allSucceed() throws Exception {
        assertThat(concurrently(32, () -> call("PUT", "/v1/jobs/" + DOC_JOB + "/result/refresh?async=false")
                .body())).containsOnly(minify(docExample("refresh-200.json")));
    }

    static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<T>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(call);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
