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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** What the emulator writes to its log, and how the log file rolls over. */
class LoggingTest {

    @Test
    void headRequestsAndClientsHangingUpMidResponse_logNothingAboveInfo() throws Exception {
        List<LogRecord> loud = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() > Level.INFO.intValue()) {
                    loud.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        // Listening from after the start: Jersey warns at start-up about resource instances (eclipse-ee4j/jersey#3700).
        try (Emulator emulator = Emulator.builder().port(0).start()) {
            root.addHandler(capture);
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
        } finally {
            root.removeHandler(capture);
        }
        assertThat(loud).extracting(r -> r.getLoggerName() + ": " + r.getMessage()).isEmpty();
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
