package io.codeartscheck.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Response;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.RawHttpServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The non-blocking form of an attempt ({@link HttpTransport#send}), which the sync client does not
 * use: an async caller gets the body read and capped, completes its own stages off the JDK's
 * selector thread, and aborts the exchange by failing the future (the server sees its connection
 * closed).
 */
class TransportSendTest {
  private RawHttpServer server;
  private HttpTransport transport;
  private final AtomicLong cutAt = new AtomicLong();

  @AfterEach
  void stop() throws Exception {
    if (transport != null) {
      transport.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static HttpTransport jdk() {
    return new JdkHttpTransport(JdkHttpTransport.newBuiltInClient(false)
        .connectTimeout(Duration.ofSeconds(5)).build(), true);
  }

  private static HttpTransport feignDefault() {
    return new FeignClientTransport(new feign.Client.Default(null, null));
  }

  private static Function<Void, HttpTransport> transport(String name) {
    return unused -> name.equals("jdk") ? jdk() : feignDefault();
  }

  private Request get(String path) {
    return Request.create(Request.HttpMethod.GET, server.url() + path,
        Map.of("Accept", List.of("application/json")), null, StandardCharsets.UTF_8, null);
  }

  private static AttemptLimits limits(int maxBody) {
    return new AttemptLimits(System.nanoTime() + TimeUnit.SECONDS.toNanos(30),
        Duration.ofSeconds(30), Duration.ofSeconds(5), maxBody, 1024);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "feign"})
  void send_completesWithTheWholeBody_offTheSelectorThread(String name) throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, "application/json",
        "{\"httpStatus\":\"OK\"}", "X-Request-Id: r1"));
    transport = transport(name).apply(null);
    AtomicReference<String> completedOn = new AtomicReference<>();

    Response response = transport.send(get("/v1/tasks/t/taskcron"), limits(1024))
        .whenComplete((r, t) -> completedOn.set(Thread.currentThread().getName()))
        .get(10, TimeUnit.SECONDS);

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body().asInputStream().readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo("{\"httpStatus\":\"OK\"}");
    assertThat(completedOn.get()).doesNotContain("SelectorManager");
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "feign"})
  void send_bodyOverTheCap_failsTheFuture(String name) throws Exception {
    server = new RawHttpServer(exchange -> exchange.respond(200, "application/json",
        "x".repeat(5000)));
    transport = transport(name).apply(null);

    CompletableFuture<Response> pending = transport.send(get("/v1/tasks/t/taskcron"), limits(100));

    assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(CodeArtsCheckException.class)
        .hasMessageContaining("over the limit of 100 bytes");
  }

  /**
   * Only for the JDK transport: a Feign {@code Client.Default} releases its caller at once too, but
   * its {@code HttpURLConnection} may keep draining a short body in its keep-alive cleaner.
   */
  @Test
  void jdkSend_failingTheFuture_abortsTheExchange() throws Exception {
    server = new RawHttpServer(exchange -> {
      exchange.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n{");
      try {
        for (int i = 0; i < 100; i++) {
          Thread.sleep(100);
          exchange.write(" ");
        }
      } catch (IOException closed) {
        cutAt.set(System.nanoTime());
        throw closed;
      }
    });
    transport = jdk();
    CompletableFuture<Response> pending = transport.send(get("/v1/tasks/t/taskcron"), limits(4096));
    while (server.requests() == 0) {
      Thread.sleep(10);
    }
    Thread.sleep(300);
    long aborted = System.nanoTime();

    pending.completeExceptionally(new java.util.concurrent.TimeoutException("deadline"));

    while (cutAt.get() == 0 && System.nanoTime() - aborted < TimeUnit.SECONDS.toNanos(5)) {
      Thread.sleep(20);
    }
    assertThat(cutAt.get()).as("the server saw its connection closed").isNotZero();
    assertThat(Duration.ofNanos(cutAt.get() - aborted)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void jdkTransport_countsAGetAsTwoRequests_becauseTheJdkResendsIt() {
    HttpTransport jdk = new JdkHttpTransport(HttpClient.newHttpClient(), false);
    assertThat(jdk.maxRequestsPerAttempt(Request.HttpMethod.GET)).isEqualTo(2);
    assertThat(jdk.maxRequestsPerAttempt(Request.HttpMethod.PUT)).isEqualTo(1);
    assertThat(feignDefault().maxRequestsPerAttempt(Request.HttpMethod.GET)).isEqualTo(1);
  }
}
