package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import feign.Client;
import io.codeartscheck.client.BadgeLocale;
import io.codeartscheck.client.CodeArtsCheckClient;
import io.codeartscheck.client.CodeArtsCheckException;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.JobReportInfo;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import io.codeartscheck.server.CodeArtsCheckFeature;
import io.codeartscheck.server.TokenVerifier;
import io.codeartscheck.server.api.TaskManagementApi;
import io.codeartscheck.server.model.TaskCronResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The first proof that the spec generates working code on both sides: the generated Feign client
 * (behind {@link CodeArtsCheckClient}) calls a minimal implementation of the generated JAX-RS
 * interface hosted on Jersey over loopback, and every answer is compared field by field with the
 * example printed in the API docs. Every exchange is also judged against the spec.
 */
@DisabledIfSystemProperty(named = "conformance.baseUrl", matches = ".+", disabledReason = "checking a remote server")
class GeneratedCodeRoundTripJerseyTest {

  static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  static final SpecValidator SPEC = SpecValidator.fromClasspath();
  static final String TOKEN = "a-valid-token";
  static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\">"
      + "<text x=\"5\" y=\"14\">代码健康度 A</text></svg>";

  static final SpecVerdicts verdicts = new SpecVerdicts();
  static HttpServer server;
  static CodeArtsCheckClient client;
  static CodeArtsCheckClient anonymousClient;

  @BeforeAll
  static void startServerAndClients() {
    ResourceConfig app = new ResourceConfig()
        .register(new DocsExampleTasks())
        .register(CodeArtsCheckFeature.builder().tokenVerifier(TokenVerifier.oneOf(TOKEN)).build());
    server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    client = client(baseUrl, TOKEN, true);
    anonymousClient = client(baseUrl, "not-the-token", false);
  }

  static CodeArtsCheckClient client(String baseUrl, String token, boolean validateArguments) {
    return CodeArtsCheckClient.builder()
        .endpoint(baseUrl)
        .authToken(token)
        .validateArguments(validateArguments)
        .maxAttempts(1)
        .httpClient(new SpecValidatingFeignClient(new Client.Default(null, null), SPEC, verdicts))
        .build();
  }

  @AfterAll
  static void stopServer() {
    client.close();
    anonymousClient.close();
    server.stop(0);
  }

  /** Every successful exchange of these tests conforms to the spec, request and response. */
  @AfterEach
  void everyExchangeConformed() {
    for (SpecVerdict verdict : verdicts.drain()) {
      assertThat(verdict.responseProblems()).as(verdict.toString()).isEmpty();
      if (verdict.exchange().status() == 200) {
        assertThat(verdict.requestProblems()).as(verdict.toString()).isEmpty();
      }
    }
  }

  @Test
  void refresh_docsExample_decodesEveryFieldOfTheReport() throws IOException {
    RefreshJobResultResponse response = client.refreshPortalServiceJobResult(r -> r
        .jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));

