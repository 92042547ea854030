package io.codeartscheck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every body read is capped: a 2xx body over {@code maxResponseBodySize} is an error that says so,
 * an error page is read only as far as its message needs, and an encoding the client never asked
 * for is not inflated. No answer can exhaust the caller's memory.
 */
@BothClients
class BodyLimitTest {
  @Parameter
  ClientKind kind;

  private static final int MEGABYTE = 1024 * 1024;

  private RawHttpServer server;
  private final AtomicLong written = new AtomicLong();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  /** Writes {@code total} bytes of {@code fill} after the head, counting what the client took. */
  private void stream(RawHttpServer.Exchange exchange, String head, long total, byte fill)
      throws IOException {
    exchange.write(head);
    byte[] chunk = new byte[64 * 1024];
    Arrays.fill(chunk, fill);
    for (long sent = 0; sent < total; sent += chunk.length) {
      exchange.write(chunk);
      written.addAndGet(chunk.length);
    }
  }

  @Test
  void bodyOverMaxResponseBodySize_failsSayingSo_andIsNotRetried() throws Exception {
    server = new RawHttpServer(exchange -> stream(exchange, "HTTP/1.1 200 OK\r\n"
        + "Content-Type: application/json\r\nConnection: close\r\n\r\n", 40L * MEGABYTE,
        (byte) ' '));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server)
        .maxResponseBodySize(64 * 1024))) {
      CodeArtsCheckException e = catchThrowableOfType(
          () -> client.refreshPortalServiceJobResult(r -> r.jobId("job").async(false)),
          CodeArtsCheckException.class);

      assertThat(e.getHttpStatusCode()).isEqualTo(200);
      assertThat(e.getMessage()).contains("over the limit of 65536 bytes (maxResponseBodySize)");
    }
    assertThat(server.requests()).isEqualTo(1);
    assertThat(written.get()).as("bytes the server could write").isLessThan(40L * MEGABYTE);
  }

  @Test
  void declaredLengthOverTheLimit_failsWithoutWaitingForTheBody() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server = new RawHttpServer(exchange -> {
      exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Length: 10485760\r\n\r\n{");
      release.await(20, TimeUnit.SECONDS);
    });
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      long start = System.nanoTime();

      CodeArtsCheckException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), CodeArtsCheckException.class);

      assertThat(e.getMessage()).contains("declares 10485760 bytes", "limit of 4194304 bytes");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    } finally {
      release.countDown();
    }
  }

  @Test
  void unrequestedGzip_isNotInflated() throws Exception {
    ByteArrayOutputStream bomb = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
      byte[] spaces = new byte[MEGABYTE];
      Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 64; i++) {
        gzip.write(spaces); // 64 MB inflated, about 64 KB on the wire
      }
    }
    byte[] body = bomb.toByteArray();
    server = new RawHttpServer(exchange -> {
      exchange.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n");
      exchange.write(body);
    });
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server))) {
      CodeArtsCheckException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), CodeArtsCheckException.class);

      assertThat(e.getHttpStatusCode()).isEqualTo(200);
      assertThat(e.getMessage()).contains("encoded with 'gzip'", "did not ask for");
    }
    assertThat(server.exchanges().get(0).headers).doesNotContainKey("Accept-Encoding");
  }

  @Test
  void fiftyMegabyteErrorPage_isReadOnlyAsFarAsTheMessageNeeds() throws Exception {
    long size = 50L * MEGABYTE;
    server = new RawHttpServer(exchange -> stream(exchange, "HTTP/1.1 500 Internal Server Error"
        + "\r\nContent-Type: text/html\r\nContent-Length: " + (size + 6) + "\r\n\r\n<html>",
        size, (byte) ' '));
    try (ClientUnderTest client = ClientUnderTest.of(LoopbackServer.clientFor(kind, server).maxAttempts(1))) {
      ServerErrorException e = catchThrowableOfType(
          () -> client.showPortalServiceTaskCron("t"), ServerErrorException.class);

      assertThat(e.getHttpStatusCode()).isEqualTo(500);
      assertThat(e.getErrorMsg()).isEqualTo("<html>");
    }
    assertThat(written.get()).as("bytes the server could write").isLessThan(size / 2);
  }

  @Test
  void fiftyMegabyteErrorPage_underA48MegabyteHeap_isAServerErrorNotAnOutOfMemoryError()
      throws Exception {
    long size = 50L * MEGABYTE;
    server = new RawHttpServer(exchange -> stream(exchange, "HTTP/1.1 500 Internal Server Error"
        + "\r\nContent-Type: text/html\r\nContent-Length: " + (size + 6) + "\r\n\r\n<html>",
        size, (byte) '\n'));
    Process probe = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), SmallHeapProbe.class.getName(),
        server.url(), kind.name())
        .redirectErrorStream(true).start();
    boolean ended = probe.waitFor(60, TimeUnit.SECONDS);
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!ended) {
      probe.destroyForcibly();
    }

    assertThat(ended).as("probe ended; output: %s", output).isTrue();
    assertThat(output).contains("ServerErrorException 500").doesNotContain("OutOfMemoryError");
    assertThat(probe.exitValue()).as(output).isZero();
  }
}
