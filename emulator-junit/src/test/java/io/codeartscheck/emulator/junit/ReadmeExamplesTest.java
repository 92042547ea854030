package io.codeartscheck.emulator.junit;

import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.ServerErrorException;
import io.codeartscheck.emulator.Emulator;
import io.codeartscheck.emulator.EmulatorData;
import io.codeartscheck.emulator.Fault;
import io.codeartscheck.emulator.Operation;
import io.codeartscheck.emulator.RecordedRequest;
import io.codeartscheck.emulator.SeededTask;
import io.codeartscheck.emulator.TaskStatus;
import io.codeartscheck.server.model.TaskCronResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The examples of emulator/README.md are the code between the {@code // README:name} and
 * {@code // README:end} lines below, and run here: {@link #readmeShowsExactlyTheCodeRunHere()} fails
 * when the two differ. The README's admin API {@code curl} lines run against an emulator too.
 */
class ReadmeExamplesTest {
    static final Path README = Path.of("../emulator/README.md");
    static final Path SELF = Path.of("src/test/java/io/codeartscheck/emulator/junit/ReadmeExamplesTest.java");

    @Nested
    // README:extension
    @CodeArtsCheckEmulatorTest
    class StopButtonTest {
        @Test
        void stopsTheRunningTask(CodeArtsCheckClient client, Emulator emulator) {
            client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");   // the docs' running task

            assertThat(emulator.state().taskStatus("2b31ed520xxxxxxebedb6e57xxxxxxxx")).isEqualTo("stopped");
            emulator.verify(Operation.STOP_TASK_BY_ID_V2, "2b31ed520xxxxxxebedb6e57xxxxxxxx", 1);
        }

        @Test
        void startsEachTestFromTheLoadedData(Emulator emulator) {
            assertThat(emulator.state().taskStatus("2b31ed520xxxxxxebedb6e57xxxxxxxx")).isEqualTo("running");
        }
    }
    // README:end

    @Nested
    // README:register
    class RetryTest {
        @RegisterExtension
        static CodeArtsCheckEmulatorExtension kit = new CodeArtsCheckEmulatorExtension()
                .token("my-token")                                         // only this token is accepted
                .configure(emulator -> emulator.headerTimeout(Duration.ofSeconds(2)));

        @Test
        void stopFailsWhileTheServiceIsDown() {
            kit.emulator().fault(Operation.STOP_TASK_BY_ID_V2,
                    Fault.status(503, "CC.00000010.503", "Service unavailable.").times(3));

            assertThatThrownBy(() -> kit.client().stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx"))
                    .isInstanceOf(ServerErrorException.class);
        }
    }
    // README:end

    @Test
    void seeding() throws IOException {
        try (Emulator emulator = Emulator.builder().port(0).requestLog(false).start()) {
            // README:seeding
            // Replace the loaded data (what reset() returns to): from code, a JSON string, a stream or a file
            TaskCronResult nightly = new TaskCronResult().taskId("nightly").cronStatus("1").weekDays(List.of("1", "3"))
                    .detailTime("02:30").creator("me").timeOffset("GMT+08:00");
            emulator.load(EmulatorData.builder()
                    .task(EmulatorData.task("nightly").cron(nightly).job("nightly-job-1"))  // a report with zero counts
                    .task(EmulatorData.task("busy").status(TaskStatus.RUNNING))
                    .build());
            emulator.load(EmulatorData.fromJson("{\"tasks\": [{\"task_id\": \"busy\", \"status\": \"running\"}]}"));

            // Or add a task for one test only (until the next reset); ids left out are generated
            SeededTask task = emulator.addTask(EmulatorData.task().status(TaskStatus.RUNNING).job(null));
            String taskId = task.taskId();           // 32 hex digits
            String jobId = task.jobIds().get(0);

            emulator.reset();                        // back to the loaded data: "busy", running
            // README:end
            assertThat(taskId).matches("[0-9a-f]{32}");
            assertThat(jobId).matches("[0-9a-f]{32}");
            assertThat(emulator.state().taskIds()).containsExactly("busy");
        }
    }

    @Test
    void faultsAndJournal() throws IOException {
        try (Emulator emulator = Emulator.builder().port(0).requestLog(false).start();
             CodeArtsCheckClient client = CodeArtsCheckClient.builder().endpoint(emulator.uri())
                     .authToken("t").build()) {
            // README:faults
            // The next taskcron call answers 503 with this body, then it works again
            emulator.fault(Operation.SHOW_PORTAL_SERVICE_TASK_CRON,
                    Fault.status(503, "CC.00000010.503", "Service unavailable."));
            // The next badge call waits 3 s first (to test your timeouts), the next delete is never answered
            emulator.fault(Operation.SHOW_CODE_HEALTH_SVG, Fault.delay(Duration.ofSeconds(3)));
            emulator.fault(Operation.DELETE_TASK_V3, Fault.dropConnection());

            client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801");  // retried by the client

            List<RecordedRequest> calls = emulator.requests(Operation.SHOW_PORTAL_SERVICE_TASK_CRON);
            // statuses 503, 200; headers with the token shown as ****
            emulator.verify(Operation.SHOW_PORTAL_SERVICE_TASK_CRON, 2);
            // README:end
            assertThat(calls).extracting(RecordedRequest::status).containsExactly(503, 200);
            assertThat(calls.get(0).header("X-Auth-Token")).isEqualTo("****");
            assertThat(emulator.pendingFaults()).containsOnlyKeys(Operation.SHOW_CODE_HEALTH_SVG, Operation.DELETE_TASK_V3);
        }
    }

    @Test
    void readmeShowsExactlyTheCodeRunHere() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String self = Files.readString(SELF, StandardCharsets.UTF_8);
        Matcher region = Pattern.compile("(?m)^[ \\t]*// README:(\\w[\\w-]*)\\n(.*?)^[ \\t]*// README:end\\n", Pattern.DOTALL)
                .matcher(self);
        List<String> names = new ArrayList<>();
        while (region.find()) {
            names.add(region.group(1));
            String code = dedent(region.group(2));
            Matcher block = Pattern.compile("<!-- README:" + region.group(1) + " -->\\n```java\\n(.*?)```", Pattern.DOTALL)
                    .matcher(readme);
            assertThat(block.find()).as("emulator/README.md has the block <!-- README:%s -->", region.group(1)).isTrue();
            assertThat(block.group(1)).as("the README's %s example", region.group(1)).isEqualTo(code);
        }
        assertThat(names).containsExactly("extension", "register", "seeding", "faults");
    }

    @Test
    void readmeAdminCurlLines_runAsPrinted() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher block = Pattern.compile("<!-- README:admin -->\\n```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).isTrue();
        String[] lines = block.group(1).split("\n");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        int ran = 0;
        try (Emulator emulator = Emulator.builder().port(0).requestLog(false).start()) {
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].startsWith("curl ")) {
                    continue;
                }
                HttpResponse<String> response = http.send(curl(lines[i], emulator.uri()), HttpResponse.BodyHandlers.ofString());
                String expected = i + 1 < lines.length && lines[i + 1].startsWith("# ") ? lines[i + 1].substring(2) : "";
                String pattern = Pattern.quote(expected).replace("…", "\\E.*\\Q");
                assertThat(response.body()).as(lines[i]).matches(expected.isEmpty() ? "" : pattern);
                assertThat(response.statusCode()).as(lines[i]).isBetween(200, 299);
                ran++;
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(6);
    }

    /** A request from a README line {@code curl -s [-X M] URL [-H 'k: v']... [-d 'json']}. */
    static HttpRequest curl(String line, URI emulator) {
        List<String> words = new ArrayList<>();
        Matcher w = Pattern.compile("'([^']*)'|(\\S+)").matcher(line);
        while (w.find()) {
            words.add(w.group(1) != null ? w.group(1) : w.group(2));
        }
        String method = "GET";
        String url = null;
        String body = null;
        List<String> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-s" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> headers.add(words.get(++i));
                case "-d" -> body = words.get(++i);
                default -> url = words.get(i);
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url.replace("http://127.0.0.1:8080/", emulator.toString())))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (String h : headers) {
            int colon = h.indexOf(':');
            b.header(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        return b.build();
    }

    static String dedent(String code) {
        String[] lines = code.split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String l : lines) {
            if (!l.isBlank()) {
                indent = Math.min(indent, l.length() - l.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) {
            out.append(lines[i].isBlank() ? "" : lines[i].substring(indent)).append('\n');
        }
        return out.toString();
    }
}
