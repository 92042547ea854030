package io.codeartscheck.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emulator writes to its log, and how the log file rolls over. */
class LoggingTest {

    @Test
    void headRequestsAndClientsHangingUpMidResponse_logNothingAboveInfo() throws Exception {
        LogCapture all = LogCapture.of("");
        try (all; Emulator emulator = Emulator.builder().port(0).start()) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String path : new String[] {"health", "v1/tasks/aexxxx86/taskcron", "docs/"}) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(emulator.uri().resolve(path))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("X-Auth-Token", "t").build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            for (int i = 0; i < 10; i++) { // ask for the 1.5 MB Swagger UI bundle and hang up: after a few bytes, or at once
                try (Socket s = new Socket("127.0.0.1", emulator.uri().getPort())) {
                    s.getOutputStream().write(("GET /docs/swagger-ui-bundle.js HTTP/1.1\r\nHost: x\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    if (i % 2 == 0) {
                        InputStream in = s.getInputStream();
                        assertThat(in.readNBytes(100)).hasSize(100);
                    }
                    s.setSoLinger(true, 0); // reset, as a killed client would
                }
            }
            Thread.sleep(500);
            assertThat(http.send(HttpRequest.newBuilder(emulator.uri().resolve("health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("{\"status\":\"UP\"}");
        }
        assertThat(all.above(Level.INFO)).isEmpty();
    }

    @Test
    void embeddedStartAndStop_logNothingAtWarning_andGrizzlyAndJerseyNothingAboveFine() throws Exception {
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        LogCapture all = LogCapture.of("");
        try (all) {
            for (int i = 0; i < 2; i++) { // a test class after another: each starts and stops its own
                try (Emulator emulator = Emulator.builder().port(0).requestLog(false).start()) {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(emulator.uri()
                            .resolve("v1/tasks/aexxxx86/taskcron")).header("X-Auth-Token", "t").build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                }
            }
        }
        List<LogRecord> records = all.records();

        assertThat(root.getLevel()).as("the JVM's logging configuration is untouched").isEqualTo(before);
        assertThat(records).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
        assertThat(records).filteredOn(r -> r.getLevel().intValue() > Level.FINE.intValue())
                .filteredOn(r -> r.getLoggerName() != null && (r.getLoggerName().startsWith("org.glassfish.grizzly")
                        || r.getLoggerName().startsWith("org.glassfish.jersey")))
                .extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
    }

    @Test
    void logFile_rollsOverAtItsSize_keepingFourOlderFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("emulator.log");
        RollingFileHandler handler = new RollingFileHandler(file, 1000, 4);
        handler.setFormatter(new LineFormatter());
        for (int i = 0; i < 100; i++) {
            handler.publish(new LogRecord(Level.INFO, "GET /health 200 0.1ms line " + i));
        }
        handler.close();

        assertThat(Files.size(file)).isLessThanOrEqualTo(1000);
        for (int g = 1; g <= 4; g++) {
            assertThat(Files.size(dir.resolve("emulator.log." + g))).isBetween(900L, 1000L);
        }
        assertThat(dir.resolve("emulator.log.5")).doesNotExist();
        assertThat(Files.readString(file)).contains("line 99").matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} GET .*");
        assertThat(Files.readString(dir.resolve("emulator.log.1"))).doesNotContain("line 99");
    }
}
