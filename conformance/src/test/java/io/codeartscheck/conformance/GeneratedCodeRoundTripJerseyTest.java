package io.codeartscheck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import feign.Feign;
import feign.FeignException;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.codeartscheck.client.api.TaskManagementApi;
import io.codeartscheck.client.model.ApiResponse;
import io.codeartscheck.client.model.DeleteTaskResponse;
import io.codeartscheck.client.model.ErrorResponse;
import io.codeartscheck.client.model.JobReportInfo;
import io.codeartscheck.client.model.RefreshJobResultResponse;
import io.codeartscheck.client.model.TaskCronResponse;
import io.codeartscheck.server.model.TaskCronResult;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first proof that the spec generates working code on both sides: the generated Feign client
 * calls an implementation of the generated JAX-RS interface, hosted on Jersey over loopback, and
 * every answer is compared field by field with the example printed in the API docs.
 */
class GeneratedCodeRoundTripTest {

  static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  static final String TOKEN = "a-valid-token";
  static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" height=\"20\">"
      + "<text x=\"5\" y=\"14\">代码健康度 A</text></svg>";

  static HttpServer server;
  static TaskManagementApi client;
  static TaskManagementApi anonymousClient;

  @BeforeAll
  static void startServerAndClients() {
    ResourceConfig app = new ResourceConfig()
        .register(DocsExampleTasks.class)
        .register(ConstraintViolationToErrorBody.class)
        .register(TokenRequired.class)
        .property(ServerProperties.BV_SEND_ERROR_IN_RESPONSE, true);
    server = JdkHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
    String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    client = feign(baseUrl, TOKEN);
    anonymousClient = feign(baseUrl, null);
  }

  @AfterAll
  static void stopServer() {
    server.stop(0);
  }

  static TaskManagementApi feign(String baseUrl, String token) {
    Feign.Builder builder = Feign.builder()
        .encoder(new JacksonEncoder(JSON))
        .decoder(new TextOrJsonDecoder(new JacksonDecoder(JSON)));
    if (token != null) {
      builder.requestInterceptor(template -> template.header("X-Auth-Token", token));
    }
    return builder.target(TaskManagementApi.class, baseUrl);
  }

  @Test
  void refresh_docsExample_decodesEveryFieldOfTheReport() throws IOException {
    RefreshJobResultResponse response = client.refreshPortalServiceJobResult(
        "e5470ceb4d0440f198b56974xxxxxxxx", "", "false");

    JsonNode example = example("refresh-200.json");
    assertThat(tree(response)).isEqualTo(example);
    JobReportInfo report = response.getResult();
    assertThat(report.getCRITICAL()).isEqualTo(4);
    assertThat(report.getCritical()).isEqualTo(0);
    assertThat(report.getCOMFIRM()).isEqualTo(0);
    assertThat(report.getTOOLLIST()).containsExactly("fixbotengine-cxx", "clangtidy", "codemars");
    assertThat(report.getDelaySuggestion()).isEqualTo(0);
    assertThat(response.getHttpStatus()).isEqualTo("OK");
    assertThat(tree(report).size()).isEqualTo(28);
  }

  @Test
  void refresh_asyncDefault_returnsNoReport() {
    RefreshJobResultResponse response =
        client.refreshPortalServiceJobResult("e5470ceb4d0440f198b56974xxxxxxxx", null, null);

    assertThat(response.getStatus()).isEqualTo("success");
    assertThat(response.getResult()).isNull();
  }

  @Test
  void taskCron_docsExample_decodesEveryField() throws IOException {
    TaskCronResponse response =
        client.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801", null);

    assertThat(tree(response)).isEqualTo(example("taskcron-200.json"));
    assertThat(response.getResult().getWeekDays()).containsExactly("0", "1", "2");
    assertThat(response.getResult().getTimeOffset()).isEqualTo("GMT+08:00");
  }

  @Test
  void delete_docsExample_resultIsTrue() throws IOException {
    DeleteTaskResponse response = client.deleteTaskV3("897acf5exxx48a5013cd", null);

    assertThat(tree(response)).isEqualTo(example("delete-200.json"));
    assertThat(response.getResult()).isTrue();
  }

