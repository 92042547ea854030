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
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The emulator's HTTP front against hostile clients, over raw sockets on loopback: half requests,
 * malformed requests, oversize heads, idle and excess connections, a lying Host header.
 */
class RawSocketTest {
    static final String TASK = "897acf5exxx48a5013cd";
    static final String RUNNING = "2b31ed520xxxxxxebedb6e57xxxxxxxx";

    private Emulator emulator;
    private final List<Socket> sockets = new ArrayList<>();
    private LogCapture protocol;

    @BeforeEach
    void start() throws IOException {
        protocol = LogCapture.of(StrictHttpFilter.LOGGER);
        emulator = Emulator.builder().port(0).headerTimeout(Duration.ofSeconds(3)).maxConnections(150)
                .requestLog(false).start();
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        emulator.close();
        protocol.close();
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
        assertThat(protocol.messages()).anyMatch(l -> l.startsWith("DELETE /v3/task/" + TASK + " 408 refused"));
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
                Arguments.of("a { in the path", "GET /v1/tasks/a{b}/taskcron HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("a | in the path", "GET /v1/tasks/a|b/taskcron HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("a quote in the query", "GET " + path + "?operator=a\"b HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("a < in the query", "GET " + path + "?operator=<b> HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("a backslash in the path", "GET /v1/tasks/a\\b/taskcron HTTP/1.1\r\n" + ok + "\r\n", 400),
                Arguments.of("absolute-form with user info", "GET http://me@127.0.0.1" + path + " HTTP/1.1\r\n" + ok
                        + "\r\n", 400),
                Arguments.of("absolute-form of another scheme", "GET ftp://127.0.0.1" + path + " HTTP/1.1\r\n" + ok
                        + "\r\n", 400),
                Arguments.of("absolute-form with a { in the path", "GET http://127.0.0.1/v1/tasks/a{b}/taskcron HTTP/1.1\r\n"
                        + ok + "\r\n", 400),
                Arguments.of("absolute-form without a host", "GET http:///v1/tasks HTTP/1.1\r\n" + ok + "\r\n", 400),
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
                Arguments.of("a chunked body (no operation takes one: Content-Length is required)",
                        "PUT /__emulator/data HTTP/1.1\r\n" + ok + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                        411),
                Arguments.of("an expectation other than 100-continue", "GET " + path + " HTTP/1.1\r\n" + ok
                        + "Expect: something-else\r\n\r\n", 417),
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
        assertThat(protocol.messages()).as("the protocol log").anyMatch(l -> l.contains(" " + status + " refused: "));
        assertThat(emulator.requests()).as("nothing reached the API").isEmpty();
    }

    @Test
    void absoluteFormTarget_isServedAsItsPath_whateverTheHostHeaderSays() throws Exception {
        String response = exchange(ascii("GET http://127.0.0.1:" + emulator.uri().getPort()
                + "/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron?operator=me HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Auth-Token: t\r\nConnection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"detailTime\":\"15:00\"");
        assertThat(emulator.requests(Operation.SHOW_PORTAL_SERVICE_TASK_CRON))
                .extracting(RecordedRequest::path, RecordedRequest::query)
                .containsExactly(tuple("/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron", "operator=me"));
    }

    @Test
    void absoluteFormTargetWithAnIpv6Host_isServed() throws Exception {
        String response = exchange(ascii("GET http://[::1]:8080/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"UP\"}");
    }

    @Test
    void absoluteFormTargetWithoutAPath_isTheRoot() throws Exception {
        String response = exchange(ascii("GET HTTP://localhost HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 303 ").contains("\r\nLocation: docs/\r\n");
    }

    @Test
    void queryWithCharactersUriRefuses_isServed() throws Exception {
        String response = exchange(ascii(get("/v1/tasks/fxxxx7ba3ae14a87a32b151bcbe20801/taskcron?operator=a{b}|c")));

        assertThat(response).startsWith("HTTP/1.1 200 ").contains("\"detailTime\":\"15:00\"");
    }

    @Test
    void optionsAsterisk_isAnsweredForTheServerAsAWhole_notA500() throws Exception {
        String response = exchange(ascii("OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 200 ").contains("Allow: ");
    }

    @Test
    void trace_isAnswered405InJson_andLogged() throws Exception {
        String response = exchange(ascii("TRACE /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 405 ").contains("Content-Type: application/json")
                .endsWith("{\"error_code\":\"CC.00000006.405\",\"error_msg\":\"The HTTP method is not allowed for "
                        + "this path.\"}");
        assertThat(emulator.requests()).extracting(RecordedRequest::method).containsExactly("TRACE");
    }

    @Test
    void hostHeader_neverAppearsInTheServedSpec() throws Exception {
        String response = exchange(ascii("GET /openapi.yaml HTTP/1.1\r\nHost: evil.example\r\n"
                + "Connection: close\r\n\r\n"));

        assertThat(response).startsWith("HTTP/1.1 200 ").doesNotContain("evil.example")
                .contains("servers:\n  - url: http://127.0.0.1:" + emulator.uri().getPort() + "\n");
    }

    @Test
    void connectionOverTheLimit_isAnswered503InJson_andItsRequestNeverRuns() throws Exception {
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
                third.getOutputStream().write(ascii("DELETE /v3/task/" + TASK + " HTTP/1.1\r\nHost: x\r\n"
                        + "X-Auth-Token: t\r\n\r\n"));
                String response = readToEnd(third.getInputStream());

                assertThat(response).startsWith("HTTP/1.1 503 ")
                        .endsWith("{\"error_code\":\"CC.00000009.503\",\"error_msg\":\"Too many connections: "
                                + "the emulator accepts 2 at a time.\"}");
                assertThat(response.split("HTTP/1\\.1 ", -1)).as("one answer only").hasSize(2);
                assertThat(small.state().taskStatus(TASK)).isEqualTo("completed");
                assertThat(small.requests(Operation.DELETE_TASK_V3)).as("nothing reached the API").isEmpty();
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    @Test
    void clientThatSendsRequestsButNeverReadsTheAnswers_isCutOff_andFreezesNoOne() throws Exception {
        Socket hog = new Socket();
        hog.setReceiveBufferSize(4096);
        hog.connect(new java.net.InetSocketAddress("127.0.0.1", emulator.uri().getPort()));
        sockets.add(hog);
        byte[] badge = ascii("GET /v4/task/aexxxx86/code-health-svg HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n\r\n");
        Thread writer = new Thread(() -> { // ~40,000 requests (~28 MB of answers), never reading one
            try {
                java.io.OutputStream out = hog.getOutputStream();
                for (int i = 0; i < 40_000; i++) {
                    out.write(badge);
                }
                out.flush();
            } catch (IOException cutOff) {
                // the emulator closed the connection: expected
            }
        }, "hog-writer");
        writer.setDaemon(true);
        writer.start();
        try {
            for (int i = 0; i < 20; i++) { // fresh connections land on every selector thread
                Socket probe = connect();
                probe.setSoTimeout(2000);
                probe.getOutputStream().write(ascii(get("/health")));

                assertThat(readToEnd(probe.getInputStream())).as("probe %d", i).startsWith("HTTP/1.1 200 ")
                        .doesNotContain("<<timed out>>");
            }
            writer.join(30_000);
            assertThat(writer.isAlive()).as("the hog's requests were taken or refused").isFalse();
            for (int i = 0; i < 200 && protocol.messages().stream().noneMatch(l -> l.contains("dropped: the client left")); i++) {
                Thread.sleep(100); // its requests are all read by now; they are served until it is cut off
            }
            assertThat(protocol.messages()).anyMatch(l -> l.contains("dropped: the client left"));
            hog.setSoTimeout(10_000);
            long read = 0;
            InputStream in = hog.getInputStream();
            byte[] buf = new byte[65536];
            try {
                for (int n; (n = in.read(buf)) > 0 && read < 64L << 20; ) {
                    read += n;
                }
            } catch (IOException reset) {
                // closed by the emulator: what was queued may be cut short
            }
            assertThat(read).as("answers the hog could still read, then the end").isLessThan(40_000L * 600);
        } finally {
            hog.close();
            writer.join(10_000);
        }
    }

    @Test
    void headsThatAnnounceLargeBodies_holdOnlyWhatArrived() throws Exception {
        // 100 heads announcing 1 MiB each, then silence: held whole up front, that would be 100 MiB.
        long before = usedHeapAfterGc();
        List<Socket> announcers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Socket s = connect();
            s.getOutputStream().write(ascii("PUT /__emulator/data HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                    + "Content-Length: 1048576\r\n\r\n{"));
            announcers.add(s);
        }
        Socket normal = connect(); // answered after every head above was read (one selector takes them in turn)
        normal.setSoTimeout(2000);
        normal.getOutputStream().write(ascii(get("/health")));
        assertThat(readToEnd(normal.getInputStream())).startsWith("HTTP/1.1 200 ");
        Thread.sleep(200);
        long held = usedHeapAfterGc() - before;

        assertThat(held).as("bytes held for 100 announced bodies of 1 MiB").isLessThan(40L << 20);
        for (Socket s : announcers) { // the bodies never come: 408 after the header timeout, nothing ran
            assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 408 ");
        }
        assertThat(emulator.requests()).extracting(RecordedRequest::path).containsExactly("/health");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    @Test
    void requestArrivingSlowly_isTimedByTheHeaderTimeout_notCutByTheIdleTimeout() throws Exception {
        try (Emulator quick = Emulator.builder().port(0).idleTimeout(Duration.ofSeconds(1))
                .headerTimeout(Duration.ofSeconds(5)).requestLog(false).start();
             Socket s = new Socket("127.0.0.1", quick.uri().getPort())) {
            s.setSoTimeout(10_000);
            java.io.OutputStream out = s.getOutputStream();
            String head = "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            for (int i = 0; i < head.length(); i++) { // 2.5 s in all, a byte every 40 ms: never idle for 1 s
                out.write(head.charAt(i));
                out.flush();
                Thread.sleep(2500 / head.length());
            }

            assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("{\"status\":\"UP\"}");
        }
    }

    @Test
    void moreThanFourEmptyLinesBeforeARequestLine_are400_oneIsIgnored() throws Exception {
        assertThat(exchange(ascii("\r\n" + get("/health")))).startsWith("HTTP/1.1 200 ");
        assertThat(exchange(ascii("\r\n".repeat(5) + get("/health")))).startsWith("HTTP/1.1 400 ")
                .contains("more than 4 empty lines");
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
    void requestPipelinedBehindAChunkedOne_isNeverRead_andNeverRuns() throws Exception {
        // Behind a chunked request: a DELETE with bare LF line ends, a hostile Host and a bare CR.
        String request = "POST /v2/tasks/nosuch/stop HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                + "DELETE /v3/task/" + TASK + " HTTP/1.1\nHost: evil.example\nX-Auth-Token: t\rX-Junk: 1\n\n";

        String response = exchange(ascii(request));

        assertThat(response).startsWith("HTTP/1.1 411 ")
                .endsWith("{\"error_code\":\"CC.00000009.411\",\"error_msg\":\"Transfer-Encoding is not "
                        + "accepted: send the body with Content-Length.\"}");
        assertThat(response.split("HTTP/1\\.1 ", -1)).as("one answer only").hasSize(2);
        assertThat(emulator.state().taskStatus(TASK)).isEqualTo("completed");
        assertThat(emulator.requests()).as("nothing reached the API").isEmpty();
    }

    @Test
    void bodyThatNeverCompletes_neverRuns_evenWhenTheClientHangsUp() throws Exception {
        Socket s = connect();
        s.getOutputStream().write(ascii("POST /v2/tasks/" + RUNNING + "/stop HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Auth-Token: t\r\nContent-Length: 100\r\n\r\nabc")); // 3 of 100 bytes
        s.getOutputStream().flush();
        Thread.sleep(300);
        s.shutdownOutput();
        assertThat(readToEnd(s.getInputStream())).doesNotContain("200");
        s.close();
        assertThat(exchange(ascii(get("/health")))).startsWith("HTTP/1.1 200 ");

        assertThat(emulator.state().taskStatus(RUNNING)).isEqualTo("running");
        assertThat(emulator.requests(Operation.STOP_TASK_BY_ID_V2)).as("nothing reached the API").isEmpty();
    }

    @Test
    void bodyThatStallsPastTheHeaderTimeout_isAnswered408InJsonAndNeverRuns() throws Exception {
        Socket s = connect();
        s.getOutputStream().write(ascii("POST /v2/tasks/" + RUNNING + "/stop HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Auth-Token: t\r\nContent-Length: 100\r\n\r\nabc"));
        s.getOutputStream().flush();
        String response = readToEnd(s.getInputStream()); // the emulator closes after ~3 s

        assertThat(response).startsWith("HTTP/1.1 408 ")
                .endsWith("{\"error_code\":\"CC.00000009.408\",\"error_msg\":\"The request body did not arrive "
                        + "within 3000 ms of the request's first byte.\"}");
        assertThat(emulator.state().taskStatus(RUNNING)).isEqualTo("running");
        assertThat(protocol.messages()).anyMatch(l -> l.startsWith("POST /v2/tasks/" + RUNNING + "/stop 408 refused"));
    }

    @Test
    void slowBodiesOnEveryWorker_doNotStopTheAdminApiNorCallsWithABody() throws Exception {
        try (Emulator small = Emulator.builder().port(0).threads(2).requestLog(false).start()) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) { // twice the workers, each body stuck at its first byte
                    Socket s = new Socket("127.0.0.1", small.uri().getPort());
                    slow.add(s);
                    s.getOutputStream().write(ascii("POST /__emulator/tasks HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"));
                    s.getOutputStream().flush();
                }
                Thread.sleep(300);
                String reset = exchangeWithin(small, "POST /__emulator/reset HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                        + "Connection: close\r\n\r\n");
                String refresh = exchangeWithin(small, "PUT /v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh "
                        + "HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

                assertThat(reset).startsWith("HTTP/1.1 200 ").contains("\"task_ids\"");
                assertThat(refresh).startsWith("HTTP/1.1 200 ").endsWith("{\"httpStatus\":\"OK\",\"status\":\"success\"}");
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    /** One request on a new connection; the whole answer must arrive within 2 s. */
    static String exchangeWithin(Emulator target, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", target.uri().getPort())) {
            s.setSoTimeout(2000);
            s.getOutputStream().write(ascii(request));
            return readToEnd(s.getInputStream());
        }
    }

    @Test
    void bodyArrivingInPieces_isServedWhole() throws Exception {
        String data = "{\"tasks\":[{\"task_id\":\"pieces\"}]}";
        Socket s = connect();
        s.getOutputStream().write(ascii("PUT /__emulator/data HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + data.length() + "\r\nConnection: close\r\n\r\n"
                + data.substring(0, 5)));
        s.getOutputStream().flush();
        Thread.sleep(100);
        s.getOutputStream().write(ascii(data.substring(5)));

        assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 200 ").endsWith("{\"task_ids\":[\"pieces\"]}");
    }

    @Test
    void expect100Continue_isAnsweredBeforeTheBodyIsSent() throws Exception {
        String data = "{\"task_id\":\"expected\"}";
        Socket s = connect();
        s.getOutputStream().write(ascii("POST /__emulator/tasks HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n"
                + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + data.length()
                + "\r\nConnection: close\r\n\r\n"));
        s.getOutputStream().flush();
        byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
        assertThat(new String(interim, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        s.getOutputStream().write(ascii(data));

        assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 201 ")
                .endsWith("{\"task_id\":\"expected\",\"job_ids\":[]}");
    }
}
