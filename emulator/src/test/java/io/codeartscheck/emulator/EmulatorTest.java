package io.codeartscheck.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the runnable emulator adds: flags, --data, --token, request log, SIGTERM. */
class EmulatorTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI base, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
        if (token != null) {
            b.header("X-Auth-Token", token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void portZero_bindsAFreeLoopbackPortAndReportsIt() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).start()) {
            assertThat(emulator.uri().getHost()).isEqualTo("127.0.0.1");
            assertThat(emulator.uri().getPort()).isPositive();
            assertThat(get(emulator.uri(), "health", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokens_whenGiven_onlyThoseAreAccepted() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).token("t1").token("t2").start()) {
            assertThat(get(emulator.uri(), "v1/tasks/aexxxx86/taskcron", "t2").statusCode()).isEqualTo(200);
            HttpResponse<String> rejected = get(emulator.uri(), "v1/tasks/aexxxx86/taskcron", "t3");
            assertThat(rejected.statusCode()).isEqualTo(401);
            assertThat(rejected.body()).isEqualTo(
                    "{\"error_code\":\"CC.00000003\",\"error_msg\":\"Authentication information expired.\"}");
        }
    }

    @Test
    void data_fileReplacesTheDefaultTasks(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.json");
        Files.writeString(file, """
                {"tasks": [{"task_id": "mytask", "status": "running",
                  "cron": {"taskId": "mytask", "cronStatus": "1", "weekDays": ["5"], "detailTime": "02:30",
                           "creator": "me", "timeOffset": "GMT+00:00"},
                  "jobs": [{"job_id": "myjob", "report": %s}]}]}
                """.formatted(report("\"critical\": 9")));
        try (Emulator emulator = Emulator.builder().port(0).data(file).start()) {
            assertThat(get(emulator.uri(), "v1/tasks/mytask/taskcron", "t").body())
                    .contains("\"cronStatus\":\"1\"").contains("\"detailTime\":\"02:30\"");
            assertThat(get(emulator.uri(), "v4/task/mytask/code-health-svg", "t").body())
                    .contains("code health: E").contains("#e05d44");
            assertThat(get(emulator.uri(), "v1/tasks/aexxxx86/taskcron", "t").statusCode()).isEqualTo(400);
            assertThat(emulator.state().taskStatus("mytask")).isEqualTo("running");
        }
    }

    @Test
    void data_withIncompleteReport_failsNamingTheMissingField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("partial.json");
        Files.writeString(file, "{\"tasks\": [{\"task_id\": \"x\", \"jobs\": [{\"job_id\": \"j\","
                + " \"report\": {\"critical\": 9}}]}]}");
        assertThatThrownBy(() -> EmulatorData.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CODE_SIZE");
    }

    /** A complete report (every field the spec requires) with zero counts, but for {@code override}. */
    private static String report(String override) {
        StringBuilder json = new StringBuilder("{").append(override);
        for (String field : new String[] {"CODE_SIZE", "COMFIRM", "CRITICAL", "DELAYSTATUS_COUNT", "FATAL",
                "FILE_TOTAL", "FIX", "GENERAL", "IGNORE", "NEW", "PROMPT", "RESOLVED", "STANDARD_DISMISSED",
                "STANDARD_FIXED", "STANDARD_NEW", "UCC_NBNC", "UNRESOLVED", "UNRESOLVED_ADD", "major", "minor",
                "suggestion", "delay_critical", "delay_major", "delay_minor", "delay_suggestion"}) {
            json.append(", \"").append(field).append("\": 0");
        }
        return json.append(", \"REPORT_URL\": \"https://example.com/r\", \"TOOL_LIST\": []}").toString();
    }

    @Test
    void data_withUnknownField_failsNamingTheProblem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"tasks\": [{\"task_id\": \"x\", \"colour\": \"red\"}]}");
        assertThatThrownBy(() -> EmulatorData.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void data_withDuplicateJob_fails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dup.json");
        Files.writeString(file, "{\"tasks\": [{\"task_id\": \"a\", \"jobs\": [{\"job_id\": \"j\"}]},"
                + "{\"task_id\": \"b\", \"jobs\": [{\"job_id\": \"j\"}]}]}");
        assertThatThrownBy(() -> EmulatorData.fromFile(file)).hasMessageContaining("job_id j appears twice");
    }

    @Test
    void data_withUnknownStatus_fails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("status.json");
        Files.writeString(file, "{\"tasks\": [{\"task_id\": \"a\", \"status\": \"sleeping\"}]}");
        assertThatThrownBy(() -> EmulatorData.fromFile(file)).hasMessageContaining("sleeping");
    }

    @Test
    void requestLog_oneLinePerRequest_withMethodPathStatusTimeAndNoToken() throws Exception {
        List<String> lines;
        try (LogCapture log = LogCapture.of(RequestRecorder.LOG.getName())) {
            try (Emulator emulator = Emulator.builder().port(0).start()) {
                get(emulator.uri(), "v1/tasks/aexxxx86/taskcron", "secret-token-123");
                get(emulator.uri(), "v1/tasks/aexxxx86/taskcron", null);
            }
            lines = log.messages();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).matches("GET /v1/tasks/aexxxx86/taskcron 200 \\d+\\.\\dms");
        assertThat(lines.get(1)).matches("GET /v1/tasks/aexxxx86/taskcron 401 \\d+\\.\\dms");
        assertThat(String.join("\n", lines)).doesNotContain("secret-token-123");
    }

    @Test
    void resetFlag_resetsTheRunningEmulator_andFailsWhenThereIsNone() throws Exception {
        try (Emulator emulator = Emulator.builder().port(0).token("t").requestLog(false).start()) {
            HttpResponse<String> stop = http.send(HttpRequest.newBuilder(emulator.uri().resolve(
                    "v2/tasks/2b31ed520xxxxxxebedb6e57xxxxxxxx/stop")).header("X-Auth-Token", "t")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(stop.statusCode()).isEqualTo(200);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

            int code = Main.reset(Main.parse(new String[] {"--reset", "--port", String.valueOf(emulator.uri().getPort()),
                "--token", "t"}), new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));

            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("reset http://127.0.0.1:" + emulator.uri().getPort() + "/: {\"task_ids\":");
            assertThat(emulator.state().taskStatus("2b31ed520xxxxxxebedb6e57xxxxxxxx")).isEqualTo("running");
            int wrongToken = Main.reset(Main.parse(new String[] {"--port", String.valueOf(emulator.uri().getPort())}),
                    new java.io.PrintStream(out, true), new java.io.PrintStream(err, true));
            assertThat(wrongToken).isEqualTo(1);
            assertThat(err.toString()).contains("answered 401");
        }
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        assertThat(Main.reset(Main.parse(new String[] {"--port", String.valueOf(port)}),
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true))).isEqualTo(1);
        assertThat(err.toString()).contains("no emulator at http://127.0.0.1:" + port + "/");
    }

    @Test
    void flags_areParsed() {
        assertThat(Main.parse(new String[] {"--help"}).help).isTrue();
        Main.Command c = Main.parse(new String[] {"--host", "0.0.0.0", "--port=0", "--token", "a", "--token=b",
            "--no-request-log", "--log-file", "x.log", "--log-file-size", "2", "--header-timeout", "5",
            "--idle-timeout=7", "--max-connections", "9", "--reset"});
        assertThat(c.help).isFalse();
        assertThat(c.reset).isTrue();
        assertThat(c.host).isEqualTo("0.0.0.0");
        assertThat(c.port).isZero();
        assertThat(c.token).isEqualTo("a");
        assertThat(c.logFile).isEqualTo(Path.of("x.log"));
        assertThat(c.logFileMegabytes).isEqualTo(2);
        assertThatThrownBy(() -> Main.parse(new String[] {"--header-timeout", "0"})).hasMessageContaining("positive");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port", "http"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> Main.parse(new String[] {"--port"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> Main.parse(new String[] {"--colour", "x"})).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> Main.parse(new String[] {"--data", "/no/such/file.json"}))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> Main.parse(new String[] {"--token", " "})).hasMessageContaining("blank");
    }

    @Test
    void main_printsTheBoundUrl_logsToTheLogFile_andStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("logs/emulator.log");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--port", "0", "--log-file", log.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String url = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CodeArts Check emulator listening on ")) {
                    url = line.split(" ")[5];
                    break;
                }
            }
            assertThat(url).startsWith("http://127.0.0.1:");
            assertThat(get(URI.create(url), "health", null).statusCode()).isEqualTo(200);

            process.toHandle().destroy(); // SIGTERM, keeping our end of the pipes open
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
            List<String> rest = new ArrayList<>();
            while ((line = out.readLine()) != null) {
                rest.add(line);
            }
            assertThat(rest).contains("CodeArts Check emulator stopped");
            assertThat(process.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the shutdown hook ran
            assertThat(Files.readString(log)).containsPattern("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} GET /health 200 ");
        } finally {
            process.destroyForcibly();
        }
    }
}