  @Test
  void badge_svgTextArrivesIntact() {
    assertThat(client.showCodeHealthSvg("aexxxx86", "zh-cn", null)).isEqualTo(SVG);
  }

  @Test
  void stop_answers200WithTheJsonLiteralNull() {
    var response = client.stopTaskByIdV2WithHttpInfo("2b31ed520xxxxxxebedb6e57xxxxxxxx");

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getData()).isNull();
  }

  @Test
  void taskIdOf33Characters_isRejectedWith400InTheDocumentedShape() {
    String taskId = "x".repeat(33);

    assertThatThrownBy(() -> client.stopTaskByIdV2(taskId))
        .isInstanceOfSatisfying(FeignException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          ErrorResponse error = read(e.contentUTF8(), ErrorResponse.class);
          assertThat(error.getErrorCode()).isEqualTo("CC.xxxxxxxx.400");
          assertThat(error.getErrorMsg()).contains("task_id");
        });
  }

  @Test
  void taskIdOf32Characters_isAccepted() {
    assertThat(client.stopTaskByIdV2WithHttpInfo("x".repeat(32)).getStatusCode()).isEqualTo(200);
  }

  @Test
  void missingToken_isRejectedWith401InTheDocumentedShape() throws IOException {
    JsonNode documented = example("401.json");
    assertThatThrownBy(() -> anonymousClient.showPortalServiceTaskCron("fxxxx7ba3ae14a87a32b151bcbe20801", null))
        .isInstanceOfSatisfying(FeignException.class, e -> {
          assertThat(e.status()).isEqualTo(401);
          assertThat(readTree(e.contentUTF8())).isEqualTo(documented);
        });
  }

  static JsonNode tree(Object value) {
    return JSON.valueToTree(value);
  }

  static JsonNode example(String name) throws IOException {
    return JSON.readTree(exampleText(name));
  }

  static String exampleText(String name) throws IOException {
    try (InputStream in = GeneratedCodeRoundTripTest.class.getResourceAsStream("/examples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  static JsonNode readTree(String json) {
    return read(json, JsonNode.class);
  }

  /** Decodes String bodies as text (the SVG badge), everything else as JSON; wraps ApiResponse. */
  record TextOrJsonDecoder(Decoder json) implements Decoder {
    @Override
    public Object decode(Response response, Type type) throws IOException {
      if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == ApiResponse.class) {
        Object data = decode(response, parameterized.getActualTypeArguments()[0]);
        return new ApiResponse<>(response.status(), response.headers(), data);
      }
      if (type == String.class) {
        return response.body() == null ? null : Util.toString(response.body().asReader(StandardCharsets.UTF_8));
      }
      return json.decode(response, type);
    }
  }

  /** An implementation of the generated interface that answers with the docs' examples. */
  public static class DocsExampleTasks implements io.codeartscheck.server.api.TaskManagementApi {
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
      return jakarta.ws.rs.core.Response.ok("null", MediaType.APPLICATION_JSON_TYPE).build();
    }

    static <T> T serverModel(String example, Class<T> type) {
      try {
        return JSON.readValue(exampleText(example), type);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** Test glue until the server-stub Feature lands: bean-validation failures in the documented shape. */
  public static class ConstraintViolationToErrorBody implements ExceptionMapper<ConstraintViolationException> {
    @Override
    public jakarta.ws.rs.core.Response toResponse(ConstraintViolationException exception) {
      String message = exception.getConstraintViolations().stream()
          .map(v -> v.getPropertyPath() + " " + v.getMessage()).findFirst().orElse("invalid request")
          .replace("taskId", "task_id");
      return jakarta.ws.rs.core.Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
          .entity(JSON.createObjectNode().put("error_code", "CC.xxxxxxxx.400").put("error_msg", message).toString())
          .build();
    }
  }

  /** Test glue until the server-stub Feature lands: a missing token is answered with 401. */
  public static class TokenRequired implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) throws IOException {
      if (!TOKEN.equals(request.getHeaderString("X-Auth-Token"))) {
        request.abortWith(jakarta.ws.rs.core.Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
            .entity(exampleText("401.json")).build());
      }
    }
  }
}
