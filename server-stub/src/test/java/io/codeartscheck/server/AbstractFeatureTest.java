package io.codeartscheck.server;

import jakarta.ws.rs.core.Application;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour {@link CodeArtsCheckFeature} promises, checked over HTTP; each runtime extends it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractFeatureTest {
    static final String TOKEN = "good-token";
    private final HttpClient http = HttpClient.newHttpClient();
    private URI base;
    private URI autoCloseableBase;
    private URI subclassBase;

    /** Hosts the application on loopback and returns its base URI (ending in '/'). */
    abstract URI start(Application application) throws Exception;

    abstract void stop() throws Exception;

    @BeforeAll
    void startServer() throws Exception {
        CodeArtsCheckFeature feature = CodeArtsCheckFeature.builder()
                .tokenVerifier(token -> !token.equals("expired"))
                .publicPaths("/health")
                .build();
        Application app = new Application() {
            @Override
            public Set<Object> getSingletons() {
                return Set.of(new SampleTasks(), new Extras(), feature);
            }
        };
        base = start(app);
        autoCloseableBase = start(application(new AutoCloseableTasks(), feature));
        subclassBase = start(application(new AutoCloseableTasks.Subclass(), feature));
    }

    private static Application application(Object tasks, CodeArtsCheckFeature feature) {
        return new Application() {
            @Override
            public Set<Object> getSingletons() {
                return Set.of(tasks, feature);
            }
        };
    }

    @AfterAll
    void stopServer() throws Exception {
        stop();
    }

    HttpResponse<String> send(String method, String path, String... headers) throws IOException, InterruptedException {
        return send(method, path, HttpRequest.BodyPublishers.noBody(), headers);
    }

    HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        return send(base, method, path, body, headers);
    }

    HttpResponse<String> send(URI server, String method, String path, HttpRequest.BodyPublisher body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path.substring(1))).method(method, body);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> call(String method, String path, String... headers) throws IOException, InterruptedException {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Auth-Token";
        all[1] = TOKEN;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(method, path, all);
    }

    static String encode(String pathSegment) {
        return java.net.URLEncoder.encode(pathSegment, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase();
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(contentType(r)).startsWith("application/json");
        assertThat(r.body()).startsWith("{\"error_code\":\"" + code + "\",\"error_msg\":\"");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("<html");
    }

    @Test
    void badge_whenAcceptPrefersJson_isServedAsSvgUtf8() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg",
                "Accept", "application/json,image/svg+xml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("image/svg+xml;charset=utf-8");
        assertThat(r.body()).isEqualTo(SampleTasks.BADGE);
    }

    @Test
    void badge_whenAcceptIsOnlyJson_isServedAsSvgUtf8() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg", "Accept", "application/json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).isEqualTo("image/svg+xml;charset=utf-8");
        assertThat(r.body()).isEqualTo(SampleTasks.BADGE);
    }

    @Test
    void badge_withoutAcceptHeader_isServedAsSvgUtf8() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg");
        assertThat(contentType(r)).isEqualTo("image/svg+xml;charset=utf-8");
    }

    @Test
    void badge_taskIdOf33Characters_isRejectedWith400NamingTaskId() throws Exception {
        String id = "a".repeat(33);
        HttpResponse<String> r = call("GET", "/v4/task/" + id + "/code-health-svg");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("task_id: ").contains("32").doesNotContain("taskId").doesNotContain("arg0");
    }

    @Test
    void badge_taskIdOf17Emoji_passesValidation() throws Exception {
        // 17 characters for the contract (JSON Schema counts code points), 34 UTF-16 units for @Size.
        String id = "\uD83D\uDE00".repeat(17);
        HttpResponse<String> r = call("GET", "/v4/task/" + encode(id) + "/code-health-svg");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(SampleTasks.BADGE);
    }

    @Test
    void badge_taskIdOf32EmojiPasses_of33EmojiIsRejectedWith400() throws Exception {
        String emoji = "\uD83D\uDE00";
        assertThat(call("GET", "/v4/task/" + encode(emoji.repeat(32)) + "/code-health-svg").statusCode()).isEqualTo(200);
        HttpResponse<String> r = call("GET", "/v4/task/" + encode(emoji.repeat(33)) + "/code-health-svg");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("task_id: size must be between 1 and 32");
    }

    @Test
    void validation_implementationThatImplementsAnotherInterfaceFirst_is400NamingTaskId() throws Exception {
        HttpResponse<String> r = send(autoCloseableBase, "GET", "/v4/task/" + "a".repeat(33) + "/code-health-svg",
                HttpRequest.BodyPublishers.noBody(), "X-Auth-Token", TOKEN);
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("\"task_id: size must be between 1 and 32\"");
    }

    @Test
    void validation_subclassOfImplementation_is400NamingOperator() throws Exception {
        HttpResponse<String> r = send(subclassBase, "GET", "/v1/tasks/t1/taskcron", HttpRequest.BodyPublishers.noBody(),
                "X-Auth-Token", TOKEN, "operator", "o".repeat(129));
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("\"operator: size must be between 1 and 128\"");
    }

    @Test
    void implementationThatImplementsAnotherInterfaceFirst_getsTheOperationFixesToo() throws Exception {
        HttpResponse<String> stop = send(autoCloseableBase, "POST", "/v2/tasks/t1/stop",
                HttpRequest.BodyPublishers.noBody(), "X-Auth-Token", TOKEN);
        assertThat(stop.statusCode()).isEqualTo(200);
        assertThat(stop.body()).isEqualTo("null");
        HttpResponse<String> badge = send(subclassBase, "GET", "/v4/task/t1/code-health-svg?job_id=",
                HttpRequest.BodyPublishers.noBody(), "X-Auth-Token", TOKEN, "Accept", "application/json");
        assertError(badge, 400, "CC.00000001.400");
    }

    @Test
    void badge_emptyJobId_isRejectedWith400AsBeanValidationWordsIt() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg?job_id=");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).isEqualTo(
                "{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"job_id: size must be between 1 and 64\"}");
    }

    @Test
    void badge_emptyLocale_isRejectedWith400NamingLocale() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg?locale=&job_id=j1");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("\"locale: must match \\\"^(zh-cn|en-us)$\\\"\"");
    }

    @Test
    void badge_emptyJobIdAfterAGivenOne_isTheFirstValueThatCounts() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg?job_id=j1&job_id=");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    @Test
    void cron_emptyOperatorHeader_isRejectedWith400AsBeanValidationWordsIt() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/t1/taskcron", "operator", "");
        assertThat(r.body()).isEqualTo(
                "{\"error_code\":\"CC.00000001.400\",\"error_msg\":\"operator: size must be between 1 and 128\"}");
    }

    @Test
    void cron_taskIdOfEncodedDots_staysAPathParameter() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/%2E%2E/taskcron");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"taskId\":\"..\"");
    }

    @Test
    void refresh_emptyAsync_isRejectedWith400NamingAsync() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/j1/result/refresh?async=");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("async: must match");
    }

    @Test
    void badge_unknownLocale_isRejectedWith400NamingLocale() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/aexxxx86/code-health-svg?locale=fr-fr");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("locale: ");
    }

    @Test
    void cron_operatorHeaderOf129Characters_isRejectedWith400NamingOperator() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/t1/taskcron", "operator", "o".repeat(129));
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("operator: ");
    }

    @Test
    void refresh_asyncYes_isRejectedWith400NamingAsync() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/j1/result/refresh?async=yes");
        assertError(r, 400, "CC.00000001.400");
        assertThat(r.body()).contains("async: ");
    }

    @Test
    void refresh_default_leavesResultOut() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/j1/result/refresh?task_id=");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"httpStatus\":\"OK\",\"status\":\"success\"}");
    }

    @Test
    void refresh_synchronous_ordersFieldsAsTheDocsPrintThem() throws Exception {
        HttpResponse<String> r = call("PUT", "/v1/jobs/j1/result/refresh?async=false");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"httpStatus\":\"OK\",\"result\":{\"CODE_SIZE\":991,\"CRITICAL\":4,"
                + "\"TOOL_LIST\":[\"clangtidy\"],\"critical\":0,\"major\":4},\"status\":\"success\"}");
    }

    @Test
    void cron_ordersFieldsAsTheDocsPrintThem() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/t1/taskcron");
        assertThat(r.body()).isEqualTo("{\"status\":\"success\",\"httpStatus\":\"OK\",\"result\":{\"taskId\":\"t1\","
                + "\"cronStatus\":\"0\",\"weekDays\":[\"0\",\"1\",\"2\"],\"detailTime\":\"15:00\","
                + "\"creator\":\"creator\",\"timeOffset\":\"GMT+08:00\"}}");
    }

    @Test
    void stop_javaNull_isAnswered200WithLiteralNull() throws Exception {
        HttpResponse<String> r = call("POST", "/v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(contentType(r)).startsWith("application/json");
        assertThat(r.body()).isEqualTo("null");
    }

    @Test
    void delete_documentedErrorFromImplementation_isAnswered400() throws Exception {
        HttpResponse<String> r = call("DELETE", "/v3/task/missing");
        assertError(r, 400, "CC.00000002.400");
        assertThat(r.body()).contains("Task missing does not exist.");
    }

    @Test
    void anyOperation_withoutToken_is401() throws Exception {
        HttpResponse<String> r = send("DELETE", "/v3/task/897acf5exxx48a5013cd");
        assertError(r, 401, "CC.00000003");
    }

    @Test
    void anyOperation_withBlankToken_is401() throws Exception {
        HttpResponse<String> r = send("POST", "/v2/tasks/t1/stop", "X-Auth-Token", "   ");
        assertError(r, 401, "CC.00000003");
    }

    @Test
    void anyOperation_withRejectedToken_is401Expired() throws Exception {
        HttpResponse<String> r = send("GET", "/v1/tasks/t1/taskcron", "X-Auth-Token", "expired");
        assertError(r, 401, "CC.00000003");
        assertThat(r.body()).isEqualTo("{\"error_code\":\"CC.00000003\",\"error_msg\":\"Authentication information expired.\"}");
    }

    @Test
    void publicPath_withoutToken_isServed() throws Exception {
        HttpResponse<String> r = send("GET", "/health");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void corsPreflight_withoutToken_isNot401() throws Exception {
        HttpResponse<String> r = send("OPTIONS", "/v3/task/t1",
                "Origin", "http://example.com", "Access-Control-Request-Method", "DELETE");
        assertThat(r.statusCode()).isNotEqualTo(401);
    }

    @Test
    void unknownPath_is404Json() throws Exception {
        HttpResponse<String> r = call("GET", "/v9/nothing/here");
        assertError(r, 404, "CC.00000005.404");
    }

    @Test
    void wrongMethod_is405JsonWithAllowHeader() throws Exception {
        HttpResponse<String> r = call("GET", "/v2/tasks/t1/stop");
        assertError(r, 405, "CC.00000006.405");
        assertThat(r.headers().firstValue("Allow").orElse("")).contains("POST");
    }

    @Test
    void malformedTypedQueryValue_is400() throws Exception {
        HttpResponse<String> r = call("GET", "/extras/number?n=abc");
        assertError(r, 400, "CC.00000001.400");
    }

    @Test
    void malformedJsonBody_is400() throws Exception {
        HttpResponse<String> r = send("POST", "/extras/body", HttpRequest.BodyPublishers.ofString("{not json"),
                "X-Auth-Token", TOKEN, "Content-Type", "application/json");
        assertError(r, 400, "CC.00000001.400");
    }

    @Test
    void unexpectedException_is500WithoutInternals() throws Exception {
        HttpResponse<String> r = call("GET", "/v4/task/boom/code-health-svg");
        assertError(r, 500, "CC.00000010.500");
        assertThat(r.body()).doesNotContain("secret").doesNotContain("IllegalState").doesNotContain("com.example");
    }

    @Test
    void requestId_givenByClient_isEchoed() throws Exception {
        HttpResponse<String> r = call("GET", "/v1/tasks/t1/taskcron", "X-Request-Id", "abc-123");
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("abc-123");
    }

    @Test
    void requestId_absent_isGeneratedAndUniquePerResponse() throws Exception {
        Set<String> ids = IntStream.range(0, 5).mapToObj(i -> {
            try {
                return call("GET", "/v1/tasks/t1/taskcron").headers().firstValue("X-Request-Id").orElseThrow();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toSet());
        assertThat(ids).hasSize(5).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @Test
    void requestId_isOnErrorResponsesToo() throws Exception {
        assertThat(send("GET", "/v1/tasks/t1/taskcron").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(call("GET", "/nope").headers().firstValue("X-Request-Id")).isPresent();
        assertThat(call("GET", "/v4/task/boom/code-health-svg").headers().firstValue("X-Request-Id")).isPresent();
    }
}
