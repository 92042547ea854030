package io.codeartscheck.emulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's HTTP front against hostile clients, over raw sockets on loopback: half requests,
 * malformed requests, oversize heads, idle and excess connections, a lying Host header.
 */
class RawSocketTest {
    static final String TASK = "897acf5exxx48a5013cd";

    private Emulator emulator;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> protocolLog = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            protocolLog.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger protocolLogger = Logger.getLogger(StrictHttpFilter.LOGGER);

    @BeforeEach
    void start() throws IOException {
        protocolLogger.addHandler(capture);
        emulator = Emulator.builder().port(0).headerTimeout(Duration.ofSeconds(3)).maxConnections(150)
                .requestLog(false).start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        emulator.close();
        protocolLogger.removeHandler(capture);
    }

    Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", emulator.uri().getPort());
        s.setSoTimeout(5000);
        sockets.add(s);
        return s;
    }

    /** Sends the bytes and reads until the server closes the connection (or 5 s pass). */
    String exchange(byte[] request) throws IOException {
        Socket s = connect();
        s.getOutputStream().write(request);
        s.getOutputStream().flush();
        return readToEnd(s.getInputStream());
    }

    static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return out.toString(StandardCharsets.ISO_8859_1) + "<<timed out>>";
        } catch (IOException e) {
            // a reset after the answer: what was read is the answer
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: t\r\nConnection: close\r\n\r\n";
    }

    @Test
    void hundredIdleHalfRequests_doNotStopANormalRequestFromBeingAnsweredWithinOneSecond() throws Exception {
        for (int i = 0; i < 100; i++) {
            Socket idle = connect();
            idle.getOutputStream().write(ascii("GET /hea"));
            idle.getOutputStream().flush();
        }
        Socket normal = connect();
        normal.setSoTimeout(1000); // the answer must come within 1 s, or read() throws
        normal.getOutputStream().write(ascii(get("/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron")));
        String response = readToEnd(normal.getInputStream());

        assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"detailTime\":\"15:00\"")
                .doesNotContain("<<timed out>>");
    }

    @Test
    void deleteWhoseHeadNeverFinished_neverRuns_evenWhenTheClientHangsUp() throws Exception {
        Socket s = connect();
        s.getOutputStream().write(ascii("DELETE /v3/task/" + TASK + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Auth-Token: t\r\n")); // no empty line: the head is not finished
        s.getOutputStream().flush();
        s.shutdownOutput();
        assertThat(readToEnd(s.getInputStream())).doesNotContain("200");
        s.close();
        // a complete request on a new connection is served after the aborted one
        assertThat(exchange(ascii(get("/health")))).startsWith("HTTP/1.1 200 ");

        assertThat(emulator.state().taskStatus(TASK)).isEqualTo("completed");
    }

    @Test
    void headThatStallsPastTheHeaderTimeout_isAnswered408InJsonAndNeverRuns() throws Exception {
        Socket s = connect();
        s.getOutputStream().write(ascii("DELETE /v3/task/" + TASK + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        s.getOutputStream().flush();
        String response = readToEnd(s.getInputStream()); // the emulator closes after ~3 s

        assertThat(response).startsWith("HTTP/1.1 408 ").contains("Content-Type: application/json")
                .endsWith("{\"error_code\":\"CC.00000009.408\",\"error_msg\":\"The request head did not arrive "
                        + "within 3000 ms.\"}");
        assertThat(emulator.state().taskStatus(TASK)).isEqualTo("completed");
        assertThat(protocolLog).anyMatch(l -> l.startsWith("DELETE /v3/task/" + TASK + " 408 refused"));
    }

    static Stream<Arguments> malformedRequests() {
        String ok = "Host: 127.0.0.1\r\nX-Auth-Token: t\r\n";
        String path = "/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron";
        return Stream.of(
                Arguments.of("percent-zz in the path", "GET /v1/tasks/%zz/taskcron HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("truncated percent escape", "GET /v1/tasks/a%4 HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("percent-zz in the query", "GET " + path + "?operator=%zz HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("raw control byte in the path", "GET /v1/tasks/a\u0001b/taskcron HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("raw control byte in a header", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A: a\u0007b\r\n\r\n", 400),
                Arguments.of("NUL in a header", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A: a\u0000b\r\n\r\n", 400),
                Arguments.of("bare CR inside a header line", "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "X-Auth-Token: T\rX-Junk: 1\r\n\r\n", 400),
                Arguments.of("bare LF line ends", "GET " + path + " HTTP/1.1\nHost: 127.0.0.1\nX-Auth-Token: t\n\n", 400),
                Arguments.of("bare LF in the headers", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A: 1\n\r\n", 400),
                Arguments.of("folded header line", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A: 1\r\n  2\r\n\r\n", 400),
                Arguments.of("space before the colon", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A : 1\r\n\r\n", 400),
                Arguments.of("header without colon", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A\r\n\r\n", 400),
                Arguments.of("no HTTP version", "GET " + path + "\r\n" + ok + "\r\n", 400),
                Arguments.of("garbage request line", "\u0016\u0003\u0001\u0000 hello\r\n\r\n", 400),
                Arguments.of("space in the target", "GET /v1/tasks/a b/taskcron HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("target not a path", "GET v1/tasks HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("Content-Length not a number", "PUT /v1/jobs/j/result/refresh HTTP/1.1\r\n" + ok
                        + "Content-Length: abc\r\n\r\n", 400),
                Arguments.of("negative Content-Length", "PUT /v1/jobs/j/result/refresh HTTP/1.1\r\n" + ok
                        + "Content-Length: -1\r\n\r\n", 400),
                Arguments.of("two different Content-Lengths", "PUT /v1/jobs/j/result/refresh HTTP/1.1\r\n" + ok
                        + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
                Arguments.of("Content-Length with chunked", "PUT /v1/jobs/j/result/refresh HTTP/1.1\r\n" + ok
                        + "Content-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n\r\n", 400),
                Arguments.of("no Host in HTTP/1.1", "GET " + path + " HTTP/1.1\r\nX-Auth-Token: t\r\n\r\n", 400),
                Arguments.of("two Hosts", "GET " + path + " HTTP/1.1\r\n" + ok + "Host: evil.example\r\n\r\n", 400),
                Arguments.of("unknown transfer coding", "PUT /v1/jobs/j/result/refresh HTTP/1.1\r\n" + ok
                        + "Transfer-Encoding: gzip\r\n\r\n", 501),
                Arguments.of("unknown method", "BREW " + path + " HTTP/1.1\r\n" + ok + "\r\n", 501),
                Arguments.of("HTTP/2.0 in an HTTP/1 request line", "GET " + path + " HTTP/2.0\r\n" + ok + "\r\n", 505),
                Arguments.of("request target of 5000 characters", "GET /" + "a".repeat(5000) + " HTTP/1.1\r\n" + ok
                        + "\r\n", 414),
                Arguments.of("500 header fields", "GET " + path + " HTTP/1.1\r\n" + ok
                        + "X-A: 1\r\n".repeat(500) + "\r\n", 431),
                Arguments.of("a 1 MB header", "GET " + path + " HTTP/1.1\r\n" + ok + "X-A: " + "a".repeat(1 << 20)
                        + "\r\n\r\n", 431),
                Arguments.of("a 2 MB body", "PUT /__emulator/data HTTP/1.1\r\n" + ok
                        + "Content-Length: 2000000\r\n\r\n", 413));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedRequests")
    void malformedRequest_isAnsweredWithTheDocumentedJsonErrorAndLogged(String what, String request, int status)
            throws Exception {
        String response = exchange(ascii(request));

        assertThat(response).as(what).startsWith("HTTP/1.1 " + status + " ")
                .contains("\r\nContent-Type: application/json\r\n")
                .containsPattern("\r\n\r\n\\{\"error_code\":\"CC.00000009." + status + "\",\"error_msg\":\"[^\"<]+\"}$")
                .doesNotContainIgnoringCase("<html").doesNotContain("Exception");
        assertThat(protocolLog).as("the protocol log").anyMatch(l -> l.contains(" " + status + " refused: "));
        assertThat(emulator.requests()).as("nothing reached the API").isEmpty();
    }

    @Test
    void hostHeader_neverAppearsInTheServedSpec() throws Exception {
        String response = exchange(ascii("GET /openapi.yaml HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 200 ").doesNotContain("evil.example")
                .contains("servers:\n  - url: http://127.0.0.1:" + emulator.uri().getPort() + "\n");
    }

    @Test
    void connectionOverTheLimit_isAnswered503InJson() throws Exception {
        try (Emulator small = Emulator.builder().port(0).maxConnections(2).requestLog(false).start()) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket s = new Socket("127.0.0.1", small.uri().getPort());
                    held.add(s);
                    s.getOutputStream().write(ascii("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
                    s.getInputStream().read(); // accepted and answered: the connection counts
                }
                Socket third = new Socket("127.0.0.1", small.uri().getPort());
                held.add(third);
                third.setSoTimeout(5000);
                String response = readToEnd(third.getInputStream());

                assertThat(response).startsWith("HTTP/1.1 503 ")
                        .endsWith("{\"error_code\":\"CC.00000009.503\",\"error_msg\":\"Too many connections: "
                                + "the emulator accepts 2 at a time.\"}");
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void idleConnection_isClosedAfterTheIdleTimeout() throws Exception {
        try (Emulator quick = Emulator.builder().port(0).idleTimeout(Duration.ofSeconds(1)).requestLog(false).start();
             Socket s = new Socket("127.0.0.1", quick.uri().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(ascii("GET /health HTTP/1.1\r\nHost: x\r\n\r\n"));
            String response = readToEnd(s.getInputStream()); // keep-alive: ends only when the server closes

            assertThat(response).startsWith("HTTP/1.1 200 ").doesNotContain("<<timed out>>");
        }
    }

    @Test
    void percentEscapeOfInvalidUtf8_reachesTheApiAndIsAnsweredInJson() throws Exception {
        String response = exchange(ascii(get("/v1/tasks/%FF%FE/taskcron")));

        assertThat(response).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/json")
                .contains("{\"error_code\":\"CC.00000002.400\"");
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder() throws Exception {
        String two = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + get("/v1/tasks/aexxxx86/taskcron");

        String response = exchange(ascii(two));

        assertThat(response.indexOf("{\"status\":\"UP\"}")).isPositive()
                .isLessThan(response.indexOf("\"taskId\":\"aexxxx86\""));
    }

    @Test
    void headArrivingByteByByte_isServed() throws Exception {
        Socket s = connect();
        for (byte b : ascii(get("/health"))) {
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
        }
        assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"UP\"}");
    }

    @Test
    void chunkedBody_isAcceptedAndTheConnectionClosedAfterIt() throws Exception {
        String data = "{\"tasks\":[{\"task_id\":\"chunked\"}]}";
        String request = "PUT /__emulator/data HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(data.length()) + "\r\n" + data + "\r\n0\r\n\r\n";

        String response = exchange(ascii(request)); // ends: the connection is closed after the exchange

        assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("{\"task_ids\":[\"chunked\"]}");
        assertThat(emulator.state().taskIds()).containsExactly("chunked");
    }
}