    assertThat(tree(response)).isEqualTo(example("refresh-200.json"));
    JobReportInfo report = response.getResult();
    assertThat(report.getMajorIssueCount()).isEqualTo(4);
    assertThat(report.getSeverityCriticalCount()).isEqualTo(0);
    assertThat(report.getConfirmedIssueCount()).isEqualTo(0);
    assertThat(report.getTools()).containsExactly("fixbotengine-cxx", "clangtidy", "codemars");
    assertThat(report.getDeferredSuggestionCount()).isEqualTo(0);
    assertThat(response.getHttpStatus()).isEqualTo("OK");
    assertThat(tree(report).size()).isEqualTo(28);
  }

  @Test
  void refresh_docsExampleRequest_goesOnTheWireAsPrinted() {
    client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx").async(false));

    List<SpecVerdict> seen = verdicts.drain();
    assertThat(seen).singleElement().extracting(v -> v.exchange().requestLine())
        .isEqualTo("PUT /v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false");
    assertThat(seen.get(0).requestProblems()).isEmpty();
  }

  @Test
  void refresh_asyncDefault_returnsNoReport() {
    RefreshJobResultResponse response =
        client.refreshPortalServiceJobResult(r -> r.jobId("e5470ceb4d0440f198b56974xxxxxxxx"));

    assertThat(response.getStatus()).isEqualTo("success");
    assertThat(response.getResult()).isNull();
  }

  @Test
  void taskCron_docsExample_decodesEveryField() throws IOException {
    TaskCronResponse response = client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801");

    assertThat(tree(response)).isEqualTo(example("taskcron-200.json"));
    assertThat(response.getResult().getWeekDays()).containsExactly("0", "1", "2");
    assertThat(response.getResult().getTimeOffset()).isEqualTo("GMT+08:00");
  }

  @Test
  void delete_docsExample_resultIsTrue() throws IOException {
    DeleteTaskResponse response = client.deleteTaskV3("897acf5exxx48a5013cd");

    assertThat(tree(response)).isEqualTo(example("delete-200.json"));
    assertThat(response.getResult()).isTrue();
  }

  @Test
  void badge_svgTextArrivesIntact_labelledAsSvg() {
    assertThat(client.showCodeHealthSvg(r -> r.taskId("aexxxx86").locale(BadgeLocale.ZH_CN))).isEqualTo(SVG);

    assertThat(verdicts.drain()).singleElement()
        .satisfies(v -> assertThat(v.exchange().responseHeader("Content-Type")).isEqualTo("image/svg+xml;charset=UTF-8"));
  }

  @Test
  void stop_answers200WithTheJsonLiteralNull() {
    client.stopTaskByIdV2("2b31ed520xxxxxxebedb6e57xxxxxxxx");

    List<SpecVerdict> seen = verdicts.drain();
    assertThat(seen).singleElement().satisfies(v -> {
      assertThat(v.exchange().status()).isEqualTo(200);
      assertThat(v.exchange().responseBody()).isEqualTo("null");
      assertThat(v.responseProblems()).isEmpty();
    });
  }

  @Test
  void taskIdOf33Characters_isRejectedByTheServerWith400InTheDocumentedShape() {
    CodeArtsCheckClient unchecked = client(baseUrl(), TOKEN, false);

    assertThatThrownBy(() -> unchecked.stopTaskByIdV2("x".repeat(33)))
        .isInstanceOfSatisfying(CodeArtsCheckException.class, e -> {
          assertThat(e.getHttpStatusCode()).isEqualTo(400);
          assertThat(e.getErrorCode()).matches("CC\\.\\d{8}\\.400");
          assertThat(e.getErrorMsg()).contains("task_id");
        });
    assertThat(verdicts.drain()).singleElement().satisfies(v -> {
      assertThat(v.requestProblems()).as("the spec also rejects the request").isNotEmpty();
      assertThat(v.responseProblems()).isEmpty();
    });
  }

  @Test
  void taskIdOf32Characters_isAccepted() {
    client.stopTaskByIdV2("x".repeat(32));

    assertThat(verdicts.drain()).singleElement().extracting(v -> v.exchange().status()).isEqualTo(200);
  }

  @Test
  void rejectedToken_isAnswered401WithTheDocsExampleBody() throws IOException {
    JsonNode documented = example("401.json");

    assertThatThrownBy(() -> anonymousClient.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801"))
        .isInstanceOfSatisfying(CodeArtsCheckException.class, e -> {
          assertThat(e.getHttpStatusCode()).isEqualTo(401);
          assertThat(e.getErrorCode()).isEqualTo(documented.get("error_code").asText());
          assertThat(e.getErrorMsg()).isEqualTo(documented.get("error_msg").asText());
        });
  }

  static String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  static JsonNode example(String name) throws IOException {
    return JSON.readTree(exampleText(name));
  }

  static String exampleText(String name) throws IOException {
    try (InputStream in = GeneratedCodeRoundTripJerseyTest.class.getResourceAsStream("/META-INF/openapi/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** A minimal implementation of the generated interface that answers with the docs' examples. */
  public static class DocsExampleTasks implements TaskManagementApi {
    @Override
    public io.codeartscheck.server.model.DeleteTaskResponse deleteTaskV3(String taskId, String operator) {
      return serverModel("delete-200.json", io.codeartscheck.server.model.DeleteTaskResponse.class);
    }

    @Override
    public io.codeartscheck.server.model.RefreshJobResultResponse refreshPortalServiceJobResult(
        String jobId, String taskId, String async) {
      if ("true".equals(async)) {
        return new io.codeartscheck.server.model.RefreshJobResultResponse().httpStatus("OK").status("success");
      }
      return serverModel("refresh-200.json", io.codeartscheck.server.model.RefreshJobResultResponse.class);
    }

    @Override
    public String showCodeHealthSvg(String taskId, String locale, String jobId) {
      return SVG;
    }

    @Override
    public io.codeartscheck.server.model.TaskCronResponse showPortalServiceTaskCron(String taskId, String operator) {
      TaskCronResult cron = new TaskCronResult().taskId(taskId).cronStatus("0")
          .weekDays(List.of("0", "1", "2")).detailTime("15:00").creator("creator").timeOffset("GMT+08:00");
      return new io.codeartscheck.server.model.TaskCronResponse().status("success").httpStatus("OK").result(cron);
    }

    @Override
    public Object stopTaskByIdV2(String taskId) {
      return null;
    }

    static <T> T serverModel(String example, Class<T> type) {
      try {
        return JSON.readValue(exampleText(example), type);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
