package io.codeartscheck.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No log line, at any level, holds the token, the Authorization value or the secret key; the
 * access key appears only masked.
 */
@BothClients
class LogRedactionTest extends LoopbackClientTest {
  static final String TOKEN = "SECRET-TOKEN-MIIZ9xq";
  static final String ACCESS_KEY = "AKTESTACCESSKEY00001";
  static final String SECRET_KEY = "SECRET-KEY-vRNwGMd92PlityIO3";

  private ListAppender<ILoggingEvent> appender;
  private final List<String> exceptionTexts = new ArrayList<>();

  @BeforeEach
  void capture() {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    context.getLogger("io.codeartscheck").setLevel(Level.TRACE);
  }

  @AfterEach
  void release() {
    LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
  }

  private void exerciseEveryOperation(ClientUnderTest client) {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "r1")
        .withBody(LoopbackServer.example("refresh-200.json"))));
    client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));
    client.showPortalServiceTaskCron(r -> r.taskId("t").operator("creator"));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(LoopbackServer.example("delete-200.json"))));
    client.deleteTaskV3("t");
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody(LoopbackServer.UNAUTHORIZED)));
    exceptionTexts.add(String.valueOf(catchThrowable(() -> client.stopTaskByIdV2("t"))));
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503)));
    exceptionTexts.add(String.valueOf(catchThrowable(() -> client.showCodeHealthSvg("t"))));
    exceptionTexts.add(client.toString());
  }

  private String allLogText() {
    return appender.list.stream().map(e -> e.getFormattedMessage()
        + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @EnumSource(feign.Logger.Level.class)
  void tokenAuth_atEveryLevel_tokenNeverLogged(feign.Logger.Level level) {
    try (ClientUnderTest client = ClientUnderTest.of(builder().authToken(TOKEN)
        .logLevel(level))) {
      exerciseEveryOperation(client);
    }
    String logs = allLogText();

    assertThat(logs).doesNotContain(TOKEN);
    assertThat(String.join("\n", exceptionTexts)).doesNotContain(TOKEN);
    if (level.compareTo(feign.Logger.Level.HEADERS) >= 0) {
      assertThat(logs).contains("X-Auth-Token: <redacted>", "operator: creator");
    }
    if (level != feign.Logger.Level.NONE) {
      assertThat(logs).contains("---> PUT http://127.0.0.1:" + server.port()
          + "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false");
    } else {
      assertThat(appender.list).noneMatch(e -> e.getLoggerName().startsWith("io.codeartscheck"));
    }
  }

  @ParameterizedTest
  @EnumSource(feign.Logger.Level.class)
  void akSkAuth_atEveryLevel_secretAndAuthorizationNeverLogged(feign.Logger.Level level) {
    try (ClientUnderTest client = ClientUnderTest.of(kind.builder()
        .endpoint("http://127.0.0.1:" + server.port()).akSk(ACCESS_KEY, SECRET_KEY)
        .maxAttempts(1).logLevel(level))) {
      exerciseEveryOperation(client);
    }
    String logs = allLogText();
    List<String> signatures = server.getAllServeEvents().stream()
        .map(e -> e.getRequest().getHeader("Authorization")).collect(Collectors.toList());

    assertThat(signatures).isNotEmpty().allMatch(a -> a.startsWith("SDK-HMAC-SHA256 Access="));
    assertThat(logs).doesNotContain(SECRET_KEY);
    assertThat(String.join("\n", exceptionTexts)).doesNotContain(SECRET_KEY);
    // The access key identifies the account: shown masked, never whole.
    assertThat(String.join("\n", exceptionTexts)).doesNotContain(ACCESS_KEY);
    assertThat(logs).doesNotContain(ACCESS_KEY);
    assertThat(exceptionTexts).anyMatch(text -> text.contains("access key AKTE…"));
    for (String authorization : signatures) {
      String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
      assertThat(logs).doesNotContain(signature);
    }
    if (level.compareTo(feign.Logger.Level.HEADERS) >= 0) {
      assertThat(logs).contains("Authorization: <redacted>");
    }
  }
}
